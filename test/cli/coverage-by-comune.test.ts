import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';

/**
 * The DUP fixture plan: 5 comuni in two zones (Nord Milano: Bresso, Cinisello, Sesto; Adda Martesana:
 * Cologno, Basiano). Sesto's DUP has 3 objectives, one confirmed link (S1 → M1.1) and two suggestions;
 * Cologno's has 1 objective confirmed to M2.1. M1.1 and M2.1 mark the Comuni column, M1.2 does not.
 */
const dupPlan = path.join(repoRoot, 'test/fixtures/dup-plan');
const args = ['coverage', '--by', 'comune', '--plan', dupPlan, '--today', '2026-11-22'];

describe('psttm coverage --by comune', () => {
  it('JSON: per comune, per objective and per zone, with hand-checked counts', async () => {
    const result = await runInProcess([...args, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.asOf).toBe('2026-11-22');
    expect(json.comuni.map((comune: { istat: string; objectives: unknown[]; served: string[]; notServed: string[] }) => [comune.istat, comune.objectives.length, comune.served, comune.notServed])).toEqual([
      ['015032', 0, [], ['M1.1', 'M2.1']],
      ['015077', 0, [], ['M1.1', 'M2.1']],
      ['015209', 3, ['M1.1'], ['M2.1']],
      ['015081', 1, ['M2.1'], ['M1.1']],
      ['015014', 0, [], ['M1.1', 'M2.1']],
    ]);
    expect(json.comuni[2].objectives[0]).toEqual({
      id: 'dup:015209/S1', code: 'S1', level: 'strategico', parent: null, title: 'Città digitale', missione: '01', programma: null, responsabile: null,
      confirmed: ['M1.1'], suggested: [{ objective: 'M2.1', score: 0.31 }],
    });
    expect(json.withoutDup).toEqual(['015032', '015077', '015014']);
    expect(json.objectives).toEqual([
      { objectiveId: 'M1.1', markedForComuni: true, comuni: ['015209'] },
      { objectiveId: 'M1.2', markedForComuni: false, comuni: [] },
      { objectiveId: 'M2.1', markedForComuni: true, comuni: ['015081'] },
    ]);
    expect(json.zones.map((zone: { zone: string; comuni: number; withDup: number; dupShare: number; served: string[] }) => [zone.zone, zone.comuni, zone.withDup, zone.dupShare, zone.served])).toEqual([
      ['Adda Martesana', 2, 1, 0.5, ['M2.1']],
      ['Nord Milano', 3, 1, 1 / 3, ['M1.1']],
    ]);
  });

  it('--comune shows one comune, found by name', async () => {
    const json = JSON.parse((await runInProcess([...args, '--comune', 'cologno monzese', '--json'])).stdout);
    expect(json.comuni.map((comune: { istat: string }) => comune.istat)).toEqual(['015081']);
    expect(json.withoutDup).toEqual([]);
  });

  it('refuses --comune for an unknown comune, and without --by comune', async () => {
    expect(await runInProcess([...args, '--comune', 'Bressso'])).toMatchObject({ code: 2, stderr: 'psttm: --comune Bressso: not a comune of the metropolitan city; did you mean Bresso? (plan/reference/comuni.csv lists them)\n' });
    expect(await runInProcess(['coverage', '--plan', dupPlan, '--comune', 'Bresso'])).toMatchObject({ code: 2, stderr: 'psttm: --comune goes with --by comune\n' });
  });

  it('the terminal tables, as the spawned binary prints them on a terminal wide enough for a row a line', async () => {
    const result = await runBinary([...args], { env: { COLUMNS: '120' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ Sesto San Giovanni \(015209\) +│ +3 │ +1 │ M1\.1 +│ M2\.1 +│/);
    expect(result.stdout).toMatch(/│ Cologno Monzese \(015081\) +│ +1 │ +1 │ M2\.1 +│ M1\.1 +│/);
    expect(result.stdout).toContain('Comuni without a DUP (3):\n  Adda Martesana (1): Basiano\n  Nord Milano (2): Bresso, Cinisello Balsamo\n');
    expect(result.stdout).toMatch(/│ M1\.1 +│ Primo obiettivo +│ +✓ +│ +1 │/);
    expect(result.stdout).toMatch(/│ Nord Milano +│ +3 │ +1 │ +33\.3% │ M1\.1 +│/);
  });
});
