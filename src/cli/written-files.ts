import type { OutputFile } from '../io/write-outputs.js';
import { terminalText } from '../render/terminal/terminal-text.js';
import type { Io } from './io.js';

export interface WrittenFilesOptions {
  force?: boolean;
  json?: boolean;
}

/** Write a command's files, all or none (existing ones only with --force), then print their paths one a line, or `{"files":[…]}` with --json. */
export async function writeAndListFiles(files: readonly OutputFile[], options: WrittenFilesOptions, io: Io): Promise<void> {
  const { writeOutputs } = await import('../io/write-outputs.js');
  await writeOutputs(files, { force: options.force === true });
  if (options.json) {
    const { toJsonText } = await import('../render/json/plan-json.js');
    io.stdout.write(toJsonText({ files: files.map((written) => written.displayPath) }));
  } else for (const written of files) io.stdout.write(`${terminalText(written.displayPath)}\n`);
}
