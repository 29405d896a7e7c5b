import { describe, expect, it } from 'vitest';
import { dateWindow, formRows, indicatorBounds, leadGroups } from '../../src/compute/data-round.ts';
import { indicator, project } from '../helpers/model.ts';

const lead = (name: string, contact?: { name: string; email: string }) => ({ lead: { kind: 'comune' as const, name, ...(contact && { contact }) } });

describe('leadGroups', () => {
  it('groups projects by lead name in natural order, takes the first contact, and keeps the projects without a lead apart', () => {
    const projects = [
      project('a', lead('Comune 10')),
      project('b', lead('Comune 9')),
      project('c', lead('Comune 10', { name: 'Anna', email: 'anna@example.org' })),
      project('d', { lead: undefined }),
      project('e', lead('Comune 10', { name: 'Bruno', email: 'bruno@example.org' })),
    ];
    const { leads, withoutLead } = leadGroups(projects);
    expect(leads.map((group) => [group.name, group.projects.map((item) => item.id), group.contact?.name])).toEqual([
      ['Comune 9', ['b'], undefined],
      ['Comune 10', ['a', 'c', 'e'], 'Anna'],
    ]);
    expect(withoutLead.map((item) => item.id)).toEqual(['d']);
  });
});

describe('indicatorBounds', () => {
  it('takes the declared bounds, else not negative, and a percentage at most 1', () => {
    expect(indicatorBounds({ kind: 'quantitative' })).toEqual({ min: 0, max: undefined });
    expect(indicatorBounds({ kind: 'percentage' })).toEqual({ min: 0, max: 1 });
    expect(indicatorBounds({ kind: 'quantitative', min: -50, max: 200 })).toEqual({ min: -50, max: 200 });
    expect(indicatorBounds({ kind: 'percentage', max: 0.5 })).toEqual({ min: 0, max: 0.5 });
  });
});

describe('dateWindow', () => {
  const plan = { period: { start: 2025, end: 2027 } };
  it('runs from the start of the plan period to the as-of date, or to the end of the period when that comes first', () => {
    expect(dateWindow(plan, '2026-11-22')).toEqual({ first: '2025-01-01', last: '2026-11-22' });
    expect(dateWindow(plan, '2030-03-01')).toEqual({ first: '2025-01-01', last: '2027-12-31' });
    expect(dateWindow(plan, '2025-01-01')).toEqual({ first: '2025-01-01', last: '2025-01-01' });
  });
  it('is undefined when the as-of date is before the period', () => {
    expect(dateWindow(plan, '2024-12-31')).toBeUndefined();
  });
});

describe('formRows', () => {
  const withEverything = project('b-progetto', {
    status: 'planned',
    period: { start: '2025-01-01', end: '2026-12-31' },
    funding: [
      { source: 'pnrr', amount: 1000 },
      { source: 'comunale', amount: 200, note: 'quota' },
    ],
    indicators: [
      indicator(
        [
          ['2025-06-01', 10],
          ['2026-06-01', 30],
          ['2027-01-01', 99],
        ],
        { targets: [{ value: 100, date: '2027-12-31' }, { value: 50, date: '2026-12-31' }] },
      ),
      indicator([], { id: 'giudizio', kind: 'qualitative' }),
    ],
    milestones: [{ title: 'Avvio', due: '2025-03-01', done: '2025-02-20' }, { title: 'Fine', due: '2026-12-31' }],
  });
  const bare = project('a-progetto');
  const rows = formRows([withEverything, bare], '2026-11-22');

  it('lists the projects by id, each measured indicator with its latest actual as of the date and its targets by date', () => {
    expect(rows.indicators).toHaveLength(1);
    const [row] = rows.indicators;
    expect(row!.project.id).toBe('b-progetto');
    // 2027-01-01 is after the as-of date: the latest is the value of 2026-06-01.
    expect(row!.latest).toEqual({ value: 30, date: '2026-06-01', source: 'doc', sourceTitle: 'Test fixture' });
    expect(row!.targets.map((target) => target.date)).toEqual(['2026-12-31', '2027-12-31']);
    expect(row!.bounds).toEqual({ min: 0, max: undefined });
  });

  it('numbers the milestones from 1 in their project', () => {
    expect(rows.milestones.map((row) => [row.project.id, row.position, row.title, row.done])).toEqual([
      ['b-progetto', 1, 'Avvio', '2025-02-20'],
      ['b-progetto', 2, 'Fine', undefined],
    ]);
  });

  it('asks every project its status and end date, and each funding entry by position', () => {
    expect(rows.facts.map((row) => [row.project.id, row.key, row.current])).toEqual([
      ['a-progetto', 'status', 'in_progress'],
      ['a-progetto', 'end', undefined],
      ['b-progetto', 'status', 'planned'],
      ['b-progetto', 'end', '2026-12-31'],
      ['b-progetto', 'funding.0', 1000],
      ['b-progetto', 'funding.1', 200],
    ]);
  });
});
