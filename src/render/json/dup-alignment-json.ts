import type { ComuneAlignment, DupAlignment } from '../../compute/dup-alignment.js';

/**
 * The JSON of coverage --by comune (its shape is in the README): the alignment as computed, with
 * `null` where a comune has no DUP file, and the ISTAT codes of the comuni without one.
 */
export function dupAlignmentJson(alignment: DupAlignment, comuni: readonly ComuneAlignment[], asOf: string) {
  return {
    asOf,
    comuni: comuni.map((comune) => ({ ...comune, file: comune.file ?? null, period: comune.period ?? null, objectives: comune.objectives.map((objective) => ({ ...objective, parent: objective.parent ?? null, missione: objective.missione ?? null, programma: objective.programma ?? null, responsabile: objective.responsabile ?? null, suggested: objective.suggested.map((link) => ({ objective: link.objective, score: link.score ?? null })) })) })),
    withoutDup: comuni.filter((comune) => comune.file === undefined).map((comune) => comune.istat),
    objectives: alignment.objectives,
    zones: alignment.zones,
  };
}
