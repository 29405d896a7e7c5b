import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryEnv, binPath, repoRoot } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Run the built CLI with stdout connected as `stdout` wants: a pipe closed by the reader, or a file descriptor. */
function runWithStdout(argv: string[], stdout: 'closed-pipe' | 'pipe-read-once' | number, cwd = repoRoot): Promise<Ended> {
  const child = spawn(process.execPath, [binPath, ...argv], {
    cwd,
    env: binaryEnv(),
    stdio: ['ignore', typeof stdout === 'number' ? stdout : 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A reader gone before the first byte (`| true`), or after the first chunk (`| head -c 100`).
  if (stdout === 'closed-pipe') child.stdout!.destroy();
  if (stdout === 'pipe-read-once') child.stdout!.once('data', () => child.stdout!.destroy());
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const NOTE = 'psttm: using the plan in plan/\n';

describe('standard output that fails', () => {
  it.each([
    ['list objectives', ['list', 'objectives']],
    ['validate --json', ['validate', '--json']],
    ['show M2', ['show', 'M2']],
    ['schema project', ['schema', 'project']],
  ])('%s to a reader that closed before the first byte: exit 0, no message', async (_name, argv) => {
    const ended = await runWithStdout(argv, 'closed-pipe');
    expect(ended.stderr.replace(NOTE, '')).toBe('');
    expect(ended).toMatchObject({ code: 0, signal: null });
  });

  it('an output larger than the pipe to a reader that stops after its first chunk (| head): exit 0, no stack trace', async () => {
    // A project with a 300 KB summary: its JSON cannot fit in the pipe's 64 KB buffer, so a write meets the closed reader.
    const root = tempPlan();
    const project = path.join(root, 'plan/projects/alpha-hub.yaml');
    writeFileSync(project, readFileSync(project, 'utf8').replace('Un progetto di prova.', 'Un progetto di prova. '.repeat(14_000)));
    const ended = await runWithStdout(['show', 'alpha-hub', '--json'], 'pipe-read-once', root);
    expect(ended.stderr.replace(NOTE, '')).toBe('');
    expect(ended.code).toBe(0);
  });

  it('a full device (/dev/full): one line and exit 2', async () => {
    const ended = await runWithStdout(['list', 'objectives'], openSync('/dev/full', 'w'));
    expect(ended.stderr).toBe(`${NOTE}psttm: cannot write to standard output: no space left on the device\n`);
    expect(ended.code).toBe(2);
  });

  it('a failed output does not hide failing findings from a run that ends before writing: validate to /dev/full still exits 2', async () => {
    const ended = await runWithStdout(['validate', '--plan', 'test/fixtures/findings/numbering-gap'], openSync('/dev/full', 'w'));
    expect(ended.stderr).toMatch(/psttm: cannot write to standard output: no space left on the device\n$/);
    expect(ended.code).toBe(2);
  });
});
