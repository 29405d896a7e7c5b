import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/compute/diff/plan-diff.ts';
import { pairObjectives } from '../../src/compute/diff/objective-pairs.ts';
import type { MissionData } from '../../src/model/plan-data.ts';
import type { Dup } from '../../src/model/plan-model.ts';
import { indicator, mission, project, testModel } from '../helpers/model.ts';

/** M1 with objectives titled `Obiettivo <id>` unless renamed, `supersedes` added where given. */
function m1(objectives: { id: string; title?: string; supersedes?: string[] }[]): MissionData {
  const data = mission('M1', objectives.map(({ id }) => [id, true, true, false]));
  data.objectives.forEach((objective, index) => {
    const { title, supersedes } = objectives[index]!;
    if (title) objective.title = title;
    if (supersedes) objective.supersedes = supersedes;
  });
  return data;
}

const M2 = mission('M2', [['M2.1', false, true, true]]);
const THREE = [m1([{ id: 'M1.1' }, { id: 'M1.2' }, { id: 'M1.3' }]), M2];
/** M1.2 removed, M1.3 renumbered M1.2 and declaring it. */
const RENUMBERED = [m1([{ id: 'M1.1' }, { id: 'M1.2', title: 'Obiettivo M1.3', supersedes: ['M1.3'] }]), M2];
/** The same change without supersedes. */
const SHIFTED = [m1([{ id: 'M1.1' }, { id: 'M1.2', title: 'Obiettivo M1.3' }]), M2];

describe('pairObjectives', () => {
  it('reads a renumbering declared with supersedes as a rename, and the objective it replaced as removed', () => {
    const pairs = pairObjectives(testModel([], [], THREE), testModel([], [], RENUMBERED));
    expect([...pairs.headIdOf]).toEqual([
      ['M1.3', 'M1.2'],
      ['M1.1', 'M1.1'],
      ['M2.1', 'M2.1'],
    ]);
    expect([...pairs.renumbered]).toEqual([['M1.3', 'M1.2']]);
    expect(pairs.removed.map((objective) => objective.id)).toEqual(['M1.2']);
    expect(pairs.added).toEqual([]);
  });

  it('pairs by id without supersedes, and names the head objective that took a removed one’s title', () => {
    const pairs = pairObjectives(testModel([], [], THREE), testModel([], [], SHIFTED));
    expect([...pairs.headIdOf]).toEqual([
      ['M1.1', 'M1.1'],
      ['M1.2', 'M1.2'],
      ['M2.1', 'M2.1'],
    ]);
    expect(pairs.removed.map((objective) => objective.id)).toEqual(['M1.3']);
    expect([...pairs.sameTitle]).toEqual([['M1.3', 'M1.2']]);
  });

  it('takes a supersedes the base already declared as history, not as a new renumbering', () => {
    const pairs = pairObjectives(testModel([], [], RENUMBERED), testModel([], [], RENUMBERED));
    expect(pairs.renumbered.size).toBe(0);
    expect(pairs.removed).toEqual([]);
  });

  it('follows a shift: a new M1.2 pushes the old one to M1.3, which declares it', () => {
    const shifted = [m1([{ id: 'M1.1' }, { id: 'M1.2', title: 'Nuovo' }, { id: 'M1.3', title: 'Obiettivo M1.2', supersedes: ['M1.2'] }, { id: 'M1.4', title: 'Obiettivo M1.3', supersedes: ['M1.3'] }]), M2];
    const pairs = pairObjectives(testModel([], [], THREE), testModel([], [], shifted));
    expect(pairs.headIdOf.get('M1.2')).toBe('M1.3');
    expect(pairs.headIdOf.get('M1.3')).toBe('M1.4');
    expect(pairs.added.map((objective) => objective.id)).toEqual(['M1.2']);
    expect(pairs.removed).toEqual([]);
  });
});

