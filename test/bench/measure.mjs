// One benchmark run in its own process, so its peak RSS is its own: load + validate + compute a plan folder.
import { performance } from 'node:perf_hooks';

const [planDir] = process.argv.slice(2);
const dist = new URL('../../dist/', import.meta.url);
const [{ FolderSource }, { readPlanFiles }, { checkPlan }, { SchemaValidator }, { computeProgress }, { computeCoverage }, { countedInitiatives }, { computePriorities }] = await Promise.all([
  import(new URL('load/source/folder-source.js', dist).href),
  import(new URL('load/plan-files.js', dist).href),
  import(new URL('validate/check-plan.js', dist).href),
  import(new URL('validate/schema-validator.js', dist).href),
  import(new URL('compute/progress.js', dist).href),
  import(new URL('compute/coverage.js', dist).href),
  import(new URL('compute/initiatives.js', dist).href),
  import(new URL('compute/priorities.js', dist).href),
]);

const asOf = '2026-11-22';
const start = performance.now();
const files = await readPlanFiles(new FolderSource(planDir, planDir));
const loaded = performance.now();
const check = checkPlan(files, new SchemaValidator(), asOf);
const validated = performance.now();
if (!check.model) {
  process.stderr.write(`the synthetic plan has errors: ${JSON.stringify(check.findings.find((/** @type {{severity: string}} */ finding) => finding.severity === 'error'))}\n`);
  process.exit(1);
}
const initiatives = countedInitiatives(check.model, asOf);
const progress = computeProgress(check.model, asOf, initiatives);
const coverage = computeCoverage(check.model, initiatives, computePriorities(check.model, asOf), asOf);
const computed = performance.now();
/** @type {{indicators?: {actuals?: unknown[]}[]}[]} */
const projects = check.model.projects;
const measurements = projects.reduce((total, project) => total + (project.indicators ?? []).reduce((sum, indicator) => sum + (indicator.actuals?.length ?? 0), 0), 0);
process.stdout.write(
  JSON.stringify({
    projects: check.model.projects.length,
    measurements,
    loadMs: loaded - start,
    validateMs: validated - loaded,
    computeMs: computed - validated,
    totalMs: computed - start,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    planProgress: progress.plan.measure?.progress ?? null,
    covered: coverage.plan.covered,
  }) + '\n',
);
