import { currentObjectiveId } from '../../model/plan-lookup.js';
import type { ProjectStatus } from '../../model/plan-data.js';
import type { Dup, PlanModel, Project } from '../../model/plan-model.js';
import { projectFunding } from '../initiatives.js';
import type { ObjectivePairs } from './objective-pairs.js';
import type { Change } from './plan-diff.js';

/** A project field whose value changed. */
export type FieldChange =
  | { field: 'title'; before: string; after: string }
  | { field: 'status'; before: ProjectStatus; after: ProjectStatus }
  | { field: 'period'; before: Project['period']; after: Project['period'] }
  | { field: 'funding'; before: number | undefined; after: number | undefined };

/** A link to an objective (by its head id) added, removed, or given another weight (undefined: an equal share). */
export interface LinkChange {
  change: 'added' | 'removed' | 'reweighted';
  objective: string;
  before?: number | undefined;
  after?: number | undefined;
}

/** An actual value added, or corrected (same indicator and date, another value). */
interface ActualChange {
  indicator: string;
  name: string;
  unit: string;
  date: string;
  before?: number;
  after: number;
}

export interface ProjectChange {
  change: Change;
  id: string;
  title: string;
  /** Its file in the head, or in the base for a removed project. */
  file: string;
  fields: FieldChange[];
  links: LinkChange[];
  actuals: ActualChange[];
}

/** A comune's DUP added, removed, or whose confirmed links or objectives changed. */
export interface DupChange {
  change: Change;
  istat: string;
  comune: string;
  file: string;
  /** Confirmed links of DUP objectives (by code) to PSTTM objectives (by head id). */
  links: { change: 'added' | 'removed'; code: string; objective: string }[];
  objectives: { added: string[]; removed: string[] };
}

/** A consultation added, removed, or whose votes changed, objective by objective (by head id). */
export interface ConsultationChange {
  change: Change;
  id: string;
  event: string;
  votes: { objective: string; before: number | undefined; after: number | undefined }[];
}

/** What a base objective id is called in the head: its counterpart's id, or itself when the head removed it. */
function headIdFrom(pairs: ObjectivePairs, base: PlanModel): (id: string) => string {
  return (id) => {
    const current = currentObjectiveId(base, id);
    return pairs.headIdOf.get(current) ?? current;
  };
}

export function diffProjects(base: PlanModel, head: PlanModel, pairs: ObjectivePairs): ProjectChange[] {
  const baseId = headIdFrom(pairs, base);
  const headId = (id: string) => currentObjectiveId(head, id);
  const changes: ProjectChange[] = [];
  for (const before of base.projects) {
    if (!head.projectById.has(before.id)) changes.push({ change: 'removed', id: before.id, title: before.title, file: before.file, fields: [], links: [], actuals: [] });
  }
  for (const after of head.projects) {
    const before = base.projectById.get(after.id);
    const links = linkChanges(before?.objectives.map((link) => ({ objective: baseId(link.id), weight: link.weight })) ?? [], after.objectives.map((link) => ({ objective: headId(link.id), weight: link.weight })));
    if (!before) {
      changes.push({ change: 'added', id: after.id, title: after.title, file: after.file, fields: [], links, actuals: [] });
      continue;
    }
    const fields = fieldChanges(before, after);
    const actuals = actualChanges(before, after);
    if (fields.length + links.length + actuals.length > 0) changes.push({ change: 'changed', id: after.id, title: after.title, file: after.file, fields, links, actuals });
  }
  return changes.sort((a, b) => a.id.localeCompare(b.id, 'en'));
}

function fieldChanges(before: Project, after: Project): FieldChange[] {
  const fields: FieldChange[] = [];
  if (before.title !== after.title) fields.push({ field: 'title', before: before.title, after: after.title });
  if (before.status !== after.status) fields.push({ field: 'status', before: before.status, after: after.status });
  if (before.period?.start !== after.period?.start || before.period?.end !== after.period?.end) fields.push({ field: 'period', before: before.period, after: after.period });
  const [fundingBefore, fundingAfter] = [projectFunding(before), projectFunding(after)];
  if (fundingBefore !== fundingAfter) fields.push({ field: 'funding', before: fundingBefore, after: fundingAfter });
  return fields;
}

function linkChanges(before: readonly { objective: string; weight?: number | undefined }[], after: readonly { objective: string; weight?: number | undefined }[]): LinkChange[] {
  const weightBefore = new Map(before.map((link) => [link.objective, link.weight]));
  const weightAfter = new Map(after.map((link) => [link.objective, link.weight]));
  const changes: LinkChange[] = before.filter((link) => !weightAfter.has(link.objective)).map((link) => ({ change: 'removed', objective: link.objective }));
  for (const link of after) {
    if (!weightBefore.has(link.objective)) changes.push({ change: 'added', objective: link.objective, after: link.weight });
    else if (weightBefore.get(link.objective) !== link.weight) changes.push({ change: 'reweighted', objective: link.objective, before: weightBefore.get(link.objective), after: link.weight });
  }
  return changes;
}

