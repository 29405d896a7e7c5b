import { InputError, UsageError, WriteError } from '../core/errors.js';
import type { DupDecision, DupLinkChange } from '../edit/dup-links.js';
import type { DupLinkData, DupObjectiveData } from '../model/plan-data.js';
import type { Dup, PlanModel } from '../model/plan-model.js';
import type { Comune } from '../model/reference.js';
import type { Language } from '../render/language.js';
import type { PlanCheck } from '../validate/check-plan.js';
import type { Io } from './io.js';
import { didYouMean, requireComune, requireObjective } from './plan-lookup.js';
import { requireModel } from './plan-input.js';
import { writeProjectFile } from './write-project.js';

/** A comune named by ISTAT code or name (`Comune di` allowed), and its DUP; a usage error with a suggestion otherwise. */
export function requireDup(model: PlanModel, input: string): { comune: Comune; dup: Dup } {
  const comune = requireComune(model, input);
  const dup = model.dupByIstat.get(comune.istat);
  if (!dup) throw new UsageError(`${comune.name} (${comune.istat}) has no DUP file in plan/dup/; import it first with psttm import dup FILE --comune ${comune.istat}`);
  return { comune, dup };
}

/** The objective of the DUP with that code; a usage error with a suggestion otherwise. */
function requireDupObjective(dup: Dup, code: string): DupObjectiveData {
  const objective = dup.objectives.find((candidate) => candidate.code === code.trim());
  if (!objective) throw new UsageError(`${code}: no objective with that code in ${dup.file}${didYouMean(code.trim(), dup.objectives.map((candidate) => candidate.code))}`);
  return objective;
}

export interface DupDecisionRequest {
  comune: string;
  code: string;
  objectives: readonly string[];
  decision: DupDecision;
}

/** What a decision did to a DUP objective's links: the JSON of dup confirm and reject. */
export interface DupDecisionResult {
  comune: { istat: string; name: string };
  file: string;
  code: string;
  decision: DupDecision;
  dryRun: boolean;
  changed: boolean;
  changes: { objective: string; change: DupLinkChange }[];
  psttm: DupLinkData[];
  rejected: string[];
}

/**
 * Confirm or reject links of one DUP objective and write the file (unless `dryRun`), checked against
 * the plan like every edit, under the file's lock; nothing is written when the edit changes nothing.
 */
export async function applyDupDecision(check: PlanCheck, request: DupDecisionRequest, options: { dryRun: boolean; language: Language }, io: Io): Promise<DupDecisionResult> {
  const model = requireModel(check);
  const { comune, dup } = requireDup(model, request.comune);
  const { code } = requireDupObjective(dup, request.code);
  const ids = [...new Set(request.objectives.map((input) => requireObjective(model, input)))];
  const file = check.files.dups.find((candidate) => candidate.displayPath === dup.file);
  if (!file) throw new InputError(`${dup.file}: the DUP of ${comune.name} is no longer readable`);
  const { editDupLinks } = await import('../edit/dup-links.js');
  const edit = editDupLinks(file, code, request.decision, ids);
  const changed = edit.text !== file.text;
  if (changed && !options.dryRun) {
    const verify = ({ text, bom }: { text: string; bom?: boolean }) => {
      if (text !== edit.text || bom !== file.bom) throw new WriteError(`nothing written: the bytes for ${file.displayPath} would not read back as the edited text (a psttm bug; please report it with the file)`);
    };
    const target = { absPath: file.absPath, displayPath: file.displayPath, kind: 'dups' as const };
    await writeProjectFile(check, target, (file.bom ? '\uFEFF' : '') + edit.text, io, { force: true, editedFrom: file.text, verify, language: options.language });
  }
  return { comune: { istat: comune.istat, name: comune.name }, file: file.displayPath, code, decision: request.decision, dryRun: options.dryRun, changed, changes: edit.changes, psttm: edit.psttm, rejected: edit.rejected };
}

const CHANGE_TEXT: Record<DupLinkChange, (decision: DupDecision) => string> = {
  confirmed: () => 'suggestion confirmed',
  added: () => 'link added, confirmed',
  rejected: () => 'rejected: link removed, not suggested again',
  unchanged: (decision) => `already ${decision === 'confirm' ? 'confirmed' : 'rejected'}, nothing to change`,
};

/** The result as lines for the terminal: the objective, then what happened to each PSTTM objective. */
export function decisionText(result: DupDecisionResult): string {
  const lines = result.changes.map(({ objective, change }) => `  ${objective}  ${CHANGE_TEXT[change](result.decision)}`);
  const written = !result.changed ? 'nothing to change' : result.dryRun ? 'dry run, nothing written' : 'written';
  return `${result.comune.name} (${result.comune.istat}) ${result.code}, ${result.file}: ${written}\n${lines.join('\n')}\n`;
}
