import { realpathSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../io/display-path.js';
import type { FindingsReport } from '../render/findings/findings-report.js';
import type { Io } from './io.js';

/**
 * The folder CI services name files from: GITHUB_WORKSPACE or CI_PROJECT_DIR when set, else the
 * top of the git work tree holding the plan, else the working directory.
 */
export async function repositoryRoot(planFolder: string, io: Io): Promise<string> {
  const workspace = io.env.GITHUB_WORKSPACE || io.env.CI_PROJECT_DIR;
  if (workspace) return path.resolve(io.cwd, workspace);
  const { gitTopLevel } = await import('../load/source/git.js');
  return (await gitTopLevel(planFolder)) ?? io.cwd;
}

/** The report with its files named from `root` instead of the working directory (absolute when outside `root`). */
export function reportFromRoot(report: FindingsReport, root: string, cwd: string): FindingsReport {
  // git names the top folder by its real path: compare real paths, so a linked folder (macOS /tmp) still matches.
  const realRoot = realPath(root);
  const realCwd = realPath(cwd);
  const fromRoot = (file: string) => displayPath(path.resolve(realCwd, file), realRoot);
  return { ...report, files: report.files.map(fromRoot), findings: report.findings.map((finding) => ({ ...finding, file: fromRoot(finding.file) })) };
}

/** The path with its links resolved, or as it is when it does not exist. */
function realPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
