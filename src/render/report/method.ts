import type { InitiativeBase } from '../../compute/progress.js';
import type { LocaleFormat } from '../format.js';
import { fillLabel, type Labels } from '../labels.js';
import type { ReportView } from './report-view.js';

/** One rule of the method, named and stated in the report's language. */
export interface MethodRule {
  name: string;
  text: string;
}

/** The rules behind every figure, in the order a reader meets them, with the plan's own thresholds filled in. */
export function methodRules(thresholds: ReportView['thresholds'], labels: Labels, format: LocaleFormat): MethodRule[] {
  const values = {
    onTrack: format.percent(thresholds.on_track_ratio),
    atRisk: format.percent(thresholds.at_risk_ratio),
    freshness: String(thresholds.freshness_months),
    minShare: format.percent(thresholds.min_data_share),
  };
  return Object.values(labels.methodSection.rules).map((rule) => ({ name: rule.name, text: fillLabel(rule.text, values) }));
}

/** The headline as one honest sentence: the plan's progress, what was expected, how many projects it rests on, and its status. */
export function headlineSentence(headline: ReportView['headline'], labels: Labels, format: LocaleFormat): string {
  const { withData, initiatives } = headline.base;
  if (headline.progress === null) return fillLabel(labels.headline.noData, { initiatives: String(initiatives) });
  return fillLabel(labels.headline.sentence, {
    progress: format.percent(headline.progress),
    expected: format.percent(headline.expected),
    withData: String(withData),
    initiatives: String(initiatives),
    without: String(initiatives - withData),
    status: labels.status[headline.status],
  });
}

/** What a headline figure rests on, under it: `from 3 of 16 projects; 13 without data`. */
export function baseText(base: InitiativeBase, labels: Pick<Labels, 'headline'>): string {
  return fillLabel(labels.headline.base, { withData: String(base.withData), initiatives: String(base.initiatives), without: String(base.initiatives - base.withData) });
}