describe('diffPlans: missions and objectives', () => {
  it('lists a renumbering, a removal, a retitle and an actor mark, in id order', () => {
    const head = [m1([{ id: 'M1.1', title: 'Obiettivo primo M1.1' }, { id: 'M1.2', title: 'Obiettivo M1.3', supersedes: ['M1.3'] }]), mission('M2', [['M2.1', true, true, true]])];
    const diff = diffPlans(testModel([], [], THREE), testModel([], [], head), undefined);
    expect(diff.objectives).toEqual([
      { change: 'changed', id: 'M1.1', from: undefined, title: 'Obiettivo primo M1.1', titleChange: { before: 'Obiettivo M1.1', after: 'Obiettivo primo M1.1' }, actors: [] },
      { change: 'removed', id: 'M1.2', title: 'Obiettivo M1.2', actors: [], sameTitleAs: undefined },
      { change: 'renumbered', id: 'M1.2', from: 'M1.3', title: 'Obiettivo M1.3', titleChange: undefined, actors: [] },
      { change: 'changed', id: 'M2.1', from: undefined, title: 'Obiettivo M2.1', titleChange: undefined, actors: [{ column: 'citta_metropolitana', label: 'Città metropolitana', before: false, after: true }] },
    ]);
    expect(diff.missions).toEqual([]);
  });

  it('reports a mission whose objectives became transcribed, and its new objectives', () => {
    const base = [...THREE, mission('M3', [], false)];
    const head = [...THREE, mission('M3', [['M3.1', true, false, false]])];
    const diff = diffPlans(testModel([], [], base), testModel([], [], head), undefined);
    expect(diff.missions).toEqual([{ change: 'changed', id: 'M3', title: 'Missione M3', titleChange: undefined, transcribed: { before: false, after: true } }]);
    expect(diff.objectives).toEqual([{ change: 'added', id: 'M3.1', title: 'Obiettivo M3.1', actors: [] }]);
  });
});

