import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const monitoringPlan = () => tempPlan(path.join(repoRoot, 'test/fixtures/monitoring'));
const run = (argv: string[], root = monitoringPlan()) => runInProcess([...argv, '--plan', root], { cwd: root });
/** As `run`, on a terminal wide enough that no explanation wraps. */
const runWide = (argv: string[]) => {
  const root = monitoringPlan();
  return runInProcess([...argv, '--plan', root], { cwd: root, env: { COLUMNS: '200' } });
};

describe('psttm progress', () => {
  it('rolls up as of a date: M1.1 = (1×0.4 + 0.5×0.5) / 1.5, M2.1 = 0.5, the plan = mean of M1 and M2', async () => {
    const result = await run(['progress', '--as-of', '2026-01-01', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const objective = (id: string) => report.objectives.find((item: { id: string }) => item.id === id);
    expect(objective('M1.1')).toMatchObject({ status: 'at_risk', withData: 2, projects: [{ id: 'alpha-hub', weight: 1 }, { id: 'beta-park', weight: 0.5 }] });
    expect(objective('M1.1').progress).toBeCloseTo(0.65 / 1.5, 12);
    expect(objective('M1.1').expected).toBeCloseTo(1 / 1.5, 12); // (1×0.5 + 0.5×1) / 1.5; 0.4333 / 0.6667 = 0.65: at risk
    expect(objective('M1.2')).toMatchObject({ progress: null, status: 'no_data', gap: 'no_projects' });
    expect(objective('M2.1')).toMatchObject({ progress: 0.5, expected: 1, status: 'off_track' });
    // M1 = 0.4333 (M1.2 a gap); M2 = 0.5; plan = (0.4333 + 0.5) / 2
    expect(report.plan.progress).toBeCloseTo((0.65 / 1.5 + 0.5) / 2, 12);
    expect(report.projects.find((item: { id: string }) => item.id === 'alpha-hub').indicators[0]).toMatchObject({ latest: { value: 40, date: '2025-12-01', source: 'doc' }, progress: 0.4, expected: 0.5, status: 'at_risk' });
  });

  it('gives the same output for the same input and as-of date, and counts later data only later', async () => {
    const root = monitoringPlan();
    const first = await run(['progress', '--as-of', '2026-01-01', '--json'], root);
    expect((await run(['progress', '--as-of', '2026-01-01', '--json'], root)).stdout).toBe(first.stdout);
    const later = JSON.parse((await run(['progress', '--as-of', '2026-06-30', '--json'], root)).stdout);
    expect(later.projects.find((item: { id: string }) => item.id === 'alpha-hub').indicators[0].latest.value).toBe(90);
  });

  it('filters by mission and status, with text labels readable without colour', async () => {
    const result = await run(['progress', '--as-of', '2026-01-01', '--mission', '1', '--status', 'at_risk']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Progress of Piano di prova as of 2026-01-01');
    expect(result.stdout).toMatch(/M1\.1 .*at risk/);
    expect(result.stdout).not.toContain('M1.2');
    expect(result.stdout).not.toContain('M2.1');
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it.each([
    [['progress', '--as-of', '2026-02-30'], 'expected a date as YYYY-MM-DD'],
    [['progress', '--status', 'late'], 'unknown status late'],
    [['progress', '--mission', '9'], '--mission 9: no such mission'],
  ])('refuses %j as bad usage', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('psttm coverage', () => {
  it('prints the documented JSON shape with hand-checked figures', async () => {
    const result = await run(['coverage', '--json', '--as-of', '2026-01-01']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      asOf: '2026-01-01',
      plan: { objectives: 3, covered: 2, share: 2 / 3, funding: { amount: 1000, stated: 1, initiatives: 2 }, uncoveredObjectives: ['M1.2'], unlinkedProjects: [], actorCells: { total: 5, covered: 3, share: 0.6 } },
      missions: [
        { id: 'M1', objectives: 2, covered: 1, share: 0.5 },
        { id: 'M2', objectives: 1, covered: 1, share: 1 },
      ],
    });
    expect(report.objectives[0]).toMatchObject({ id: 'M1.1', projects: 2, funding: { amount: 1000, stated: 1, initiatives: 2 }, actorCells: { citta_metropolitana: 'covered', comuni: 'covered', corpi_intermedi: 'not_expected' } });
    expect(report.objectives[2]).toMatchObject({ id: 'M2.1', actorCells: { citta_metropolitana: 'not_expected', comuni: 'covered', corpi_intermedi: 'uncovered' } });
  });

  it('names the kind of every counted initiative, in coverage and in progress', async () => {
    const root = monitoringPlan();
    const coverage = JSON.parse((await run(['coverage', '--json', '--as-of', '2026-01-01'], root)).stdout);
    expect(coverage.initiatives).toEqual([
      { id: 'alpha-hub', kind: 'project' },
      { id: 'beta-park', kind: 'project' },
    ]);
    const progress = JSON.parse((await run(['progress', '--json', '--as-of', '2026-01-01'], root)).stdout);
    expect(progress.projects.map((item: { id: string; kind: string }) => [item.id, item.kind])).toEqual([
      ['alpha-hub', 'project'],
      ['beta-park', 'project'],
    ]);
  });

  it('exits 1 under --fail-under, naming the figure, and 0 at or above it', async () => {
    const root = monitoringPlan();
    const below = await run(['coverage', '--fail-under', '70'], root);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('objective coverage 66.7% is below --fail-under 70%');
    expect((await run(['coverage', '--fail-under', '66'], root)).code).toBe(0);
    expect((await run(['coverage', '--fail-under', '101'], root)).code).toBe(2);
  });

  it.each([
    ['actor', /Città metropolitana .* 2 .* 1 .* 50%/],
    // A metropolitan project's 1 000 € spread over the 8 zone omogenee: 125 € each.
    ['zone', /Nord Milano .* 2 · 125\s€/],
  ])('shows the %s view', async (view, pattern) => {
    const result = await run(['coverage', '--by', view, '--as-of', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(pattern);
  });
});

describe('psttm why', () => {
  it('explains an objective with its weights and numbers', async () => {
    const result = await runWide(['why', '1.1', '--as-of', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('alpha-hub                    w=1      progress 40%, expected 50%');
    expect(result.stdout).toContain('beta-park                    w=0.5    progress 50%, expected 100%');
    expect(result.stdout).toContain('progress = weighted mean Σw·x / Σw over the items with data = (1×0.4 + 0.5×0.5) / 1.5 = 43.3%; expected likewise = 66.7%');
    expect(result.stdout).toContain('Status: at risk (progress / expected = 0.65; on track from 0.95, at risk from 0.6)');
  });

  it('explains an indicator with its formula', async () => {
    const result = await runWide(['why', 'alpha-hub/utenti', '--as-of', '2026-01-01']);
    expect(result.stdout).toContain('progress = (latest − baseline) / (target − baseline) = (40 − 0) / (100 − 0) = 40%');
    expect(result.stdout).toContain('Status: at risk (progress / expected = 0.8;');
  });

  it('explains a project measured by milestones, and a mission with its gaps', async () => {
    const root = monitoringPlan();
    expect((await run(['why', 'beta-park', '--as-of', '2026-01-01'], root)).stdout).toContain('1 of 2 milestones done, 2 due: progress = 1/2, expected = 2/2');
    expect((await run(['why', 'M1', '--as-of', '2026-01-01'], root)).stdout).toContain('Data gaps (1, not in the mean): M1.2 (no project works on it)');
  });

  it('suggests the id meant', async () => {
    const result = await run(['why', 'alpha-hb']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean alpha-hub?');
  });
});

describe('on the shipped plan (spawned binary)', () => {
  it('coverage counts the 70 objectives of missions 1-5 and says M6 is not in the source', async () => {
    const result = await runBinary(['coverage', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.plan.objectives).toBe(70);
    expect(report.missions.find((mission: { id: string }) => mission.id === 'M6')).toMatchObject({ objectivesTranscribed: false, objectives: 0, share: null });
    expect(report.plan.covered).toBe(report.objectives.filter((objective: { projects: number }) => objective.projects > 0).length);
  });

  it('progress shows the data gaps honestly: no target in the sources means no data', async () => {
    const result = await runBinary(['progress', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const polihub = report.projects.find((project: { id: string }) => project.id === 'polihub');
    expect(polihub).toMatchObject({ status: 'no_data', gap: 'no_indicator_data' });
    expect(polihub.indicators.every((indicator: { gap: string }) => indicator.gap === 'no_target')).toBe(true);
  });
});
