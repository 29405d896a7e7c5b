import { emitKeypressEvents } from 'node:readline';
import { UsageError } from '../core/errors.js';
import type { DupDecision } from '../edit/dup-links.js';
import type { Language } from '../render/language.js';
import { chalkFor } from './color.js';
import { applyDupDecision, requireDup } from './dup-decision.js';
import type { InputStream, Io } from './io.js';
import { checkPlanAt, findPlan, requireModel, type PlanOption } from './plan-input.js';
import { todayOf } from './today.js';

/** What a key press answers: a/r/s/q, Enter skips, Ctrl-C interrupts. */
type Answer = 'accept' | 'reject' | 'skip' | 'quit' | 'interrupt';

const KEYS: Readonly<Record<string, Answer>> = { a: 'accept', r: 'reject', s: 'skip', return: 'skip', enter: 'skip', q: 'quit' };

/** The exit status of a run ended by Ctrl-C, as a shell reports SIGINT. */
const INTERRUPTED = 130;

/**
 * Walk the unconfirmed suggestions of a comune's DUP on a terminal, best score first, and save each
 * answer at once through the edit of dup confirm and reject: quitting or Ctrl-C leaves the file as of
 * the last answer. Without a terminal on both stdin and stdout it is a usage error.
 */
export async function reviewDup(comuneInput: string, options: PlanOption, language: Language, io: Io): Promise<number> {
  const stdin = io.stdin;
  if (!stdin?.isTTY || !io.stdout.isTTY) {
    throw new UsageError('dup review asks on a terminal, and stdin or stdout is not one; use psttm dup confirm <comune> <code> <objective>… or psttm dup reject … instead');
  }
  const location = findPlan(options, io, { edits: true });
  const today = todayOf(options, io);
  const model = requireModel(await checkPlanAt(location, today, io));
  const { comune, dup } = requireDup(model, comuneInput);
  const queue = dup.objectives
    .flatMap((dupObjective) => (dupObjective.psttm ?? []).filter((link) => !link.confirmed).map((link) => ({ dupObjective, objectiveId: link.objective, score: link.score })))
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  if (queue.length === 0) {
    io.stdout.write(`${comune.name} (${comune.istat}): no suggestions to review in ${dup.file}\n`);
    return 0;
  }
  const [{ suggestionCard }, { terminalWidth }] = await Promise.all([import('../render/terminal/dup-review.js'), import('../render/terminal/table.js')]);
  const chalk = chalkFor(io.stdout, io.env);
  const keys = keyReader(stdin);
  const answered = { accept: 0, reject: 0 };
  try {
    for (const [index, suggestion] of queue.entries()) {
      io.stdout.write(suggestionCard(model, { comune: comune.name, ...suggestion, position: index + 1, total: queue.length }, terminalWidth(io.stdout, io.env), chalk));
      io.stdout.write(`${chalk.bold('[a]')}ccept  ${chalk.bold('[r]')}eject  ${chalk.bold('[s]')}kip (Enter)  ${chalk.bold('[q]')}uit? `);
      const answer = await keys.next();
      io.stdout.write(`${answer}\n`);
      if (answer === 'interrupt') return INTERRUPTED;
      if (answer === 'quit') break;
      if (answer === 'skip') continue;
      const decision: DupDecision = answer === 'accept' ? 'confirm' : 'reject';
      const request = { comune: comune.istat, code: suggestion.dupObjective.code, objectives: [suggestion.objectiveId], decision };
      // Each answer starts from the file as the previous one left it.
      const result = await applyDupDecision(await checkPlanAt(location, today, io), request, { dryRun: false, language }, io);
      answered[answer]++;
      io.stdout.write(`${suggestion.objectiveId} ${decision === 'confirm' ? 'confirmed' : 'rejected'} for ${suggestion.dupObjective.code}, saved to ${result.file}\n`);
    }
  } finally {
    keys.close();
  }
  io.stdout.write(`${answered.accept} confirmed, ${answered.reject} rejected of ${queue.length} suggestion${queue.length === 1 ? '' : 's'}\n`);
  return 0;
}

/** Single key presses from a terminal in raw mode, one answer at a time; other keys are ignored, the end of input quits. */
function keyReader(stdin: InputStream): { next(): Promise<Answer>; close(): void } {
  emitKeypressEvents(stdin);
  stdin.setRawMode?.(true);
  stdin.resume();
  const pending: Answer[] = [];
  let waiting: ((answer: Answer) => void) | undefined;
  const deliver = (answer: Answer) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(answer);
    } else pending.push(answer);
  };
  const onKey = (_text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (key?.ctrl && key.name === 'c') deliver('interrupt');
    else if (!key?.ctrl && key?.name && KEYS[key.name]) deliver(KEYS[key.name]!);
  };
  const onEnd = () => deliver('quit');
  stdin.on('keypress', onKey);
  stdin.on('end', onEnd);
  return {
    next: () => (pending.length > 0 ? Promise.resolve(pending.shift()!) : new Promise((resolve) => (waiting = resolve))),
    close: () => {
      stdin.removeListener('keypress', onKey);
      stdin.removeListener('end', onEnd);
      stdin.setRawMode?.(false);
      stdin.pause();
    },
  };
}
