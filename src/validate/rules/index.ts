import { actorColumnsRule } from './actor-columns.js';
import { missionFilesRule } from './mission-files.js';
import { numberingRule } from './numbering.js';
import { objectivesStatusRule } from './objectives-status.js';
import { planSettingsRule } from './plan-settings.js';
import type { PlanRule } from './rule.js';

export const PLAN_RULES: readonly PlanRule[] = [planSettingsRule, missionFilesRule, numberingRule, actorColumnsRule, objectivesStatusRule];
