import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

/**
 * The monitoring fixture as of 2026-01-01: alpha-hub 0.4 of 0.5 expected (M1.1), beta-park 0.5 of 1
 * by milestones (M1.1 and M2.1, weight 0.5 each); M1.2 has no project.
 */
async function why(...argv: string[]) {
  const root = tempPlan(path.join(repoRoot, 'test/fixtures/monitoring'));
  // Wide enough that no explanation wraps.
  const result = await runInProcess(['why', ...argv, '--as-of', '2026-01-01', '--plan', root], { cwd: root, env: { COLUMNS: '200' } });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return result.stdout;
}
const whyJson = async (id: string) => JSON.parse(await why(id, '--json'));

const M1_1 = { progress: 0.65 / 1.5, expected: 1 / 1.5 }; // (1×0.4 + 0.5×0.5) / 1.5, (1×0.5 + 0.5×1) / 1.5

describe('psttm why plan', () => {
  it('explains the plan from its missions, equally weighted, with the projects behind it', async () => {
    const text = await why('plan');
    expect(text).toContain('As of 2026-01-01; from 2 of 2 projects; 0 without data\n');
    expect(text).toContain('  M1      progress 43.3%, expected 66.7%\n  M2      progress 50%, expected 100%\n');
    // (0.4333 + 0.5) / 2 = 46.7 %; (0.6667 + 1) / 2 = 83.3 %; 0.4667 / 0.8333 = 0.56, below 0.6: off track.
    expect(text).toContain('= (1×0.4333 + 1×0.5) / 2 = 46.7%; expected likewise = 83.3%');
    expect(text).toContain('Status: off track (progress / expected = 0.56; on track from 0.95, at risk from 0.6)');
  });

  it('prints the plan as JSON: figures, the status rule, the items of the mean and the base', async () => {
    const plan = await whyJson('plan');
    expect(plan).toMatchObject({ level: 'plan', id: 'plan', asOf: '2026-01-01', status: 'off_track', withData: 2, gaps: [], gap: null, weightTotal: 2, base: { withData: 2, initiatives: 2 } });
    expect(plan.progress).toBeCloseTo((M1_1.progress + 0.5) / 2, 12);
    expect(plan.expected).toBeCloseTo((M1_1.expected + 1) / 2, 12);
    expect(plan.statusReason).toMatchObject({ rule: 'ratio', onTrackFrom: 0.95, atRiskFrom: 0.6 });
    expect(plan.statusReason.ratio).toBeCloseTo(0.56, 12);
    expect(plan.items.map((item: { id: string; weight: number; status: string }) => [item.id, item.weight, item.status])).toEqual([
      ['M1', 1, 'at_risk'],
      ['M2', 1, 'off_track'],
    ]);
  });
});

describe('psttm why --json', () => {
  it('a mission: its objectives, a gap among them', async () => {
    const mission = await whyJson('M1');
    expect(mission).toMatchObject({ level: 'mission', id: 'M1', status: 'at_risk', withData: 1, gaps: [{ id: 'M1.2', reason: 'no_projects' }], weightTotal: 1 });
    expect(mission.progress).toBeCloseTo(M1_1.progress, 12);
    expect(mission.items).toEqual([
      { id: 'M1.1', weight: 1, progress: expect.closeTo(M1_1.progress, 12), expected: expect.closeTo(M1_1.expected, 12), status: 'at_risk', gap: null },
      { id: 'M1.2', weight: 1, progress: null, expected: null, status: 'no_data', gap: 'no_projects' },
    ]);
  });

  it('an objective: its projects with their link weights', async () => {
    const objective = await whyJson('1.1');
    expect(objective).toMatchObject({ level: 'objective', id: 'M1.1', status: 'at_risk', weightTotal: 1.5, statusReason: { rule: 'ratio', ratio: expect.closeTo(0.65, 12) } });
    expect(objective.items).toEqual([
      { id: 'alpha-hub', weight: 1, progress: 0.4, expected: 0.5, status: 'at_risk', gap: null },
      { id: 'beta-park', weight: 0.5, progress: 0.5, expected: 1, status: 'off_track', gap: null },
    ]);
  });

  it('a project measured by milestones, and an indicator with its values', async () => {
    expect(await whyJson('beta-park')).toMatchObject({ level: 'project', id: 'beta-park', method: 'milestones', progress: 0.5, expected: 1, status: 'off_track', milestones: { total: 2, done: 1, due: 2 }, statusReason: { rule: 'ratio', ratio: 0.5 } });
    expect(await whyJson('alpha-hub/utenti')).toEqual({
      level: 'indicator',
      asOf: '2026-01-01',
      project: 'alpha-hub',
      id: 'utenti',
      method: 'values',
      baseline: { value: 0, date: '2025-01-01' },
      target: { value: 100, date: '2027-01-01' },
      latest: { value: 40, date: '2025-12-01', source: 'doc' },
      progress: 0.4,
      expected: expect.closeTo(0.5, 12),
      status: 'at_risk',
      gap: null,
      ageMonths: 1,
      statusReason: { rule: 'ratio', ratio: expect.closeTo(0.8, 12), onTrackFrom: 0.95, atRiskFrom: 0.6 },
    });
  });
});
