import type { DupImportChanges } from '../edit/dup-import.js';
import type { Language } from '../render/language.js';
import { terminalText } from '../render/terminal/terminal-text.js';

interface SummaryState {
  created: boolean;
  written: boolean;
  dryRun: boolean;
  objectives: number;
}

const WORDS = {
  en: { created: 'created', updated: 'updated', unchanged: 'unchanged, nothing written', dryRun: 'dry run, nothing written', added: 'added', changed: 'changed', removed: 'removed', objectives: 'objectives' },
  it: { created: 'creato', updated: 'aggiornato', unchanged: 'invariato, nulla scritto', dryRun: 'prova, nulla scritto', added: 'aggiunti', changed: 'modificati', removed: 'rimossi', objectives: 'obiettivi' },
} as const;

/** What an import did to a DUP file: a line with the counts, then `+ code`, `~ code: fields`, `- code`, one per objective. */
export function importSummary(file: string, changes: DupImportChanges, state: SummaryState, language: Language): string {
  const words = WORDS[language];
  const outcome = state.dryRun ? words.dryRun : !state.written ? words.unchanged : state.created ? words.created : words.updated;
  const counts = `${state.objectives} ${words.objectives}: ${changes.added.length} ${words.added}, ${changes.changed.length} ${words.changed}, ${changes.removed.length} ${words.removed}`;
  const lines = [
    `${terminalText(file)} (${outcome}): ${counts}`,
    ...changes.fileFields.map((field) => `  ~ ${field}`),
    ...changes.added.map((code) => `  + ${terminalText(code)}`),
    ...changes.changed.map(({ code, fields }) => `  ~ ${terminalText(code)}: ${fields.join(', ')}`),
    ...changes.removed.map((code) => `  - ${terminalText(code)}`),
  ];
  return lines.join('\n') + '\n';
}
