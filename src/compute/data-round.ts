import { factKey, type FactKey } from '../model/form-layout.js';
import { compareNatural } from '../model/natural-order.js';
import type { DatedValueData, IndicatorData, ProjectStatus } from '../model/plan-data.js';
import type { PlanModel, Project } from '../model/plan-model.js';
import { latestActual, type Actual } from './indicator-progress.js';

/** A project lead of the yearly data round: the projects whose `lead.name` is `name`, each of which gets one form. */
export interface LeadGroup {
  name: string;
  /** The first contact its projects state, if any. */
  contact: { name: string; email: string } | undefined;
  projects: Project[];
}

/** The leads of the plan's projects in natural order, and the projects that name no lead (they get no form). */
export function leadGroups(projects: readonly Project[]): { leads: LeadGroup[]; withoutLead: Project[] } {
  const byName = new Map<string, LeadGroup>();
  const withoutLead: Project[] = [];
  for (const project of projects) {
    if (!project.lead) {
      withoutLead.push(project);
      continue;
    }
    const group = byName.get(project.lead.name) ?? { name: project.lead.name, contact: undefined, projects: [] };
    group.contact ??= project.lead.contact;
    group.projects.push(project);
    byName.set(project.lead.name, group);
  }
  return { leads: [...byName.values()].sort((a, b) => compareNatural(a.name, b.name)), withoutLead };
}

/** The values an indicator can take: its declared `min`/`max`, else not negative, and a percentage not above 1 (100 %). */
export function indicatorBounds(indicator: Pick<IndicatorData, 'kind' | 'min' | 'max'>): { min: number; max: number | undefined } {
  return { min: indicator.min ?? 0, max: indicator.max ?? (indicator.kind === 'percentage' ? 1 : undefined) };
}

/** The dates a form accepts: within the plan period and not after the as-of date; undefined when the as-of date is before the period. */
export function dateWindow(model: Pick<PlanModel, 'period'>, asOf: string): { first: string; last: string } | undefined {
  const first = `${model.period.start}-01-01`;
  const periodEnd = `${model.period.end}-12-31`;
  const last = asOf < periodEnd ? asOf : periodEnd;
  return last < first ? undefined : { first, last };
}

export interface IndicatorFormRow {
  project: Project;
  indicator: IndicatorData;
  bounds: { min: number; max: number | undefined };
  /** The latest actual on or before the as-of date, and the title of the source it cites. */
  latest: (Actual & { sourceTitle: string }) | undefined;
  targets: DatedValueData[];
}

export interface MilestoneFormRow {
  project: Project;
  /** Position (from 1) in the project's list of milestones. */
  position: number;
  title: string;
  due: string;
  done: string | undefined;
}

export type FactFormRow = { project: Project; key: FactKey } & (
  | { kind: 'status'; current: ProjectStatus }
  | { kind: 'end'; current: string | undefined }
  | { kind: 'funding'; index: number; source: string; note: string | undefined; current: number }
);

/** What a lead's form asks about, in the order of its rows. */
export interface FormRows {
  indicators: IndicatorFormRow[];
  milestones: MilestoneFormRow[];
  facts: FactFormRow[];
}

/**
 * The rows of a lead's form as of `asOf`: every measured indicator (quantitative or percentage; a
 * qualitative one is judged by its project's milestones, which have their own sheet), every
 * milestone, and per project its status, end date and each entry of its funding.
 */
export function formRows(projects: readonly Project[], asOf: string): FormRows {
  const rows: FormRows = { indicators: [], milestones: [], facts: [] };
  for (const project of [...projects].sort((a, b) => compareNatural(a.id, b.id))) {
    const sourceTitle = new Map(project.sources.map((source) => [source.id, source.title]));
    for (const indicator of project.indicators ?? []) {
      if (indicator.kind === 'qualitative') continue;
      const latest = latestActual(indicator.actuals ?? [], asOf);
      rows.indicators.push({
        project,
        indicator,
        bounds: indicatorBounds(indicator),
        latest: latest && { ...latest, sourceTitle: sourceTitle.get(latest.source) ?? latest.source },
        targets: [...(indicator.targets ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
      });
    }
    (project.milestones ?? []).forEach((milestone, index) => rows.milestones.push({ project, position: index + 1, title: milestone.title, due: milestone.due, done: milestone.done }));
    rows.facts.push({ project, key: factKey({ kind: 'status' }), kind: 'status', current: project.status });
    rows.facts.push({ project, key: factKey({ kind: 'end' }), kind: 'end', current: project.period?.end });
    (project.funding ?? []).forEach((entry, index) => rows.facts.push({ project, key: factKey({ kind: 'funding', index }), kind: 'funding', index, source: entry.source, note: entry.note, current: entry.amount }));
  }
  return rows;
}
