import type { Command } from 'commander';
import type { DupDecision } from '../../edit/dup-links.js';
import type { RegisterCommand } from '../command.js';
import { applyDupDecision, decisionText } from '../dup-decision.js';
import type { Io } from '../io.js';
import { addLanguageOption, chooseLanguage, type LanguageOption } from '../language.js';
import { addPlanOption, loadPlan, type PlanOption } from '../plan-input.js';
import { retryWhenChanged } from '../write-project.js';

interface DecisionOptions extends PlanOption, LanguageOption {
  json?: boolean;
  dryRun?: boolean;
}

export const registerDup: RegisterCommand = (program, { io, exit }) => {
  const dup = program.command('dup').description("confirm or reject the PSTTM objectives suggested for a comune's DUP objectives");
  decisionCommand(dup, 'confirm', 'confirm links from a DUP objective to PSTTM objectives (a suggestion becomes confirmed, a new objective is added), editing the DUP file in place', io, exit);
  decisionCommand(dup, 'reject', 'reject links or suggestions from a DUP objective to PSTTM objectives (removed, and not suggested again), editing the DUP file in place', io, exit);
  addLanguageOption(addPlanOption(dup.command('review')))
    .description('on a terminal, walk the unconfirmed suggestions of a comune\'s DUP, best first: accept, reject, skip or quit, saving after each answer')
    .argument('<comune>', 'the comune: ISTAT code or name')
    .action(async (comune: string, options: PlanOption & LanguageOption) => {
      const { reviewDup } = await import('../dup-review.js');
      exit(await reviewDup(comune, options, chooseLanguage(options, io.env), io));
    });
};

function decisionCommand(dup: Command, decision: DupDecision, description: string, io: Io, exit: (code: number) => void): void {
  addLanguageOption(addPlanOption(dup.command(decision)))
    .description(description)
    .argument('<comune>', 'the comune: ISTAT code or name')
    .argument('<code>', 'the code of the objective in its DUP file')
    .argument('<objective...>', 'PSTTM objective ids (M1.8 or 1.8)')
    .option('--dry-run', 'print what would change, write nothing')
    .option('--json', 'print the result as JSON (see the README for its shape)')
    .action(async (comune: string, code: string, objectives: string[], options: DecisionOptions) => exit(await retryWhenChanged(() => runDecision({ comune, code, objectives, decision }, options, io))));
}

async function runDecision(request: Parameters<typeof applyDupDecision>[1], options: DecisionOptions, io: Io): Promise<number> {
  const check = await loadPlan(options, io, { edits: true });
  const result = await applyDupDecision(check, request, { dryRun: options.dryRun === true, language: chooseLanguage(options, io.env) }, io);
  if (options.json) {
    const { toJsonText } = await import('../../render/json/plan-json.js');
    io.stdout.write(toJsonText(result));
  } else io.stdout.write(decisionText(result));
  return 0;
}
