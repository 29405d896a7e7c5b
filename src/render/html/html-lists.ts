import { fillLabel, type Labels } from '../labels.js';
import type { LocaleFormat } from '../format.js';

/**
 * How many rows a list of the HTML report shows at most (a mission's objectives, projects and
 * indicators, the findings, the data gaps, the comuni…): beyond, the first ones and a line saying
 * that the workbook holds them all. It keeps the page readable, and under 10 MB at any size of
 * portfolio; the summary figures above the lists always count every item.
 */
export const HTML_LIST_LIMIT = 100;

/** The limit a template passes (`(first projects 20)`), or the default: Handlebars hands a helper its options object in place of an argument not given. */
function limitOf(limit: unknown): number {
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : HTML_LIST_LIMIT;
}

/** The first items of a list, as many as the page shows. */
export function firstItems<T>(list: readonly T[] | undefined, limit?: unknown): readonly T[] {
  return (list ?? []).slice(0, limitOf(limit));
}

/** The line under a list cut short (`Mostrati i primi 100 di 50.000: l'elenco completo è nel file Excel.`); empty when the page shows it whole. */
export function listCutNote(list: readonly unknown[] | undefined, limit: unknown, labels: Labels, format: LocaleFormat): string {
  const shown = limitOf(limit);
  const total = list?.length ?? 0;
  return total > shown ? fillLabel(labels.listCut, { shown: format.number(shown), total: format.number(total) }) : '';
}