function actualChanges(before: Project, after: Project): ActualChange[] {
  const valueBefore = new Map((before.indicators ?? []).flatMap((indicator) => (indicator.actuals ?? []).map((actual) => [`${indicator.id}\u0000${actual.date}`, actual.value])));
  return (after.indicators ?? []).flatMap((indicator) =>
    (indicator.actuals ?? []).flatMap((actual): ActualChange[] => {
      const previous = valueBefore.get(`${indicator.id}\u0000${actual.date}`);
      if (previous === actual.value) return [];
      return [{ indicator: indicator.id, name: indicator.name, unit: indicator.unit, date: actual.date, ...(previous === undefined ? {} : { before: previous }), after: actual.value }];
    }),
  );
}

export function diffDups(base: PlanModel, head: PlanModel, pairs: ObjectivePairs): DupChange[] {
  const baseId = headIdFrom(pairs, base);
  const headId = (id: string) => currentObjectiveId(head, id);
  const changes: DupChange[] = [];
  for (const before of base.dups) {
    if (!head.dupByIstat.has(before.comune.istat)) changes.push({ change: 'removed', istat: before.comune.istat, comune: before.comune.name, file: before.file, links: [], objectives: { added: [], removed: [] } });
  }
  for (const after of head.dups) {
    if (head.dupByIstat.get(after.comune.istat) !== after) continue;
    const before = base.dupByIstat.get(after.comune.istat);
    const linksBefore = confirmedLinks(before, baseId);
    const linksAfter = confirmedLinks(after, headId);
    const codesBefore = new Set(before?.objectives.map((objective) => objective.code));
    const codesAfter = new Set(after.objectives.map((objective) => objective.code));
    const links = [
      ...[...linksBefore].filter((key) => !linksAfter.has(key)).map((key) => ({ change: 'removed' as const, ...splitLink(key) })),
      ...[...linksAfter].filter((key) => !linksBefore.has(key)).map((key) => ({ change: 'added' as const, ...splitLink(key) })),
    ];
    const objectives = { added: [...codesAfter].filter((code) => !codesBefore.has(code)), removed: [...codesBefore].filter((code) => !codesAfter.has(code)) };
    if (before && links.length + objectives.added.length + objectives.removed.length === 0) continue;
    changes.push({ change: before ? 'changed' : 'added', istat: after.comune.istat, comune: after.comune.name, file: after.file, links, objectives });
  }
  return changes.sort((a, b) => a.istat.localeCompare(b.istat));
}

/** A DUP's confirmed links as `code NUL objective` keys, objectives named as `idOf` names them. */
function confirmedLinks(dup: Dup | undefined, idOf: (id: string) => string): Set<string> {
  return new Set((dup?.objectives ?? []).flatMap((objective) => (objective.psttm ?? []).filter((link) => link.confirmed).map((link) => `${objective.code}\u0000${idOf(link.objective)}`)));
}

function splitLink(key: string): { code: string; objective: string } {
  const [code = '', objective = ''] = key.split('\u0000');
  return { code, objective };
}

export function diffConsultations(base: PlanModel, head: PlanModel, pairs: ObjectivePairs): ConsultationChange[] {
  const baseId = headIdFrom(pairs, base);
  const headId = (id: string) => currentObjectiveId(head, id);
  const headById = new Map(head.consultations.map((consultation) => [consultation.id, consultation]));
  const baseById = new Map(base.consultations.map((consultation) => [consultation.id, consultation]));
  const changes: ConsultationChange[] = base.consultations.filter((consultation) => !headById.has(consultation.id)).map((consultation) => ({ change: 'removed', id: consultation.id, event: consultation.event, votes: [] }));
  for (const after of head.consultations) {
    const before = baseById.get(after.id);
    const votesBefore = new Map((before?.votes ?? []).map((vote) => [baseId(vote.objective), vote.votes]));
    const votesAfter = new Map((after.votes ?? []).map((vote) => [headId(vote.objective), vote.votes]));
    const objectives = [...new Set([...votesBefore.keys(), ...votesAfter.keys()])];
    const votes = objectives.filter((objective) => votesBefore.get(objective) !== votesAfter.get(objective)).map((objective) => ({ objective, before: votesBefore.get(objective), after: votesAfter.get(objective) }));
    if (before && votes.length === 0) continue;
    changes.push({ change: before ? 'changed' : 'added', id: after.id, event: after.event, votes });
  }
  return changes;
}
