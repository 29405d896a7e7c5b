import type { Dup } from '../../src/model/plan-model.ts';
import { project, testModel } from './model.ts';

/** Sesto San Giovanni (Nord Milano): S1 serves M1.1 and suggests M2.1 (0.3); S1.1 serves M1.1 and M2.1. */
export const SESTO: Dup = {
  file: 'plan/dup/015209-sesto-san-giovanni.yaml',
  comune: { istat: '015209', name: 'Sesto San Giovanni' },
  period: '2025-2027',
  source: { title: 'dup.xlsx' },
  objectives: [
    { code: 'S1', level: 'strategico', title: 'Città digitale', missione: '01', psttm: [{ objective: 'M1.1', confirmed: true }, { objective: 'M2.1', confirmed: false, score: 0.3 }] },
    { code: 'S1.1', level: 'operativo', parent: 'S1', title: 'Sportelli online', missione: '01', programma: '01.08', responsabile: 'Settore Innovazione', psttm: [{ objective: 'M1.1', confirmed: true }, { objective: 'M2.1', confirmed: true }] },
  ],
};

/** Milano (zone Milano, its only comune): X1 serves M2.1. */
export const MILANO: Dup = {
  file: 'plan/dup/015146-milano.yaml',
  comune: { istat: '015146', name: 'Milano' },
  period: '2025-2027',
  source: { title: 'dup.csv' },
  objectives: [{ code: 'X1', level: 'strategico', title: 'Mobilità sostenibile', missione: '10', psttm: [{ objective: 'M2.1', confirmed: true }] }],
};

/**
 * The test plan with two DUPs (Cinisello Balsamo has none) and four projects: `metro` reaches every
 * comune, `nord` the zone Nord Milano, `cinisello` only Cinisello Balsamo, `sesto-cancelled` Sesto but is cancelled.
 */
export function dupModel(dups: Dup[] = [SESTO, MILANO]) {
  return testModel(
    [
      project('metro'),
      project('nord', { territory: { scope: 'zones', zones: ['Nord Milano'] } }),
      project('cinisello', { territory: { scope: 'comuni', comuni: ['015077'] }, objectives: [{ id: 'M2.1' }] }),
      project('sesto-cancelled', { status: 'cancelled', territory: { scope: 'comuni', comuni: ['015209'] } }),
    ],
    [],
    undefined,
    dups,
  );
}
