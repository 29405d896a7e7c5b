import type { ChalkInstance } from 'chalk';
import { initiativeBase, type IndicatorResult, type ObjectiveResult, type ProgressReport, type ProjectResult } from '../../compute/progress.js';
import { itemsThatCouldHaveData, type RollUp } from '../../compute/roll-up.js';
import { statusRule, type GapReason, type Measure, type Status, type StatusReason, type Thresholds } from '../../compute/status.js';
import type { PlanModel } from '../../model/plan-model.js';
import { baseText } from '../report/method.js';
import { NOT_AVAILABLE, number, percent, statusLabel, TERMINAL_LABELS } from './figures.js';
import { terminalText } from './terminal-text.js';

const GAP_TEXT: Record<GapReason, string> = {
  no_target: 'no target (none in the sources)',
  no_baseline: 'no baseline dated on or before the as-of date',
  no_actual: 'no actual value dated on or before the as-of date',
  no_indicator_data: 'its indicators have no computable progress and it has no milestones',
  no_measures: 'no indicators and no milestones',
  no_projects: 'no project works on it',
  no_project_data: 'none of its projects has progress data',
  objectives_not_transcribed: 'its objectives are missing from the source',
  no_objective_data: 'none of its objectives has progress data',
  overflow: 'its figures are out of range: the arithmetic gives no finite number',
};

function gapText(reason: GapReason | undefined): string {
  return reason ? GAP_TEXT[reason] : 'no data';
}

/** How an indicator's figure was derived, with its numbers. */
export function whyIndicator(result: IndicatorResult, report: ProgressReport, model: PlanModel, chalk: ChalkInstance): string {
  const { indicator } = result;
  const lines = [chalk.bold(`${result.projectId} / ${indicator.id}: ${terminalText(indicator.name)}`), `${indicator.kind}, ${terminalText(indicator.unit)}, should ${indicator.direction}; as of ${report.asOf}`];
  if (result.method === 'milestones') {
    lines.push('Qualitative: it takes its project\'s milestones (done / due).', ...milestoneLines(report.projects.find((project) => project.id === result.projectId)!));
    return lines.join('\n') + '\n';
  }
  const dated = (value: { value: number; date: string } | undefined) => (value ? `${number(value.value)} on ${value.date}` : NOT_AVAILABLE);
  lines.push(`  baseline  ${dated(result.baseline)}`, `  target    ${dated(result.target)}`, `  latest    ${result.latest ? `${dated(result.latest)} [source: ${terminalText(result.latest.source)}]` : NOT_AVAILABLE}`);
  if (result.gap === 'overflow' && result.baseline && result.target && result.latest) {
    const [latest, baseline, target] = [result.latest.value, result.baseline.value, result.target.value].map(number);
    lines.push(`progress = (latest − baseline) / (target − baseline) = (${latest} − ${baseline}) / (${target} − ${baseline}): not a finite number`);
  }
  if (!result.measure || !result.baseline || !result.target || !result.latest) {
    lines.push(`Status: ${statusLabel('no_data', chalk)}: ${gapText(result.gap)}.`);
    return lines.join('\n') + '\n';
  }
  const { baseline, target, latest } = result;
  lines.push(
    target.value === baseline.value
      ? `progress = ${result.measure.progress} (the target equals the baseline: met or not, by direction)`
      : `progress = (latest − baseline) / (target − baseline) = (${number(latest.value)} − ${number(baseline.value)}) / (${number(target.value)} − ${number(baseline.value)}) = ${percent(result.measure.progress)}`,
    `expected = where the straight line from the baseline (${baseline.date}) through the targets to ${target.date} stands on ${report.asOf} = ${percent(result.measure.expected)}`,
    statusLine(result.measure, result.status, model.monitoring, chalk),
  );
  if (result.status === 'stale') lines.push(`The latest actual is ${result.ageMonths} months old, more than the ${model.monitoring.freshness_months} months plan.yaml allows (monitoring.freshness_months).`);
  return lines.join('\n') + '\n';
}

/** How a project's figure was derived: its indicators' mean, or its milestones. */
export function whyProject(result: ProjectResult, report: ProgressReport, model: PlanModel, chalk: ChalkInstance): string {
  const lines = [chalk.bold(`${result.id}: ${terminalText(result.title)}`), `As of ${report.asOf}`];
  for (const indicator of result.indicators) {
    lines.push(`  ${indicator.id.padEnd(24)} ${indicator.measure ? `${percent(indicator.measure.progress)} of target, ${percent(indicator.measure.expected)} expected, ${statusLabel(indicator.status, chalk)}` : `gap: ${gapText(indicator.gap)}`}${indicator.method === 'milestones' ? ' (milestones)' : ''}`);
  }
  if (result.method === 'indicators') lines.push(meanLine('indicators, equal weights', result.indicatorRollUp, result.indicators.filter((indicator) => indicator.method === 'values').map((indicator) => ({ weight: 1, measure: indicator.measure }))));
  else if (result.method === 'milestones') lines.push('No indicator has computable progress, so the milestones give the figure:', ...milestoneLines(result));
  if (result.measure) lines.push(statusLine(result.measure, result.status, model.monitoring, chalk));
  else lines.push(`Status: ${statusLabel('no_data', chalk)}: ${gapText(result.gap)}.`);
  return lines.join('\n') + '\n';
}

