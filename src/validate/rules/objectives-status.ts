import type { PlanRule } from './rule.js';

/** A mission either lists its objectives or says they are not transcribed (mission 6: the source lacks them). */
export const objectivesStatusRule: PlanRule = ({ missions }, report) => {
  for (const { file, data } of missions) {
    const listed = data.objectives.length;
    if (data.objectives_status === 'not_transcribed') {
      if (listed > 0) {
        report(file, 'OBJECTIVES_STATUS_MISMATCH', `${data.id} lists ${listed} objectives but says they are not transcribed; set objectives_status: transcribed`, ['objectives_status']);
      } else {
        report(file, 'OBJECTIVES_NOT_TRANSCRIBED', `${data.id} "${data.title}": the source lacks this mission's objectives table, so it has no objectives yet`, ['objectives_status']);
      }
    } else if (listed === 0) {
      report(file, 'OBJECTIVES_STATUS_MISMATCH', `${data.id} says its objectives are transcribed but lists none; add them or set objectives_status: not_transcribed`, ['objectives_status']);
    }
  }
};
