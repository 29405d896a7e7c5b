import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const binPath = path.join(repoRoot, 'bin', 'psttm.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Variables to set; undefined removes one (SOURCE_DATE_EPOCH, to read the system clock). */
  env?: Record<string, string | undefined>;
}

/** The day every test runs on: in process as the system clock's date, spawned through SOURCE_DATE_EPOCH. */
export const TEST_TODAY = '2026-11-22';

/** SOURCE_DATE_EPOCH for noon UTC of an ISO date. */
export function sourceDateEpoch(isoDate: string): string {
  return String(Date.parse(`${isoDate}T12:00:00Z`) / 1000);
}

/** Spawned runs see the locale of no user (messages in English) unless a case sets its own. */
const NEUTRAL_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

/** The environment of a spawned binary: the test's own, without colour, on the test day unless `options.env` says otherwise. */
export function binaryEnv(options: RunOptions = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...NEUTRAL_LOCALE, NO_COLOR: '1', FORCE_COLOR: '', SOURCE_DATE_EPOCH: sourceDateEpoch(TEST_TODAY), ...options.env };
}

/** Run `main` in this process with captured streams. */
export async function runInProcess(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd ?? repoRoot,
    env: { NO_COLOR: '1', ...options.env },
    today: TEST_TODAY,
  });
  return { code, stdout, stderr };
}

/** Spawn the built binary (bin/psttm.js → dist/), as a user or CI would. */
export function runBinary(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath, ...argv],
      { cwd: options.cwd ?? repoRoot, env: binaryEnv(options), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 2 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface SpawnedCli {
  child: ChildProcess;
  /** How the process ended: its exit code, or the signal that ended it. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Start the built binary without waiting for it, to signal it while it runs. */
export function spawnBinary(argv: readonly string[], options: RunOptions = {}): SpawnedCli {
  const child = spawn(process.execPath, [binPath, ...argv], {
    cwd: options.cwd ?? repoRoot,
    env: binaryEnv(options),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, ended };
}