describe('diffPlans: records', () => {
  it('sees no link change in a project that still names the renumbered id, nor in one that follows it', () => {
    const stale = project('stale', { objectives: [{ id: 'M1.3' }] });
    const updated = project('updated', { objectives: [{ id: 'M1.3' }] });
    const diff = diffPlans(testModel([stale, updated], [], THREE), testModel([stale, { ...updated, objectives: [{ id: 'M1.2' }] }], [], RENUMBERED), undefined);
    expect(diff.projects).toEqual([]);
  });

  it('lists field, link and actual-value changes of a project', () => {
    const before = project('p', { status: 'planned', period: { start: '2025-01-01' }, funding: [{ source: 'PNRR', amount: 1000 }], objectives: [{ id: 'M1.1', weight: 0.5 }, { id: 'M1.2', weight: 0.5 }], indicators: [indicator([['2025-06-30', 10]])] });
    const after = project('p', {
      status: 'in_progress',
      period: { start: '2025-01-01', end: '2027-12-31' },
      funding: [{ source: 'PNRR', amount: 1000 }, { source: 'Regione', amount: 500 }],
      objectives: [{ id: 'M1.1', weight: 0.7 }, { id: 'M2.1', weight: 0.3 }],
      indicators: [indicator([['2025-06-30', 12], ['2025-12-31', 40]])],
    });
    const [change] = diffPlans(testModel([before], [], THREE), testModel([after], [], THREE), undefined).projects;
    expect(change!.change).toBe('changed');
    expect(change!.fields).toEqual([
      { field: 'status', before: 'planned', after: 'in_progress' },
      { field: 'period', before: { start: '2025-01-01' }, after: { start: '2025-01-01', end: '2027-12-31' } },
      { field: 'funding', before: 1000, after: 1500 },
    ]);
    expect(change!.links).toEqual([
      { change: 'removed', objective: 'M1.2' },
      { change: 'reweighted', objective: 'M1.1', before: 0.5, after: 0.7 },
      { change: 'added', objective: 'M2.1', after: 0.3 },
    ]);
    expect(change!.actuals).toEqual([
      { indicator: 'misura', name: 'Misura', unit: 'n', date: '2025-06-30', before: 10, after: 12 },
      { indicator: 'misura', name: 'Misura', unit: 'n', date: '2025-12-31', after: 40 },
    ]);
  });

  it('lists projects added (with their links) and removed', () => {
    const diff = diffPlans(testModel([project('old')], [], THREE), testModel([project('new', { objectives: [{ id: 'M2.1' }] })], [], THREE), undefined);
    expect(diff.projects.map(({ change, id, links }) => ({ change, id, links }))).toEqual([
      { change: 'added', id: 'new', links: [{ change: 'added', objective: 'M2.1', after: undefined }] },
      { change: 'removed', id: 'old', links: [] },
    ]);
  });

  it('lists confirmed DUP links added and removed, and DUP objectives added', () => {
    const dup = (objectives: Dup['objectives']): Dup => ({ file: 'plan/dup/015146-milano.yaml', comune: { istat: '015146', name: 'Milano' }, period: '2025-2027', source: { title: 'dup.csv' }, objectives });
    const before = dup([{ code: 'X1', level: 'strategico', title: 'Mobilità', psttm: [{ objective: 'M1.1', confirmed: true }, { objective: 'M2.1', confirmed: false }] }]);
    const after = dup([
      { code: 'X1', level: 'strategico', title: 'Mobilità', psttm: [{ objective: 'M2.1', confirmed: true }] },
      { code: 'X2', level: 'strategico', title: 'Scuole' },
    ]);
    const diff = diffPlans(testModel([], [], THREE, [before]), testModel([], [], THREE, [after]), undefined);
    expect(diff.dups).toEqual([
      {
        change: 'changed',
        istat: '015146',
        comune: 'Milano',
        file: 'plan/dup/015146-milano.yaml',
        links: [
          { change: 'removed', code: 'X1', objective: 'M1.1' },
          { change: 'added', code: 'X1', objective: 'M2.1' },
        ],
        objectives: { added: ['X2'], removed: [] },
      },
    ]);
  });

  it('lists consultation votes changed per objective', () => {
    const consultation = (votes: { objective: string; votes: number }[]) => ({ id: 'w', event: 'Workshop', zone: 'Milano', max_choices: 3, participants: 10, votes_status: 'transcribed' as const, votes, source: { title: 'verbale' } });
    const diff = diffPlans(testModel([], [consultation([{ objective: 'M1.1', votes: 4 }])], THREE), testModel([], [consultation([{ objective: 'M1.1', votes: 5 }, { objective: 'M2.1', votes: 2 }])], THREE), undefined);
    expect(diff.consultations).toEqual([
      {
        change: 'changed',
        id: 'w',
        event: 'Workshop',
        votes: [
          { objective: 'M1.1', before: 4, after: 5 },
          { objective: 'M2.1', before: undefined, after: 2 },
        ],
      },
    ]);
  });
});

describe('diffPlans: figures', () => {
  it('computes coverage and progress of both sides as of the same date', () => {
    // Base: one project on M1.1, 1 of 4 objectives covered; head adds one on M2.1 (2 of 4); M1 has 1 of 3, then still 1 of 3.
    const halfway = indicator([['2026-01-01', 50]]);
    const base = testModel([project('a', { indicators: [halfway] })], [], THREE);
    const head = testModel([project('a', { indicators: [halfway] }), project('b', { objectives: [{ id: 'M2.1' }] })], [], THREE);
    const figures = diffPlans(base, head, '2026-01-01').figures!;
    expect(figures.asOf).toBe('2026-01-01');
    expect(figures.plan.before).toEqual({ objectives: 4, covered: 1, coverage: 0.25, progress: 0.5 });
    expect(figures.plan.after).toMatchObject({ objectives: 4, covered: 2, coverage: 0.5 });
    expect(figures.missions.map((pair) => [pair.id, pair.before?.covered, pair.after?.covered])).toEqual([
      ['M1', 1, 1],
      ['M2', 0, 1],
    ]);
  });

  it('leaves the figures out when not asked for', () => {
    expect(diffPlans(testModel([], [], THREE), testModel([], [], THREE), undefined).figures).toBeUndefined();
  });
});
