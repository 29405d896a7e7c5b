import { execFile } from 'node:child_process';

/** The top folder of the git work tree holding `folder`, or undefined when it is in none (or git is not installed). */
export async function gitTopLevel(folder: string): Promise<string | undefined> {
  try {
    return (await git(folder, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitFailure) return undefined;
    throw error;
  }
}

/** The commit `revision` names, or undefined when it names none. */
export async function commitOf(repository: string, revision: string): Promise<string | undefined> {
  try {
    return (await git(repository, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).toString('utf8').trim();
  } catch (error) {
    // With --quiet, rev-parse fails silently with status 1 for a name it cannot resolve.
    if (error instanceof GitFailure && error.exitCode === 1) return undefined;
    throw error;
  }
}

/**
 * What to add to a message about commits git cannot find: in a shallow clone (as CI checks out by
 * default), that its history may stop short of them and how to fetch it; else nothing.
 */
export async function shallowCloneNote(repository: string): Promise<string> {
  const shallow = (await git(repository, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() === 'true';
  return shallow ? ' (this clone is shallow: it may lack the commits and branches to compare; fetch them with fetch-depth: 0 in actions/checkout, GIT_DEPTH: 0 in GitLab CI, or git fetch --unshallow)' : '';
}

/** A failed git command: the first line it wrote on stderr, and its exit status. */
export class GitFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number | undefined,
  ) {
    super(message);
  }
}

/** Variables by which git finds its repository elsewhere than in its working folder (a hook sets them). */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'];

/**
 * Run git with `args` (never through a shell) in `repository` and return its stdout. Optional
 * locks are off, so reading never rewrites the index, as `git status` would to refresh it.
 */
export function git(repository: string, args: readonly string[], maxBuffer = 1024 * 1024, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
    for (const name of REPOSITORY_VARIABLES) delete env[name];
    const child = execFile('git', args, { cwd: repository, env, encoding: 'buffer', maxBuffer }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const exitCode = typeof error.code === 'number' ? error.code : undefined;
      const message = error.code === 'ENOENT' ? 'git is not installed, or the folder does not exist' : stderr.toString('utf8').split('\n')[0] || error.message;
      reject(new GitFailure(message, exitCode));
    });
    // A git that exits before reading its input closes the pipe; its exit status says why.
    child.stdin!.on('error', () => {});
    child.stdin!.end(input);
  });
}

export function gitProblem(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
