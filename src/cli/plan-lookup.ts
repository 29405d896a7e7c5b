import { UsageError } from '../core/errors.js';
import { dupObjectiveId } from '../compute/initiatives.js';
import { closestMatch } from '../model/did-you-mean.js';
import { normalizeId } from '../model/ids.js';
import { untranscribedMissionOf } from '../model/plan-lookup.js';
import type { DupObjectiveData } from '../model/plan-data.js';
import type { Dup, Mission, PlanModel } from '../model/plan-model.js';
import type { Comune } from '../model/reference.js';

/** `; did you mean X?` naming the candidate closest to what was typed, or nothing when none is close: the hint of every usage error about a name. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const suggestion = closestMatch(input, candidates);
  return suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
}

/**
 * The canonical id of an objective of the plan, from what a user typed (`M1.8`, `1.8`); a usage
 * error with a suggestion otherwise, or saying why a mission without transcribed objectives has none.
 */
export function requireObjective(model: PlanModel, input: string): string {
  const id = normalizeId(input);
  if (model.objectiveById.has(id)) return id;
  const mission = untranscribedMissionOf(model, id);
  if (mission) throw new UsageError(`${id}: mission ${mission.id} "${mission.title}" has no objectives yet (its table is missing from the source), so nothing can link to it`);
  throw new UsageError(`${id || '""'} is not an objective of the plan${didYouMean(id, model.objectiveById.keys())} (psttm list objectives shows them all)`);
}

/** The mission named by `--mission` (`M2` or `2`), or a usage error listing the plan's missions. */
export function requireMission(model: PlanModel, input: string): Mission {
  const mission = model.missionById.get(normalizeId(input));
  if (!mission) throw new UsageError(`--mission ${input}: no such mission; the plan has ${model.missions.map((candidate) => candidate.id).join(', ')}`);
  return mission;
}

/**
 * The DUP objective named `dup:<istat>/<code>` (the comune may also be named, `dup:Milano/1.2`), or a
 * usage error with the closest id of the plan's DUPs.
 */
export function requireDupObjective(model: PlanModel, input: string): { id: string; dup: Dup; objective: DupObjectiveData } {
  const [comune = '', code = ''] = input.trim().slice('dup:'.length).split(/\/(.*)/s);
  const dup = model.dupByIstat.get(model.reference.findComune(comune)?.istat ?? '');
  const objective = dup?.objectives.find((candidate) => candidate.code === code.trim());
  if (dup && objective) return { id: dupObjectiveId(dup.comune.istat, objective.code), dup, objective };
  const ids = model.dups.flatMap((candidate) => candidate.objectives.map((item) => dupObjectiveId(candidate.comune.istat, item.code)));
  const place = dup ? `the DUP of ${dup.comune.name} (${dup.file}) has no objective ${code || '""'}` : `no DUP file in plan/dup/ is for the comune ${comune || '""'}`;
  throw new UsageError(`${input}: ${place}${didYouMean(input.trim(), ids)} (ids are dup:<istat>/<code>)`);
}

/**
 * The comune named by its ISTAT code or name (any case and accents, `Comune di` allowed, or the first
 * words of its name when they name one comune only), or a usage error naming `option` (or the
 * argument) with the closest name or the comuni the words fit.
 */
export function requireComune(model: PlanModel, input: string, option = ''): Comune {
  const name = input.replace(/^comune di\s+/i, '');
  const exact = model.reference.findComune(name);
  if (exact) return exact;
  const fitting = model.reference.comuniNamedFrom(name);
  if (fitting.length === 1) return fitting[0]!;
  const hint = fitting.length > 1 ? `; it begins the names of ${fitting.map((comune) => comune.name).join(', ')}` : didYouMean(name, model.reference.comuni.map((candidate) => candidate.name));
  throw new UsageError(`${option}${input}: not a comune of the metropolitan city${hint} (plan/reference/comuni.csv lists them)`);
}
