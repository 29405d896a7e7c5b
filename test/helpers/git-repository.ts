import { execFileSync } from 'node:child_process';

/** Fixed identities and dates, and no user or system configuration, so commits are the same on any machine. */
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'psttm test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_AUTHOR_DATE: '2026-11-22T12:00:00Z',
  GIT_COMMITTER_NAME: 'psttm test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_COMMITTER_DATE: '2026-11-22T12:00:00Z',
};

/** Run git in `dir` and return its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

/** Make `dir` a git repository and commit everything in it. */
export function initRepository(dir: string): void {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  commitAll(dir, 'the plan');
}

/** Commit every change in `dir`, additions and removals alike. */
export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', message);
}
