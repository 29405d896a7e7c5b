import { Command, CommanderError } from 'commander';
import { FailingFindingsError, InputError, OutputClosedError, UsageError, WriteError } from '../core/errors.js';
import { packageVersion } from '../io/package-paths.js';
import { terminalText } from '../render/terminal/terminal-text.js';
import type { CommandContext, RegisterCommand } from './command.js';
import type { Io } from './io.js';

/** Each command's module by the names it registers, loaded only when needed: a run loads the command it names, not the other fifteen. */
const COMMANDS: readonly [names: readonly string[], load: () => Promise<RegisterCommand>][] = [
  [['validate'], async () => (await import('./commands/validate.js')).registerValidate],
  [['list'], async () => (await import('./commands/list.js')).registerList],
  [['show'], async () => (await import('./commands/show.js')).registerShow],
  [['link', 'unlink'], async () => (await import('./commands/link.js')).registerLink],
  [['dup'], async () => (await import('./commands/dup.js')).registerDup],
  [['new'], async () => (await import('./commands/new.js')).registerNew],
  [['import'], async () => (await import('./commands/import.js')).registerImport],
  [['coverage'], async () => (await import('./commands/coverage.js')).registerCoverage],
  [['progress'], async () => (await import('./commands/progress.js')).registerProgress],
  [['why'], async () => (await import('./commands/why.js')).registerWhy],
  [['diff'], async () => (await import('./commands/diff.js')).registerDiff],
  [['report'], async () => (await import('./commands/report.js')).registerReport],
  [['collect'], async () => (await import('./commands/collect.js')).registerCollect],
  [['templates'], async () => (await import('./commands/templates.js')).registerTemplates],
  [['schema'], async () => (await import('./commands/schema.js')).registerSchema],
  [['init'], async () => (await import('./commands/init.js')).registerInit],
];

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
  // A run that names a command needs only it; help, --version and anything unknown (to suggest a name) need them all, in order.
  const named = COMMANDS.filter(([names]) => names.includes(argv[0] ?? ''));
  for (const register of await Promise.all((named.length > 0 ? named : COMMANDS).map(([, load]) => load()))) register(program, context);
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
