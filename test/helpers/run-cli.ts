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
  env?: Record<string, string>;
}

/** Spawned runs see the locale of no user (messages in English) unless a case sets its own. */
const NEUTRAL_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

/** Run `main` in this process with captured streams. */
export async function runInProcess(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd ?? repoRoot,
    env: { NO_COLOR: '1', ...options.env },
    now: () => new Date('2026-11-22T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** Spawn the built binary (bin/psttm.js → dist/), as a user or CI would. */
export function runBinary(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath, ...argv],
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...NEUTRAL_LOCALE, NO_COLOR: '1', FORCE_COLOR: '', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
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
    env: { ...process.env, ...NEUTRAL_LOCALE, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, ended };
}
