import { OutputClosedError } from '../core/errors.js';
import { isoDate } from '../model/dates.js';
import { main } from './main.js';
import { guardOutput, outputFailure } from './process-output.js';

/**
 * psttm as a process: run the command line, then set the exit code and let Node exit by itself, so
 * piped output is never cut short.
 */
export async function runProcess(): Promise<void> {
  const stdout = guardOutput(process.stdout);
  // Diagnostics that cannot be delivered are dropped: they must not end the run or crash it.
  process.stderr.on('error', () => undefined);
  try {
    process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, today: isoDate(new Date()) });
  } catch (error) {
    process.stderr.write(`psttm: internal error, please report it with the command you ran:\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  }
  // A write that failed after the last one main made: EPIPE is a reader that has seen enough, anything else a failed run.
  const failure = await stdout.settled();
  if (failure) {
    const error = outputFailure(failure);
    if (error instanceof OutputClosedError) process.exitCode = 0;
    else {
      process.stderr.write(`psttm: ${error.message}\n`);
      process.exitCode = 2;
    }
  }
}
