import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Argument } from 'commander';
import { UsageError } from '../../core/errors.js';
import { displayPath } from '../../io/display-path.js';
import { terminalText } from '../../render/terminal/terminal-text.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { requireOutputFolder } from '../output-folder.js';
import { parseText } from '../parse-options.js';
import { addTodayOption, todayOf, type TodayOption } from '../today.js';
import { writeAndListFiles, type WrittenFilesOptions } from '../written-files.js';

interface InitOptions extends TodayOption, WrittenFilesOptions {
  empty?: boolean;
}

export const registerInit: RegisterCommand = (program, { io, exit }) => {
  addTodayOption(program.command('init'))
    .description('scaffold a plan repository: the plan, its schemas, a README for its editors, CI for GitHub and GitLab, editor settings')
    .addArgument(new Argument('[dir]', 'the folder of the repository (created when missing)').argParser(parseText).default('.'))
    .option('--empty', 'start from a skeleton of one mission and one objective instead of the PSTTM 2025-2027')
    .option('--force', 'write into a folder that is not empty, replacing the files init writes (nothing else is touched)')
    .option('--json', 'print the written files as JSON')
    .action(async (dir: string, options: InitOptions) => exit(await runInit(dir, options, io)));
};

async function runInit(dir: string, options: InitOptions, io: Io): Promise<number> {
  const today = todayOf(options, io);
  const root = path.resolve(io.cwd, dir);
  requireOutputFolder(root, `init ${dir}`, io.cwd);
  if (!options.force && !isEmptyFolder(root)) {
    throw new UsageError(`${displayPath(root, io.cwd)} is not empty; choose an empty folder, or pass --force to write psttm's files into it (the files of the same name are replaced, no other file is touched)`);
  }
  const { scaffoldFiles } = await import('../scaffold.js');
  const files = (await scaffoldFiles({ empty: options.empty === true, today }, io)).map(({ relative, content }) => {
    const absPath = path.join(root, relative);
    return { path: absPath, displayPath: displayPath(absPath, io.cwd), content };
  });
  await writeAndListFiles(files, options, io);
  await warnBelowRepositoryTop(root, io);
  return 0;
}

/**
 * Say so when the folder is below the top of a git repository: GitHub and GitLab read their CI files
 * only at a repository's top, so the ones init wrote would never run there.
 */
async function warnBelowRepositoryTop(root: string, io: Io): Promise<void> {
  const { gitTopLevel } = await import('../../load/source/git.js');
  const top = await gitTopLevel(root);
  if (top === undefined || path.resolve(top) === realpathSync(root)) return;
  const folder = terminalText(displayPath(root, io.cwd));
  io.stderr.write(
    `psttm: warning: ${folder} is inside the git repository at ${terminalText(displayPath(top, io.cwd))}, and GitHub and GitLab read .github/workflows and .gitlab-ci.yml only at a repository's top: make ${folder} a repository of its own (git init), or move those files to the top and run their commands in ${folder}\n`,
  );
}

/** A missing folder, or one holding nothing but a git repository's `.git` (a repository just made with git init), is empty. */
function isEmptyFolder(folder: string): boolean {
  try {
    return readdirSync(folder).every((entry) => entry === '.git');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
