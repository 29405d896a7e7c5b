#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// Set the exit code and let Node exit by itself, so piped output is never cut short.
try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
  });
} catch (error) {
  process.stderr.write(`psttm: internal error, please report it with the command you ran:\n${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
}
