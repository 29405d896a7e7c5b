import path from 'node:path';
import type { PlanRule } from './rule.js';

/** A plan has mission files, and each is named after its mission: m2-rivoluzione-verde.yaml holds M2. */
export const missionFilesRule: PlanRule = ({ planFile, missions, missionFileCount }, report) => {
  if (missionFileCount === 0) {
    report(planFile, 'NO_MISSIONS', {}, []);
  }
  for (const { file, data } of missions) {
    const name = path.basename(file.absPath);
    const expectedPrefix = `${data.id.toLowerCase()}-`;
    if (!name.startsWith(expectedPrefix) || !/^m[0-9]+-[a-z0-9]+(-[a-z0-9]+)*\.ya?ml$/.test(name)) {
      report(file, 'MISSION_FILE_NAME', { name, mission: data.id, prefix: expectedPrefix }, ['id']);
    }
  }
};
