import type { PlanRule } from './rule.js';

/** plan.yaml is consistent with itself: period and thresholds in order, ids unique within each list. */
export const planSettingsRule: PlanRule = ({ plan }, report) => {
  if (!plan) return;
  const { data, file } = plan;
  if (data.period.end < data.period.start) {
    report(file, 'PERIOD_ORDER', `the period ends (${data.period.end}) before it starts (${data.period.start})`, ['period', 'end']);
  }
  if (data.monitoring.at_risk_ratio >= data.monitoring.on_track_ratio) {
    report(file, 'THRESHOLD_ORDER', `at_risk_ratio (${data.monitoring.at_risk_ratio}) must be below on_track_ratio (${data.monitoring.on_track_ratio})`, ['monitoring', 'at_risk_ratio']);
  }
  const lists = {
    'vision/keywords': data.vision.keywords,
    action_coordinates: data.action_coordinates,
    directions: data.directions,
    actor_columns: data.actor_columns,
  };
  for (const [listPath, items] of Object.entries(lists)) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) report(file, 'DUPLICATE_ID', `${listPath}: id "${item.id}" is used twice`, [...listPath.split('/'), index, 'id']);
      seen.add(item.id);
    });
  }
};
