import { InputError } from '../../core/errors.js';
import { commitOf, git, GitFailure, gitProblem, shallowCloneNote } from './git.js';

/** The revision a change is compared against by default, and how it was chosen (for messages). */
export interface DiffBase {
  revision: string;
  described: string;
}

/** Branches taken for the default one, in turn, when the repository does not say which it is. */
const USUAL_DEFAULT_BRANCHES = ['origin/main', 'origin/master', 'main', 'master'];

/**
 * Where the current change forks from: in a GitLab merge request its diff base, else the merge-base
 * of HEAD with the pull request's target branch (GITHUB_BASE_REF) or the default branch (origin's
 * HEAD, else main or master).
 */
export async function defaultDiffBase(repository: string, env: NodeJS.ProcessEnv): Promise<DiffBase> {
  const mergeRequestBase = env['CI_MERGE_REQUEST_DIFF_BASE_SHA'];
  if (mergeRequestBase) return { revision: mergeRequestBase, described: `the merge request's base ${mergeRequestBase.slice(0, 12)}` };
  const branch = await targetBranch(repository, env['GITHUB_BASE_REF']);
  try {
    const commit = (await git(repository, ['merge-base', '--end-of-options', branch, 'HEAD'])).toString('utf8').trim();
    return { revision: commit, described: `${branch} (merge-base ${commit.slice(0, 7)})` };
  } catch (error) {
    // merge-base exits 1, saying nothing, when the two histories share no commit (or a shallow clone holds none they share).
    const why = error instanceof GitFailure && error.exitCode === 1 ? await shallowCloneNote(repository) : ` (${gitProblem(error)})`;
    throw new InputError(`HEAD and ${branch} have no common commit in the git repository at ${repository}${why}; name the revision to compare with: psttm diff BASE`);
  }
}

/** The branch a change will merge into: the pull request's target, else the repository's default branch. */
async function targetBranch(repository: string, pullRequestTarget: string | undefined): Promise<string> {
  const candidates = pullRequestTarget ? [`origin/${pullRequestTarget}`, pullRequestTarget] : [...(await originHead(repository)), ...USUAL_DEFAULT_BRANCHES];
  for (const candidate of candidates) if ((await commitOf(repository, candidate)) !== undefined) return candidate;
  throw new InputError(`cannot tell which branch to compare with in the git repository at ${repository} (tried ${candidates.join(', ')})${await shallowCloneNote(repository)}; name the revision: psttm diff BASE`);
}

/** `origin/<branch>` for the branch origin's HEAD names, when the clone recorded it. */
async function originHead(repository: string): Promise<string[]> {
  try {
    const ref = (await git(repository, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])).toString('utf8').trim();
    return [ref.replace(/^refs\/remotes\//, '')];
  } catch (error) {
    if (error instanceof GitFailure) return [];
    throw error;
  }
}
