import type { FundingTotal } from '../compute/coverage.js';
import type { LocaleFormat } from './format.js';
import { fillLabel, type Labels } from './labels.js';

/**
 * Funding as text: `n.d.` when no initiative states it (unknown is not 0 €), the sum when all do,
 * and the sum with its base when only some do (`27.000.000 € da 4 su 16 progetti`).
 */
export function fundingText(total: FundingTotal, format: LocaleFormat, labels: Pick<Labels, 'notStated' | 'fundingBase'>): string {
  if (total.stated === 0) return labels.notStated;
  const amount = format.euros(total.amount);
  return total.stated === total.initiatives ? amount : fillLabel(labels.fundingBase, { amount, stated: String(total.stated), initiatives: String(total.initiatives) });
}

/** The amount a workbook cell holds: empty (null) when no initiative states its funding. */
export function fundingAmount(total: FundingTotal): number | null {
  return total.stated === 0 ? null : total.amount;
}
