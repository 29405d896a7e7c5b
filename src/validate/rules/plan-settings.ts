import type { PlanRule } from './rule.js';

/** plan.yaml is consistent with itself: period and thresholds in order, ids unique within each list. */
export const planSettingsRule: PlanRule = ({ plan }, report) => {
  if (!plan) return;
  const { data, file } = plan;
  if (data.period.end < data.period.start) {
    report(file, 'PERIOD_ORDER', { start: data.period.start, end: data.period.end }, ['period', 'end']);
  }
  if (data.monitoring.at_risk_ratio >= data.monitoring.on_track_ratio) {
    report(file, 'THRESHOLD_ORDER', { atRisk: data.monitoring.at_risk_ratio, onTrack: data.monitoring.on_track_ratio }, ['monitoring', 'at_risk_ratio']);
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
      if (seen.has(item.id)) report(file, 'DUPLICATE_ID', { case: 'plan-list', list: listPath, id: item.id }, [...listPath.split('/'), index, 'id']);
      seen.add(item.id);
    });
  }
};