/** How an objective's figure was derived from its projects and their link weights. */
export function whyObjective(result: ObjectiveResult, report: ProgressReport, model: PlanModel, chalk: ChalkInstance): string {
  const objective = model.objectiveById.get(result.id)!;
  const lines = [chalk.bold(`${objective.id}: ${terminalText(objective.title)}`), `As of ${report.asOf}`];
  const byId = new Map(report.projects.map((project) => [project.id, project]));
  for (const { projectId, weight } of result.contributions) {
    const project = byId.get(projectId)!;
    lines.push(`  ${projectId.padEnd(28)} w=${number(weight).padEnd(6)} ${project.measure ? `progress ${percent(project.measure.progress)}, expected ${percent(project.measure.expected)}` : `gap: ${gapText(project.gap)}`}`);
  }
  if (result.contributions.length === 0) lines.push('  no project works on it');
  lines.push('w is the link weight, or 1/n when a project linked to n objectives gives no weights.');
  return rollUpLines(lines, result.rollUp, result.contributions.map(({ projectId, weight }) => ({ weight, measure: byId.get(projectId)!.measure })), model, chalk);
}

/** How a mission's figure was derived from its objectives, equally weighted. */
export function whyMission(missionId: string, report: ProgressReport, model: PlanModel, chalk: ChalkInstance): string {
  const mission = model.missionById.get(missionId)!;
  const result = report.missions.find((item) => item.id === missionId)!;
  const objectives = report.objectives.filter((objective) => objective.missionId === missionId);
  const lines = [chalk.bold(`${mission.id}: ${terminalText(mission.title)}`), `As of ${report.asOf}`, ...objectives.map((objective) => equalItemLine(objective.id, objective.rollUp, objective.gap))];
  if (!mission.objectivesTranscribed) lines.push(`  ${gapText('objectives_not_transcribed')}`);
  return rollUpLines(lines, result.rollUp, objectives.map((objective) => ({ weight: 1, measure: objective.rollUp.measure })), model, chalk);
}

/** How the plan's figure was derived from its missions, equally weighted, and how many projects stand behind it. */
export function whyPlan(report: ProgressReport, model: PlanModel, chalk: ChalkInstance): string {
  const lines = [chalk.bold(`${terminalText(model.shortTitle)}: the plan`), `As of ${report.asOf}; ${baseText(initiativeBase(report), TERMINAL_LABELS)}`];
  lines.push(...report.missions.map((mission) => equalItemLine(mission.id, mission.rollUp, mission.gap)), 'Missions weigh equally; a mission weighs its objectives equally.');
  return rollUpLines(lines, report.plan, report.missions.map((mission) => ({ weight: 1, measure: mission.rollUp.measure })), model, chalk);
}

/** An item of an equally weighted mean: its figures, or why it has none. */
function equalItemLine(id: string, result: RollUp, gap: GapReason | undefined): string {
  return `  ${id.padEnd(7)} ${result.measure ? `progress ${percent(result.measure.progress)}, expected ${percent(result.measure.expected)}` : `gap: ${gapText(gap)}`}`;
}

function rollUpLines(lines: string[], result: RollUp, children: { weight: number; measure: Measure | undefined }[], model: PlanModel, chalk: ChalkInstance): string {
  if (result.measure) lines.push(meanLine('weighted mean Σw·x / Σw over the items with data', result, children), result.status === 'insufficient_data' ? insufficientLine(result, model.monitoring, chalk) : statusLine(result.measure, result.status, model.monitoring, chalk));
  else lines.push(`Status: ${statusLabel('no_data', chalk)}: ${result.overflow ? gapText('overflow') : 'nothing below it has data'}.`);
  if (result.gaps.length > 0) lines.push(`Data gaps (${result.gaps.length}, not in the mean): ${result.gaps.map((gap) => `${gap.id} (${gapText(gap.reason)})`).join('; ')}`);
  return lines.join('\n') + '\n';
}

function meanLine(rule: string, result: RollUp, children: { weight: number; measure: Measure | undefined }[]): string {
  const counted = children.filter((child) => child.measure && child.weight > 0);
  const terms = counted.map((child) => `${number(child.weight)}×${number(child.measure!.progress)}`).join(' + ');
  return `progress = ${rule} = (${terms}) / ${number(result.weightTotal)} = ${percent(result.measure?.progress)}; expected likewise = ${percent(result.measure?.expected)}`;
}

function milestoneLines(result: ProjectResult): string[] {
  const { total, done, due } = result.milestones;
  return total === 0 ? ['  no milestones'] : [`  ${done} of ${total} milestones done, ${due} due: progress = ${done}/${total}, expected = ${due}/${total}`];
}

/** Why a roll-up rests on too little: too few of its items have data, or every one that has rests on too little itself. */
function insufficientLine(result: RollUp, thresholds: Thresholds, chalk: ChalkInstance): string {
  const couldHaveData = itemsThatCouldHaveData(result);
  const reason =
    result.counted / couldHaveData < thresholds.min_data_share
      ? `${result.counted} of the ${couldHaveData} items that could have data have it, fewer than the ${percent(thresholds.min_data_share)} plan.yaml asks (monitoring.min_data_share)`
      : 'every item with data has insufficient data itself';
  return `Status: ${statusLabel('insufficient_data', chalk)} (${reason}); the figure is shown, but it rests on too little`;
}

/** The status, explained by the reason the status rule gives for the measure. */
function statusLine(measure: Measure, status: Status, thresholds: Thresholds, chalk: ChalkInstance): string {
  return `Status: ${statusLabel(status, chalk)} (${reasonText(statusRule(measure, thresholds).reason)})`;
}

function reasonText(reason: StatusReason): string {
  switch (reason.rule) {
    case 'achieved':
      return 'progress ≥ 100 %';
    case 'nothing_expected':
      return 'nothing was expected yet';
    case 'ratio':
      return `progress / expected = ${number(reason.ratio)}; on track from ${reason.onTrackFrom}, at risk from ${reason.atRiskFrom}`;
  }
}
