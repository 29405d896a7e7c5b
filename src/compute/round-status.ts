import { formSourceId, isFormSourceId } from '../model/form-layout.js';
import type { PlanModel, Project } from '../model/plan-model.js';
import { staleMonths } from '../model/staleness.js';
import { leadGroups } from './data-round.js';

/** A form `psttm collect forms` made, as its hidden sheet records it, and the file it is in. */
export interface SentForm {
  path: string;
  formId: string;
  lead: string;
  asOf: string;
  due: string;
}

/** Where a lead stands in the data round: what it was sent, what came back, and what is still missing. */
export interface LeadRoundStatus {
  lead: string;
  contact: { name: string; email: string } | undefined;
  projects: string[];
  /** The forms made for it, oldest as-of date first, each saying whether it came back. */
  forms: (SentForm & { returned: boolean })[];
  /** The ids of the `sources` entries its projects hold for returned forms (see formSourceId), one per form imported. */
  returned: string[];
  /** Actuals of its projects that cite a returned form. */
  valuesReceived: number;
  /** Its projects not updated for longer than the plan allows (PROJECT_STALE's rule), with the months since. */
  stale: { project: string; updated: string; months: number }[];
  /** Its measured (quantitative or percentage) indicators that have no actual at all. */
  withoutActual: { project: string; indicator: string }[];
}

export interface RoundStatus {
  today: string;
  leads: LeadRoundStatus[];
  /** Projects that name no lead: no form is made for them. */
  withoutLead: string[];
  /** Forms of this plan made for a lead no project names any more. */
  unknownLeads: SentForm[];
}

/** The data round's state per lead as of `today`, from the plan and the forms found (of this plan). */
export function roundStatus(model: Pick<PlanModel, 'projects' | 'monitoring'>, sent: readonly SentForm[], today: string): RoundStatus {
  const { leads, withoutLead } = leadGroups(model.projects);
  const leadNames = new Set(leads.map((lead) => lead.name));
  const limit = model.monitoring.project_update_months;
  return {
    today,
    leads: leads.map((lead) => {
      const returned = [...new Set(lead.projects.flatMap((project) => project.sources.map((source) => source.id).filter(isFormSourceId)))].sort();
      const forms = sent.filter((form) => form.lead === lead.name).sort((a, b) => a.asOf.localeCompare(b.asOf) || a.path.localeCompare(b.path));
      return {
        lead: lead.name,
        contact: lead.contact,
        projects: lead.projects.map((project) => project.id),
        forms: forms.map((form) => ({ ...form, returned: returned.includes(formSourceId(form.formId)) })),
        returned,
        valuesReceived: lead.projects.reduce((sum, project) => sum + formActuals(project), 0),
        stale: lead.projects.flatMap((project) => {
          const months = staleMonths(project.updated, today, limit);
          return months === undefined ? [] : [{ project: project.id, updated: project.updated, months }];
        }),
        withoutActual: lead.projects.flatMap((project) =>
          (project.indicators ?? []).filter((indicator) => indicator.kind !== 'qualitative' && (indicator.actuals ?? []).length === 0).map((indicator) => ({ project: project.id, indicator: indicator.id })),
        ),
      };
    }),
    withoutLead: withoutLead.map((project) => project.id),
    unknownLeads: sent.filter((form) => !leadNames.has(form.lead)),
  };
}

/** The actuals of a project that cite the source entry of a returned form. */
function formActuals(project: Project): number {
  return (project.indicators ?? []).reduce((sum, indicator) => sum + (indicator.actuals ?? []).filter((actual) => isFormSourceId(actual.source)).length, 0);
}
