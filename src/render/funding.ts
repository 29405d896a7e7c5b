import type { FundingTotal } from '../compute/coverage.js';
import type { LocaleFormat } from './format.js';
import { fillLabel, type Labels } from './labels.js';

/**
 * Funding as text: `n.d.` when no initiative states it (unknown is not 0 €), the sum when all do,
 * and the sum with its base when only some do (`27.000.000 € da 4 su 16 progetti`).
 */
export function fundingText(total: FundingTotal, format: LocaleFormat, labels: Pick<Labels, 'notStated' | 'fundingBase'>): string {
  if (total.stated === 0) return labels.notStated;
  const base = fundingBaseText(total, labels);
  return base === undefined ? format.euros(total.amount) : `${format.euros(total.amount)} ${base}`;
}

/** The base of a total only some initiatives state (`da 4 su 16 progetti`); undefined when none or all do. */
export function fundingBaseText(total: FundingTotal, labels: Pick<Labels, 'fundingBase'>): string | undefined {
  if (total.stated === 0 || total.stated === total.initiatives) return undefined;
  return fillLabel(labels.fundingBase, { stated: String(total.stated), initiatives: String(total.initiatives) });
}

/** The amount a workbook cell holds: empty (null) when no initiative states its funding. */
export function fundingAmount(total: FundingTotal): number | null {
  return total.stated === 0 ? null : total.amount;
}
