import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.ts';

// A folder with no plan/ here or above: reading commands fall back on the shipped plan, writing ones must not
// (dup review asks for a terminal first; it finds its plan as dup confirm does).
const outside = mkdtempSync(path.join(tmpdir(), 'psttm-no-plan-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const REFUSAL = "psttm: no plan/ folder here or above to write into (the plan shipped with psttm is read-only); run psttm in your plan's folder or pass --plan\n";

it.each([
  ['link', ['link', 'fabriq', 'M1.1']],
  ['unlink', ['unlink', 'fabriq', 'M1.1']],
  ['new project', ['new', 'project', 'nuovo', '--title', 'Nuovo', '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana di Milano', '--objective', 'M1.1']],
  ['import dup', ['import', 'dup', 'dup.csv', '--comune', 'Cologno Monzese']],
  ['dup confirm', ['dup', 'confirm', 'Cologno Monzese', 'S1', 'M3.1']],
  ['dup reject', ['dup', 'reject', 'Cologno Monzese', 'S1', 'M3.1']],
])('%s outside any plan folder is refused in one line, exit 2', async (_name, args) => {
  expect(await runInProcess([...args, '--today', '2026-11-22'], { cwd: outside })).toEqual({ code: 2, stdout: '', stderr: REFUSAL });
});

it('a reading command still uses the shipped plan there, saying so', async () => {
  const result = await runInProcess(['validate', '--today', '2026-11-22'], { cwd: outside });
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/^psttm: no plan\/ folder here or above; using the plan shipped with psttm/);
});
