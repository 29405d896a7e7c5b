import { monthsBetween } from '../../model/dates.js';
import type { ProjectRule } from './rule.js';

const CUP = /^[A-Z][0-9]{2}[A-Z][0-9]{11}$/;

/**
 * A project's figures hold together: a well-formed CUP, a period in order, every figure citing a
 * listed source, actuals dated between the baseline and today, targets dated after the baseline
 * (progress runs from one to the other), a target for every quantitative indicator, unique indicator ids, and an update within the plan's freshness limit.
 */
export const projectFiguresRule: ProjectRule = ({ plan, projects, today }, report) => {
  for (const { file, data } of projects) {
    if (data.cup !== undefined && !CUP.test(data.cup)) {
      report(file, 'INVALID_CUP', `"${data.cup}" is not a CUP: 15 characters, a letter, 2 digits, a letter, 11 digits (e.g. B41B21002330005)`, ['cup']);
    }
    if (data.period?.end !== undefined && data.period.end < data.period.start) {
      report(file, 'PERIOD_ORDER', `the period ends (${data.period.end}) before it starts (${data.period.start})`, ['period', 'end']);
    }
    const sourceIds = new Set(data.sources.map((source) => source.id));
    const citeUnknown = (id: string | undefined, path: (string | number)[]) => {
      if (id !== undefined && !sourceIds.has(id)) report(file, 'UNKNOWN_SOURCE', `source "${id}" is not in this project's sources (${[...sourceIds].join(', ')})`, path);
    };
    data.funding?.forEach((item, index) => citeUnknown(item.evidence, ['funding', index, 'evidence']));

    const indicatorIds = new Set<string>();
    data.indicators?.forEach((indicator, index) => {
      const path = ['indicators', index];
      if (indicatorIds.has(indicator.id)) report(file, 'DUPLICATE_ID', `indicator ${indicator.id} is defined twice in ${data.id}`, [...path, 'id']);
      indicatorIds.add(indicator.id);
      if (indicator.kind === 'quantitative' && (indicator.targets ?? []).length === 0) {
        report(file, 'INDICATOR_WITHOUT_TARGET', `${indicator.id}: no target, so its progress cannot be computed (add one only if a source sets it)`, [...path, 'id']);
      }
      indicator.targets?.forEach((target, targetIndex) => {
        if (indicator.baseline && target.date <= indicator.baseline.date) {
          report(file, 'TARGET_BEFORE_BASELINE', `${indicator.id}: the target of ${target.date} is not after the baseline (${indicator.baseline.date}); date it later, or correct the baseline`, [...path, 'targets', targetIndex, 'date']);
        }
      });
      indicator.actuals?.forEach((actual, actualIndex) => {
        const actualPath = [...path, 'actuals', actualIndex];
        citeUnknown(actual.source, [...actualPath, 'source']);
        if (indicator.baseline && actual.date < indicator.baseline.date) {
          report(file, 'ACTUAL_BEFORE_BASELINE', `${indicator.id}: the value of ${actual.date} is dated before the baseline (${indicator.baseline.date})`, [...actualPath, 'date']);
        }
        if (actual.date > today) report(file, 'ACTUAL_IN_FUTURE', `${indicator.id}: the value is dated ${actual.date}, after today (${today})`, [...actualPath, 'date']);
      });
    });

    const limit = plan.monitoring.project_update_months;
    const age = monthsBetween(data.updated, today);
    if (age > limit) report(file, 'PROJECT_STALE', `last updated ${data.updated}, ${age} months ago (limit: ${limit}); review its figures and set updated`, ['updated']);
  }
};
