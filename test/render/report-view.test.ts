import { describe, expect, it } from 'vitest';
import { computeMonitoringReport, type MonitoringReport } from '../../src/compute/monitoring-report.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import type { Finding } from '../../src/findings/finding.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

const AS_OF = '2026-01-01';
const model = testModel([
  // 0.6 against 0.5 expected on M1.1: on track. Funding 1000, metropolitan.
  project('a', { funding: [{ source: 'x', amount: 1000 }], indicators: [indicator([['2025-12-01', 60]])] }),
  // Half on M1.1 and half on M2.1, comune of Sesto: no indicators, no milestones.
  project('b', {
    lead: { kind: 'comune', name: 'Sesto San Giovanni', istat: '015209' },
    territory: { scope: 'comuni', comuni: ['015209'] },
    funding: [{ source: 'x', amount: 500 }],
    objectives: [{ id: 'M1.1' }, { id: 'M2.1' }],
  }),
  // Cancelled: listed, left out of every figure.
  project('c', { status: 'cancelled', objectives: [{ id: 'M1.2' }] }),
]);
const findings: Finding[] = [{ code: 'INDICATOR_WITHOUT_TARGET', severity: 'info', args: { indicator: 'i' }, file: 'f.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' }];
const view = buildReportView(model, computeMonitoringReport(model, AS_OF), findings, { title: undefined, year: undefined });

describe('buildReportView', () => {
  it('heads with the plan figures: progress of M1 only (M2 has no data), 2 of 3 objectives covered, funding of counted projects', () => {
    expect(view.title).toBe('Piano di prova');
    expect(view.headline).toMatchObject({ progress: 0.6, expected: 0.5, status: 'on_track', objectives: 3, covered: 2, projects: 2, funding: { amount: 1500, stated: 2, initiatives: 2 }, indicators: 1 });
    expect(view.headline.coverage).toBeCloseTo(2 / 3, 12);
    expect(view.headline.findings).toEqual({ errors: 0, warnings: 0, infos: 1 });
  });

  it('puts the gaps up front: M1.2 has no project (c is cancelled), and every figure without data says why', () => {
    expect(view.gaps.uncovered.map((row) => row.id)).toEqual(['M1.2']);
    expect(view.gaps.data).toEqual([
      { level: 'mission', id: 'M2', title: 'Missione M2', reason: 'no_objective_data' },
      { level: 'mission', id: 'M3', title: 'Missione M3', reason: 'objectives_not_transcribed' },
      { level: 'objective', id: 'M2.1', title: 'Obiettivo M2.1', reason: 'no_project_data' },
      { level: 'project', id: 'b', title: 'Progetto b', reason: 'no_measures' },
    ]);
  });

  it('keeps raw values: shares, weights, zones of a comune project, and which projects count', () => {
    const m1 = view.missions[0]!;
    // a's 1 000 € and half of b's 500 €, both stating their funding.
    expect(m1).toMatchObject({ id: 'M1', objectiveCount: 2, covered: 1, coverage: 0.5, funding: { amount: 1250, stated: 2, initiatives: 2 } });
    expect(view.projects.find((row) => row.id === 'c')!.funding).toBeNull();
    expect(m1.projects.map((row) => row.id)).toEqual(['a', 'b']);
    expect(m1.byColumn).toEqual([
      { columnId: 'citta_metropolitana', total: 2, covered: 1, share: 0.5 },
      { columnId: 'comuni', total: 1, covered: 1, share: 1 },
      { columnId: 'corpi_intermedi', total: 0, covered: 0, share: null },
    ]);
    const m11 = view.objectives.find((row) => row.id === 'M1.1')!;
    expect(m11.projects).toEqual([
      { id: 'a', title: 'Progetto a', weight: 1 },
      { id: 'b', title: 'Progetto b', weight: 0.5 },
    ]);
    expect(m11.actors).toEqual([
      { columnId: 'citta_metropolitana', cell: 'covered' },
      { columnId: 'comuni', cell: 'covered' },
      { columnId: 'corpi_intermedi', cell: 'not_expected' },
    ]);
    const rows = Object.fromEntries(view.projects.map((row) => [row.id, row]));
    expect(rows.b).toMatchObject({ zones: ['Nord Milano'], counted: true, status: 'no_data', gap: 'no_measures' });
    expect(rows.a!.zones).toBeUndefined();
    expect(rows.c).toMatchObject({ counted: false, status: 'no_data', progress: null });
  });

  it('counts the statuses of counted projects only', () => {
    expect(view.statusCounts.filter((entry) => entry.count > 0)).toEqual([
      { status: 'on_track', count: 1 },
      { status: 'no_data', count: 1 },
    ]);
  });

  it('joins the results by id: results listed in any order give the same view', () => {
    const report = computeMonitoringReport(model, AS_OF, '2025-06-30');
    const reversed = <T>(items: readonly T[]) => [...items].reverse();
    const shuffled: MonitoringReport = {
      ...report,
      initiatives: reversed(report.initiatives),
      progress: { ...report.progress, missions: reversed(report.progress.missions), objectives: reversed(report.progress.objectives), projects: reversed(report.progress.projects) },
      coverage: {
        ...report.coverage,
        missions: reversed(report.coverage.missions),
        objectives: reversed(report.coverage.objectives),
        zones: report.coverage.zones.map((zone) => ({ ...zone, missions: reversed(zone.missions) })),
      },
      change: { ...report.change!, missions: reversed(report.change!.missions) },
    };
    const options = { title: undefined, year: 2025 };
    const inOrder = buildReportView(model, report, findings, options);
    expect(buildReportView(model, shuffled, findings, options)).toEqual(inOrder);
    // Each mission keeps its own figures: M1 covers 1 of 2 objectives, M2 1 of 1, M3 has none.
    expect(inOrder.missions.map((row) => [row.id, row.covered, row.objectiveCount, row.change?.id])).toEqual([
      ['M1', 1, 2, 'M1'],
      ['M2', 1, 1, 'M2'],
      ['M3', 0, 0, 'M3'],
    ]);
    // b (Sesto, on M1.1 and M2.1) and metropolitan a (on M1.1) reach Nord Milano.
    expect(inOrder.zones.find((row) => row.zone === 'Nord Milano')!.missions.map((cell) => [cell.missionId, cell.projects])).toEqual([
      ['M1', 2],
      ['M2', 1],
      ['M3', 0],
    ]);
  });
});

describe('the territory of a project row', () => {
  it('metropolitan: no zones listed; comuni: the zones they lie in, then codes no zone is known for; zones: canonical, in reference order', () => {
    const territories = testModel([
      project('metro'),
      project('towns', { territory: { scope: 'comuni', comuni: ['015077', '099999', '015146', '015209'] } }),
      project('areas', { territory: { scope: 'zones', zones: ['nord milano', 'Milano'] } }),
    ]);
    const rows = buildReportView(territories, computeMonitoringReport(territories, AS_OF), [], { title: undefined, year: undefined }).projects;
    expect(rows.map((row) => [row.id, row.zones])).toEqual([
      ['metro', undefined],
      ['towns', ['Milano', 'Nord Milano', '099999']],
      ['areas', ['Milano', 'Nord Milano']],
    ]);
  });
});
