import { actorColumnsRule } from './actor-columns.js';
import { consultationsRule } from './consultations.js';
import { dupFilesRule } from './dup-files.js';
import { missionFilesRule } from './mission-files.js';
import { numberingRule } from './numbering.js';
import { objectivesStatusRule } from './objectives-status.js';
import { planSettingsRule } from './plan-settings.js';
import { projectFiguresRule } from './project-figures.js';
import { projectIdentityRule } from './project-identity.js';
import { projectLinksRule } from './project-links.js';
import { projectTerritoryRule } from './project-territory.js';
import type { PlanRule, ProjectRule } from './rule.js';
import { supersedesRule } from './supersedes.js';

export const PLAN_RULES: readonly PlanRule[] = [planSettingsRule, missionFilesRule, numberingRule, supersedesRule, actorColumnsRule, objectivesStatusRule];

export const PROJECT_RULES: readonly ProjectRule[] = [projectIdentityRule, projectLinksRule, projectTerritoryRule, projectFiguresRule, consultationsRule, dupFilesRule];
