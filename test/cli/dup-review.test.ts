import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { repoRoot, runBinary, TEST_TODAY } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const dupPlan = path.join(repoRoot, 'test/fixtures/dup-plan');
const SESTO = 'plan/dup/015209-sesto-san-giovanni.yaml';

/** A fake terminal: stdin takes the keys written to it, once the review waits for one; stdout records what was shown. */
function fakeTerminal(keys: string[], columns: number) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, rawMode: [] as boolean[], setRawMode(raw: boolean) { this.rawMode.push(raw); } });
  let stdout = '';
  const prompts = () => stdout.split('[q]uit? ').length - 1;
  const io = {
    stdin,
    stdout: { isTTY: true, columns, write: (text: string) => {
      stdout += text;
      // Each prompt is answered with the next key, as a person at the terminal would.
      if (text.endsWith('[q]uit? ')) setImmediate(() => stdin.write(keys[prompts() - 1] ?? 'q'));
    } },
    stderr: { write: () => true },
    env: { NO_COLOR: '1' },
    today: TEST_TODAY,
  };
  return { io, stdin, output: () => stdout };
}

describe('psttm dup review', () => {
  it('walks the suggestions best first, saves each answer, and quits on q', async () => {
    const root = tempPlan(undefined, dupPlan);
    const before = readFileSync(path.join(root, SESTO), 'utf8');
    const terminal = fakeTerminal(['a', 'q'], 120);
    const code = await main(['dup', 'review', 'Sesto San Giovanni', '--plan', root], { ...terminal.io, cwd: root });
    expect(code).toBe(0);
    const output = terminal.output();
    // M1.2 (score 0.64) comes before M2.1 (0.31); the DUP text and the objective side by side on one row.
    expect(output).toMatch(/1\/2\n┌[─┬]+┐\n│ DUP Sesto San Giovanni · S1\.1 +│ PSTTM M1\.2 · score 0\.64 +│\n│ operativo · missione 01, programma 01\.08 +│ M1 Alpha +│/);
    expect(output).toContain('accept\nM1.2 confirmed for S1.1, saved to plan/dup/015209-sesto-san-giovanni.yaml\n');
    expect(output).toMatch(/2\/2\n[^]*│ DUP Sesto San Giovanni · S1 +│ PSTTM M2\.1 · score 0\.31/);
    expect(output).toMatch(/quit\n1 confirmed, 0 rejected of 2 suggestions\n$/);
    expect(readFileSync(path.join(root, SESTO), 'utf8')).toBe(before.replace('M1.2, confirmed: false', 'M1.2, confirmed: true'));
    expect(terminal.stdin.rawMode).toEqual([true, false]);
  });

  it('rejects with r, skips with Enter, stacks the two sides on a narrow terminal, and Ctrl-C keeps the last answer', async () => {
    const root = tempPlan(undefined, dupPlan);
    const before = readFileSync(path.join(root, SESTO), 'utf8');
    const terminal = fakeTerminal(['r', '\u0003'], 60);
    expect(await main(['dup', 'review', '015209', '--plan', root], { ...terminal.io, cwd: root })).toBe(130);
    expect(terminal.output()).toMatch(/│ DUP Sesto San Giovanni · S1\.1 +│\n[^]*├[─]+┤\n│ PSTTM M1\.2/);
    expect(readFileSync(path.join(root, SESTO), 'utf8')).toBe(before.replace('      - { objective: M1.2, confirmed: false, score: 0.64 }\n    rejected: [M2.1]', '    rejected: [M2.1, M1.2]').replace('    psttm:\n    rejected', '    psttm: []\n    rejected'));

    const skipped = fakeTerminal(['\r', '\r'], 120);
    expect(await main(['dup', 'review', '015209', '--plan', root], { ...skipped.io, cwd: root })).toBe(0);
    expect(skipped.output()).toMatch(/skip\n0 confirmed, 0 rejected of 1 suggestion\n$/);
  });

  it('without a terminal exits 2 saying to use dup confirm', async () => {
    const result = await runBinary(['dup', 'review', '015209', '--plan', dupPlan]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'psttm: dup review asks on a terminal, and stdin or stdout is not one; use psttm dup confirm <comune> <code> <objective>… or psttm dup reject … instead\n' });
  });
});
