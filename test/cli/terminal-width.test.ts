import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.ts';

/** The commands that print tables or long text, on the shipped plan. */
const COMMANDS = [
  ['progress'],
  ['list', 'projects'],
  ['list', 'objectives'],
  ['list', 'missions'],
  ['coverage'],
  ['coverage', '--by', 'actor'],
  ['coverage', '--by', 'zone'],
  ['coverage', '--by', 'comune'],
  ['show', 'M2'],
  ['show', 'M6'],
  ['show', 'M2.12'],
  ['show', 'polihub'],
  ['why', 'plan'],
  ['why', 'M1.8'],
];

/** The lines of a box drawn by cli-table3: its top, its rows and its bottom, each whole. */
function boxLines(text: string): string[] {
  return text.split('\n').filter((line) => /^[┌│└]/.test(line));
}

describe.each([80, 60])('at %i columns (COLUMNS, output piped)', (width) => {
  it.each(COMMANDS)('psttm %s fits: no line wider, no box line broken', async (...argv) => {
    const result = await runInProcess([...argv, '--today', '2026-11-22'], { env: { COLUMNS: String(width) } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const tooWide = lines.filter((line) => stringWidth(line) > width);
    expect(tooWide).toEqual([]);
    for (const line of boxLines(result.stdout)) expect(line).toMatch(/^(┌.*┐|│.*│|└.*┘)$/);
    expect(result.stdout.endsWith('\n')).toBe(true);
  });
});

describe('the shipped plan at 80 columns', () => {
  it('progress says what the plan figure rests on, and n/a where there is no figure', async () => {
    const result = await runInProcess(['progress', '--as-of', '2026-11-22', '--today', '2026-11-22'], { env: { COLUMNS: '80' } });
    // 16 projects count on 2026-11-22; 3 have a figure (the others have no target in the sources).
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['Progress of PSTTM 2025-2027 as of 2026-11-22', 'from 3 of 16 projects; 13 without data']);
    expect(result.stdout).toMatch(/│ M2 +│ Rivoluzione verde +│ +n\/a │ +n\/a │ no data +│ 0\sof\s17 +│/);
    expect(result.stdout).not.toMatch(/│ +– │/);
    // insufficient data wraps within its column.
    expect(result.stdout).toMatch(/│ insufficient │[^\n]*\n[^\n]*│ data +│/);
  });
});
