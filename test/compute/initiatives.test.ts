import { describe, expect, it } from 'vitest';
import { countedInitiatives } from '../../src/compute/initiatives.ts';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

const model = testModel([
  // Metropolitan, no period: counts from the start. 1 000 + 250 € over two links without weights.
  project('a', { objectives: [{ id: 'M1.1' }, { id: 'M2.1' }], funding: [{ source: 'x', amount: 1000 }, { source: 'y', amount: 250 }], indicators: [indicator([['2025-12-01', 60]])] }),
  // Cancelled: never counts.
  project('b', { status: 'cancelled' }),
  // Starts on 2026-02-01: counts from that day on.
  project('c', { period: { start: '2026-02-01' }, objectives: [{ id: 'M1.2', weight: 0.4 }], lead: { kind: 'comune', name: 'Sesto San Giovanni', istat: '015209' }, territory: { scope: 'comuni', comuni: ['015209'] } }),
  // Completed, started before: still counts.
  project('d', { status: 'completed', period: { start: '2025-03-01', end: '2025-09-30' }, objectives: [] }),
]);

describe('countedInitiatives', () => {
  it('counts what is not cancelled and had started by the as-of date, the start day included', () => {
    expect(countedInitiatives(model, '2026-01-31').map((initiative) => initiative.id)).toEqual(['a', 'd']);
    expect(countedInitiatives(model, '2026-02-01').map((initiative) => initiative.id)).toEqual(['a', 'c', 'd']);
    expect(countedInitiatives(model, '2025-02-28').map((initiative) => initiative.id)).toEqual(['a']);
  });

  it('turns a project into an initiative: its kind, link shares, zones reached and summed funding', () => {
    const [a, c] = countedInitiatives(model, '2026-02-01');
    expect(a).toMatchObject({ kind: 'project', id: 'a', title: 'Progetto a', leadKind: 'citta_metropolitana', funding: 1250, zones: ['Milano', 'Nord Milano'] });
    expect(a!.links).toEqual([
      { objectiveId: 'M1.1', share: 0.5 },
      { objectiveId: 'M2.1', share: 0.5 },
    ]);
    expect(c).toMatchObject({ kind: 'project', leadKind: 'comune', funding: undefined, zones: ['Nord Milano'], links: [{ objectiveId: 'M1.2', share: 0.4 }] });
  });

  it('is what every figure counts: progress, coverage, the report headline and its status chart', () => {
    const report = computeMonitoringReport(model, '2026-01-01');
    const ids = report.initiatives.map((initiative) => initiative.id);
    expect(ids).toEqual(['a', 'd']);
    expect(report.progress.projects.map((result) => [result.id, result.kind])).toEqual([
      ['a', 'project'],
      ['d', 'project'],
    ]);
    expect(report.coverage.initiatives).toEqual([
      { id: 'a', kind: 'project' },
      { id: 'd', kind: 'project' },
    ]);
    // a alone works for objectives: M1.1 and M2.1 covered, its 1 250 € in the plan total; d is linked to none and states no funding.
    expect(report.coverage.plan).toMatchObject({ covered: 2, funding: { amount: 1250, stated: 1, initiatives: 2 }, unlinkedInitiatives: ['d'] });
    const view = buildReportView(model, report, [], { title: undefined, year: undefined });
    expect(view.headline.projects).toBe(2);
    expect(view.statusCounts.reduce((total, { count }) => total + count, 0)).toBe(2);
    expect(view.projects.filter((row) => row.counted).map((row) => row.id)).toEqual(['a', 'd']);
  });
});
