import type { FindingArgs } from '../../findings/finding-args.js';
import type { IndicatorData } from '../../model/plan-data.js';
import { staleMonths } from '../../model/staleness.js';
import type { ProjectRule } from './rule.js';

const CUP = /^[A-Z][0-9]{2}[A-Z][0-9]{11}$/;

/**
 * A project's figures hold together: a well-formed CUP, a period in order, every figure citing a
 * listed source, actuals dated between the baseline and today, targets dated after the baseline
 * (progress runs from one to the other), values within the bounds an indicator declares, a target for every quantitative indicator, unique indicator ids, and an update within the plan's freshness limit.
 */
export const projectFiguresRule: ProjectRule = ({ plan, projects, today }, report) => {
  for (const { file, data } of projects) {
    if (data.cup !== undefined && !CUP.test(data.cup)) {
      report(file, 'INVALID_CUP', { cup: data.cup }, ['cup']);
    }
    if (data.period?.end !== undefined && data.period.end < data.period.start) {
      report(file, 'PERIOD_ORDER', { start: data.period.start, end: data.period.end }, ['period', 'end']);
    }
    const sourceIds = new Set(data.sources.map((source) => source.id));
    const citeUnknown = (id: string | undefined, path: (string | number)[]) => {
      if (id !== undefined && !sourceIds.has(id)) report(file, 'UNKNOWN_SOURCE', { source: id, sources: [...sourceIds] }, path);
    };
    data.funding?.forEach((item, index) => citeUnknown(item.evidence, ['funding', index, 'evidence']));

    const indicatorIds = new Set<string>();
    data.indicators?.forEach((indicator, index) => {
      const path = ['indicators', index];
      if (indicatorIds.has(indicator.id)) report(file, 'DUPLICATE_ID', { case: 'indicator', indicator: indicator.id, project: data.id }, [...path, 'id']);
      indicatorIds.add(indicator.id);
      if (indicator.kind === 'quantitative' && (indicator.targets ?? []).length === 0) {
        report(file, 'INDICATOR_WITHOUT_TARGET', { indicator: indicator.id }, [...path, 'id']);
      }
      checkBounds(indicator, (args, at) => report(file, 'INDICATOR_BOUNDS', args, [...path, ...at]));
      indicator.targets?.forEach((target, targetIndex) => {
        if (indicator.baseline && target.date <= indicator.baseline.date) {
          report(file, 'TARGET_BEFORE_BASELINE', { indicator: indicator.id, date: target.date, baseline: indicator.baseline.date }, [...path, 'targets', targetIndex, 'date']);
        }
      });
      indicator.actuals?.forEach((actual, actualIndex) => {
        const actualPath = [...path, 'actuals', actualIndex];
        citeUnknown(actual.source, [...actualPath, 'source']);
        if (indicator.baseline && actual.date < indicator.baseline.date) {
          report(file, 'ACTUAL_BEFORE_BASELINE', { indicator: indicator.id, date: actual.date, baseline: indicator.baseline.date }, [...actualPath, 'date']);
        }
        if (actual.date > today) report(file, 'ACTUAL_IN_FUTURE', { indicator: indicator.id, date: actual.date, today }, [...actualPath, 'date']);
      });
    });

    // Staleness is judged by the plan's limit, so only when plan.yaml is usable.
    if (plan) {
      const limit = plan.monitoring.project_update_months;
      const months = staleMonths(data.updated, today, limit);
      if (months !== undefined) report(file, 'PROJECT_STALE', { updated: data.updated, months, limit }, ['updated']);
    }
  }
};

/**
 * An indicator's declared `min` and `max` in order, and its baseline, targets and actuals within them.
 * Only declared bounds: the defaults the data round's forms apply (not negative, a percentage at most 1) bind new values, not the ones a plan already holds.
 */
function checkBounds(indicator: IndicatorData, report: (args: FindingArgs['INDICATOR_BOUNDS'], at: (string | number)[]) => void): void {
  const { id, min, max } = indicator;
  if (min !== undefined && max !== undefined && min > max) {
    report({ case: 'order', indicator: id, min, max }, ['min']);
    return;
  }
  const check = (value: number, at: (string | number)[]) => {
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) report({ case: 'value', indicator: id, value, ...(min !== undefined && { min }), ...(max !== undefined && { max }) }, [...at, 'value']);
  };
  if (indicator.baseline) check(indicator.baseline.value, ['baseline']);
  indicator.targets?.forEach((target, index) => check(target.value, ['targets', index]));
  indicator.actuals?.forEach((actual, index) => check(actual.value, ['actuals', index]));
}
