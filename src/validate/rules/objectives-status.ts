import type { PlanRule } from './rule.js';

/** A mission either lists its objectives or says they are not transcribed (mission 6: the source lacks them). */
export const objectivesStatusRule: PlanRule = ({ missions }, report) => {
  for (const { file, data } of missions) {
    const listed = data.objectives.length;
    if (data.objectives_status === 'not_transcribed') {
      if (listed > 0) {
        report(file, 'OBJECTIVES_STATUS_MISMATCH', { case: 'listed', mission: data.id, count: listed }, ['objectives_status']);
      } else {
        report(file, 'OBJECTIVES_NOT_TRANSCRIBED', { mission: data.id, title: data.title }, ['objectives_status']);
      }
    } else if (listed === 0) {
      report(file, 'OBJECTIVES_STATUS_MISMATCH', { case: 'none', mission: data.id }, ['objectives_status']);
    }
  }
};
