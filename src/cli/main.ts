import { Command, CommanderError } from 'commander';
import { FailingFindingsError, InputError, OutputClosedError, UsageError, WriteError } from '../core/errors.js';
import { packageVersion } from '../io/package-paths.js';
import { terminalText } from '../render/terminal/terminal-text.js';
import type { CommandContext, RegisterCommand } from './command.js';
import { registerCollect } from './commands/collect.js';
import { registerCoverage } from './commands/coverage.js';
import { registerDiff } from './commands/diff.js';
import { registerDup } from './commands/dup.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLink } from './commands/link.js';
import { registerList } from './commands/list.js';
import { registerNew } from './commands/new.js';
import { registerProgress } from './commands/progress.js';
import { registerReport } from './commands/report.js';
import { registerSchema } from './commands/schema.js';
import { registerShow } from './commands/show.js';
import { registerTemplates } from './commands/templates.js';
import { registerValidate } from './commands/validate.js';
import { registerWhy } from './commands/why.js';
import type { Io } from './io.js';

const COMMANDS: readonly RegisterCommand[] = [registerValidate, registerList, registerShow, registerLink, registerDup, registerNew, registerImport, registerCoverage, registerProgress, registerWhy, registerDiff, registerReport, registerCollect, registerTemplates, registerSchema, registerInit];

// Commander puts its "Did you mean" on a line of its own; a line break in what the user typed stays visible, escaped.
const COMMANDER_SUGGESTION_BREAK = /\n\((?=Did you mean )/;

/** Run the CLI with `argv` (without node and script) and return the exit code: 0 ok, 1 failing findings, 2 failed run. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = { io, exit: (code) => (exitCode = code) };
  const program = new Command('psttm')
    .description('Monitor the PSTTM 2025-2027, the strategic plan of the Città metropolitana di Milano.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`psttm: ${terminalText(text.replace(/^error: /, '').trimEnd().replace(COMMANDER_SUGGESTION_BREAK, ' ('))} (see psttm --help)\n`),
    });
  for (const register of COMMANDS) register(program, context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof OutputClosedError) return 0;
    if (!isExpectedFailure(error)) throw error;
    io.stderr.write(`psttm: ${terminalText(error.message)}\n`);
    return error instanceof FailingFindingsError ? 1 : 2;
  }
  return exitCode;
}

/** A failure psttm expects and explains in one line (exit 1 for failing findings, else 2); anything else is a bug. */
function isExpectedFailure(error: unknown): error is FailingFindingsError | UsageError | InputError | WriteError {
  return error instanceof FailingFindingsError || error instanceof UsageError || error instanceof InputError || error instanceof WriteError;
}
