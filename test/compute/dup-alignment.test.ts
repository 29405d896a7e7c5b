import { describe, expect, it } from 'vitest';
import { computeDupAlignment } from '../../src/compute/dup-alignment.ts';
import { countedInitiatives } from '../../src/compute/initiatives.ts';
import type { Dup } from '../../src/model/plan-model.ts';
import { SESTO as SESTO_DUP } from '../helpers/dup-model.ts';
import { testModel } from '../helpers/model.ts';

/** The helpers' Sesto San Giovanni, with S2, which has only suggestions. */
const SESTO: Dup = {
  ...SESTO_DUP,
  objectives: [...SESTO_DUP.objectives, { code: 'S2', level: 'strategico', title: 'Verde', psttm: [{ objective: 'M1.2', confirmed: false, score: 0.2 }, { objective: 'M2.1', confirmed: false, score: 0.6 }] }],
};

const model = testModel([], [], undefined, [SESTO]);

describe('DUP objectives as initiatives', () => {
  it('a DUP objective with confirmed links is an initiative led by a comune, sharing 1/n; suggestions count nowhere', () => {
    const initiatives = countedInitiatives(model, '2026-11-22').filter((initiative) => initiative.kind === 'dup_objective');
    expect(initiatives.map((initiative) => [initiative.id, initiative.leadKind, initiative.zones, initiative.links])).toEqual([
      ['dup:015209/S1', 'comune', ['Nord Milano'], [{ objectiveId: 'M1.1', share: 1 }]],
      ['dup:015209/S1.1', 'comune', ['Nord Milano'], [{ objectiveId: 'M1.1', share: 0.5 }, { objectiveId: 'M2.1', share: 0.5 }]],
    ]);
  });
});

describe('computeDupAlignment', () => {
  const alignment = computeDupAlignment(model);

  it('per comune: what its DUP serves, and what the plan marks for Comuni that it does not serve', () => {
    const sesto = alignment.comuni.find((comune) => comune.istat === '015209')!;
    expect(sesto).toMatchObject({ name: 'Sesto San Giovanni', zone: 'Nord Milano', file: SESTO.file, served: ['M1.1', 'M2.1'], notServed: [] });
    expect(sesto.objectives.map((objective) => [objective.id, objective.confirmed, objective.suggested])).toEqual([
      ['dup:015209/S1', ['M1.1'], [{ objective: 'M2.1', score: 0.3 }]],
      ['dup:015209/S1.1', ['M1.1', 'M2.1'], []],
      ['dup:015209/S2', [], [{ objective: 'M2.1', score: 0.6 }, { objective: 'M1.2', score: 0.2 }]],
    ]);
    // M1.1 and M2.1 mark the Comuni column, M1.2 does not: a comune without a DUP serves neither.
    const cinisello = alignment.comuni.find((comune) => comune.istat === '015077')!;
    expect(cinisello).toMatchObject({ file: undefined, served: [], notServed: ['M1.1', 'M2.1'], objectives: [] });
  });

  it('per objective: the comuni aligned, and whether the plan marks it for Comuni', () => {
    expect(alignment.objectives).toEqual([
      { objectiveId: 'M1.1', markedForComuni: true, comuni: ['015209'] },
      { objectiveId: 'M1.2', markedForComuni: false, comuni: [] },
      { objectiveId: 'M2.1', markedForComuni: true, comuni: ['015209'] },
    ]);
  });

  it('per zone: the share of comuni with a DUP, and comuni per mission for the heat map', () => {
    const zone = alignment.zones.find((row) => row.zone === 'Nord Milano')!;
    // The test reference has Sesto and Cinisello in Nord Milano: one of two has a DUP.
    expect(zone).toEqual({ zone: 'Nord Milano', comuni: 2, withDup: 1, dupShare: 0.5, served: ['M1.1', 'M2.1'], missions: [{ missionId: 'M1', comuni: 1 }, { missionId: 'M2', comuni: 1 }, { missionId: 'M3', comuni: 0 }] });
    const milano = alignment.zones.find((row) => row.zone === 'Milano')!;
    expect(milano).toMatchObject({ withDup: 0, dupShare: 0, served: [], missions: [{ missionId: 'M1', comuni: 0 }, { missionId: 'M2', comuni: 0 }, { missionId: 'M3', comuni: 0 }] });
  });
});
