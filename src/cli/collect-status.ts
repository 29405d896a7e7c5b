import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../io/display-path.js';
import { terminalText } from '../render/terminal/terminal-text.js';
import { chalkFor } from './color.js';
import type { Io } from './io.js';
import { checkPlanAt, findPlan, requireModel, type PlanOption } from './plan-input.js';
import { todayOf } from './today.js';

/** The folder `collect forms` writes into and `collect status` reads, unless --out or --forms names another. */
export const FORMS_FOLDER = 'forms';

export interface StatusOptions extends PlanOption {
  forms?: string;
  json?: boolean;
}

/** `psttm collect status`: per lead, the forms found in the forms folder against what the plan's projects hold. */
export async function runStatus(options: StatusOptions, io: Io): Promise<number> {
  const formsDir = path.resolve(io.cwd, options.forms ?? FORMS_FOLDER);
  const today = todayOf(options, io);
  const model = requireModel(await checkPlanAt(findPlan(options, io), today, io));
  const [{ roundStatus }, { readFormsFolder }] = await Promise.all([import('../compute/round-status.js'), import('../load/spreadsheet/forms-folder.js')]);
  const shown = (file: string) => displayPath(file, io.cwd);
  // Before any form is made the default folder is not there yet: the round has sent nothing. A folder named by --forms must be there.
  const folder = options.forms === undefined && !existsSync(formsDir) ? { forms: [], skipped: [] } : await readFormsFolder(formsDir, shown);
  for (const { path: file, reason } of folder.skipped) io.stderr.write(`psttm: ${terminalText(file)} ${terminalText(reason)}; skipped\n`);
  const ours = folder.forms.filter((form) => form.metadata.planId === model.id);
  const others = folder.forms.length - ours.length;
  if (others > 0) io.stderr.write(`psttm: ${others === 1 ? '1 form' : `${others} forms`} in ${terminalText(shown(formsDir))}/ ${others === 1 ? 'is' : 'are'} of another plan than ${terminalText(model.id)}; not counted\n`);
  const status = roundStatus(model, ours.map(({ path: file, metadata }) => ({ path: file, formId: metadata.formId, lead: metadata.lead, asOf: metadata.asOf, due: metadata.due })), today);
  for (const form of status.unknownLeads) io.stderr.write(`psttm: ${terminalText(form.path)} is for ${terminalText(form.lead)}, whom no project names as lead any more; not counted\n`);
  if (options.json) {
    const { toJsonText } = await import('../render/json/plan-json.js');
    io.stdout.write(toJsonText({ today: status.today, forms: shown(formsDir), leads: status.leads, withoutLead: status.withoutLead }));
    return 0;
  }
  const [{ roundStatusText }, { terminalWidth }] = await Promise.all([import('../render/terminal/round-status-table.js'), import('../render/terminal/table.js')]);
  io.stdout.write(roundStatusText(status, { planTitle: model.shortTitle, formsFolder: shown(formsDir), updateMonths: model.monitoring.project_update_months }, terminalWidth(io.stdout, io.env), chalkFor(io.stdout, io.env)));
  return 0;
}
