// npm run bench: start-up cost of validate and report on the shipped plan against a bare node; load + validate + compute, then the
// whole `psttm report`, at 1×, 10×, 100× the shipped portfolio and at national scale; then suggestion quality, a 20,000-row DUP
// import, a plan with a 150-objective DUP for each of the 133 comuni, `psttm diff` between two commits of a 1,000-project plan,
// the data round's forms for 1,600 projects over 200 leads, its status read back from them, and the import of those 200 forms filled in.
// `npm run bench -- <startup|size|suggestions|import|dups|diff|collect|collect-import>` runs one part alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillForms } from './filled-forms.mjs';
import { measurePrecision, readLabelledSet } from './suggestion-quality.mjs';
import { writeSyntheticChange } from './synthetic-change.mjs';
import { writeSyntheticDup } from './synthetic-dup.mjs';
import { writeSyntheticDups } from './synthetic-dup-files.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const shippedPlan = fileURLToPath(new URL('../../plan/', import.meta.url));
const measureScript = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const measureReportScript = fileURLToPath(new URL('./measure-report.mjs', import.meta.url));
const measureImportScript = fileURLToPath(new URL('./measure-import.mjs', import.meta.url));
const measureCommandScript = fileURLToPath(new URL('./measure-command.mjs', import.meta.url));
const runUsageScript = fileURLToPath(new URL('./run-usage.mjs', import.meta.url));
const binScript = fileURLToPath(new URL('../../bin/psttm.js', import.meta.url));
const measureStartupScript = fileURLToPath(new URL('./measure-startup.mjs', import.meta.url));
const base = readdirSync(path.join(shippedPlan, 'projects')).length;
const only = process.argv[2];
const sizes = [
  { label: '1×', projects: base },
  { label: '10×', projects: base * 10 },
  { label: '100×', projects: base * 100 },
  { label: 'national', projects: 50_000 },
].filter((size) => only === undefined || size.label === only);

const format = (/** @type {number} */ value, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

if (only === undefined || only === 'startup') {
  const pairs = 15;
  process.stderr.write(`startup: ${pairs} pairs of runs…\n`);
  const result = JSON.parse(execFileSync(process.execPath, [measureStartupScript, String(pairs)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  console.log(`start-up on the shipped plan: CPU time (user + sys), median of ${pairs} pairs against node -e 0 run just before`);
  console.log('command              CPU ms   × node -e 0   target');
  console.log(['node -e 0'.padEnd(17), format(result.nodeCpuMs).padStart(9), format(1, 2).padStart(13)].join(' '));
  for (const [name, target] of /** @type {const} */ ([['validate', 2.5], ['report', 8]])) {
    console.log([`psttm ${name}`.padEnd(17), format(result[name].cpuMs).padStart(9), format(result[name].ratio, 2).padStart(13), `≤ ${format(target, 1)}×`.padStart(8)].join(' '));
  }
}

const rows = [];
for (const size of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-bench-'));
  try {
    process.stderr.write(`${size.label}: generating ${size.projects} projects…\n`);
    writeSyntheticPlan(dir, shippedPlan, size.projects, 20251231);
    process.stderr.write(`${size.label}: measuring…\n`);
    const measure = (/** @type {string} */ script) => JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=4096', script, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    const result = measure(measureScript);
    process.stderr.write(`${size.label}: psttm report…\n`);
    rows.push({ size: size.label, ...result, ...measure(measureReportScript) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The size tables, when a size was measured (a run of another part alone has none).
if (rows.length > 0) {
  console.log('\nsize       projects  measurements    load ms  validate ms  compute ms    total ms  peak RSS MB');
  for (const row of rows) {
    console.log(
      [row.size.padEnd(9), format(row.projects).padStart(9), format(row.measurements).padStart(13), format(row.loadMs).padStart(10), format(row.validateMs).padStart(12), format(row.computeMs).padStart(11), format(row.totalMs).padStart(11), format(row.peakRssMb).padStart(12)].join(' '),
    );
  }
  console.log('\npsttm report (xlsx + html, end to end)');
  console.log('size       projects   report ms  CPU ms    GC %  peak RSS MB    xlsx MB    html MB');
  for (const row of rows) {
    console.log([row.size.padEnd(9), format(row.projects).padStart(9), format(row.reportMs).padStart(11), format(row.reportCpuMs).padStart(7), format(row.gcShare * 100).padStart(7), format(row.reportPeakRssMb).padStart(12), format(row.xlsxMb, 1).padStart(10), format(row.htmlMb, 1).padStart(10)].join(' '));
  }
  for (let index = 1; index < rows.length; index++) {
    const [previous, current] = [rows[index - 1], rows[index]];
    const dataRatio = current.projects / previous.projects;
    console.log(`${previous.size} → ${current.size}: ${format(dataRatio, 1)}× data, ${format(current.totalMs / previous.totalMs, 1)}× compute time, ${format(current.reportMs / previous.reportMs, 1)}× report time`);
  }
}

if (only === undefined || only === 'suggestions') {
// Suggestions of PSTTM objectives for the labelled DUP objectives, on the shipped plan: quality and time per objective.
const dist = new URL('../../dist/', import.meta.url);
const [{ FolderSource }, { openPlan }, { buildSuggestionIndex, suggestObjectives }] = await Promise.all([
  import(new URL('load/source/folder-source.js', dist).href),
  import(new URL('validate/open-plan.js', dist).href),
  import(new URL('compute/dup-suggestions.js', dist).href),
]);
const { model } = await openPlan(new FolderSource(shippedPlan), { today: '2026-11-22' });
const labelled = readLabelledSet();
const suggestStart = performance.now();
const index = buildSuggestionIndex(model);
const rounds = 100;
for (let round = 1; round < rounds; round++) for (const text of labelled) suggestObjectives(index, text);
const precision = measurePrecision((/** @type {import('./suggestion-quality.mjs').LabelledObjective} */ text) => suggestObjectives(index, text), labelled);
const perObjectiveMs = (performance.now() - suggestStart) / (rounds * labelled.length);
console.log(`\nsuggestions: ${labelled.length} labelled DUP objectives, precision@1 ${format(precision.atOne, 2)}, precision@3 ${format(precision.atThree, 2)}, ${format(perObjectiveMs * 1000, 0)} µs per objective (index built once)`);
}

if (only === undefined || only === 'import') {
  const rowsToImport = 20_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-bench-import-'));
  try {
    process.stderr.write(`import: generating a ${rowsToImport}-row spreadsheet…\n`);
    cpSync(shippedPlan, path.join(dir, 'plan'), { recursive: true });
    const file = path.join(dir, 'dup-2025-2027.xlsx');
    await writeSyntheticDup(file, rowsToImport);
    const result = JSON.parse(execFileSync(process.execPath, [measureImportScript, path.join(dir, 'plan'), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    console.log('\npsttm import dup (xlsx, with suggestions)');
    console.log('rows       objectives   import ms  peak RSS MB    xlsx MB');
    console.log([format(rowsToImport).padEnd(9), format(result.objectives).padStart(11), format(result.importMs).padStart(11), format(result.peakRssMb).padStart(12), format(statSync(file).size / 1024 / 1024, 1).padStart(10)].join(' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only === undefined || only === 'dups') {
  const objectivesPerDup = 150;
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-bench-dups-'));
  try {
    process.stderr.write(`dups: generating a DUP of ${objectivesPerDup} objectives for every comune…\n`);
    for (const part of ['plan.yaml', 'missions', 'reference']) cpSync(path.join(shippedPlan, part), path.join(dir, part), { recursive: true });
    writeSyntheticDups(dir, objectivesPerDup, 20251231);
    const dupCount = readdirSync(path.join(dir, 'dup')).length;
    /** @type {[string, string[]][]} */
    const commands = [
      ['validate', ['validate', '--plan', '{plan}']],
      ['coverage --by comune', ['coverage', '--by', 'comune', '--plan', '{plan}', '--as-of', '2026-11-22', '--json']],
      ['report', ['report', '--plan', '{plan}', '--as-of', '2026-11-22', '--out', 'reports']],
    ];
    console.log(`\n${dupCount} DUPs of ${objectivesPerDup} objectives each (${format(dupCount * objectivesPerDup)} DUP objectives)`);
    console.log('command                      ms  peak RSS MB');
    for (const [label, args] of commands) {
      process.stderr.write(`dups: psttm ${label}…\n`);
      const result = JSON.parse(execFileSync(process.execPath, [measureCommandScript, dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
      console.log([label.padEnd(22), format(result.ms).padStart(9), format(result.peakRssMb).padStart(12)].join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only === undefined || only === 'diff') {
  const projectCount = 1_000;
  const asOf = '2026-11-22';
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-bench-diff-'));
  // Commits by a fixed author, whatever the user's git configuration says.
  const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  const gitIn = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: dir, env: gitEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const commitAll = (/** @type {string} */ message) => {
    gitIn('add', '--all');
    gitIn('commit', '--quiet', '--message', message);
  };
  try {
    process.stderr.write(`diff: generating ${projectCount} projects and a change…\n`);
    writeSyntheticPlan(path.join(dir, 'plan'), shippedPlan, projectCount, 20251231);
    gitIn('init', '--quiet', '--initial-branch=main');
    commitAll('the plan');
    const change = writeSyntheticChange(path.join(dir, 'plan'));
    commitAll('the change');
    /** @type {{ms: number, cpuMs: number, peakRssMb: number}[]} */
    const runs = [];
    for (let run = 0; run < 5; run++) {
      process.stderr.write(`diff: psttm diff HEAD~1 HEAD --json, run ${run + 1} of 5…\n`);
      const start = performance.now();
      const result = spawnSync(process.execPath, ['--import', runUsageScript, binScript, 'diff', 'HEAD~1', 'HEAD', '--json', '--today', asOf, '--as-of', asOf], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
      const ms = performance.now() - start;
      const diff = result.status === 0 ? JSON.parse(result.stdout) : undefined;
      // The run must have read the change as made, figures included, or its time means nothing.
      if (diff?.projects.length !== change.projects || diff.objectives.filter((/** @type {{change: string}} */ objective) => objective.change === 'renumbered').length !== 1 || diff.figures === null) {
        throw new Error(`psttm diff did not read the synthetic change (exit ${result.status}): ${result.stderr}${diff ? JSON.stringify({ projects: diff.projects.length, objectives: diff.objectives, figuresNote: diff.figuresNote }) : ''}`);
      }
      runs.push({ ms, ...JSON.parse(String(result.output[3])) });
    }
    const median = (/** @type {number[]} */ values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const times = runs.map((run) => run.ms);
    console.log(`\npsttm diff HEAD~1 HEAD --json, end to end, median of ${runs.length} runs: ${format(projectCount)} projects, ${change.projects} changed, ${change.renumbered} renumbered`);
    console.log('median ms   min ms   max ms  median CPU ms  peak RSS MB  load average');
    console.log(
      [format(median(times)).padStart(9), format(Math.min(...times)).padStart(8), format(Math.max(...times)).padStart(8), format(median(runs.map((run) => run.cpuMs))).padStart(14), format(Math.max(...runs.map((run) => run.peakRssMb))).padStart(12), format(loadavg()[0] ?? 0, 1).padStart(13)].join(' '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Time one psttm command on the plan in `dir` (`{plan}` in `args` stands for it) and print the figure
 * with its limit: the data round's parts, which each have 10 s.
 */
function measureRoundCommand(/** @type {string} */ dir, /** @type {string[]} */ args, /** @type {string} */ title, /** @type {number} */ forms) {
  const limitMs = 10_000;
  const result = JSON.parse(execFileSync(process.execPath, [measureCommandScript, dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  console.log(`\n${title}`);
  console.log('forms            ms  peak RSS MB');
  console.log([format(forms).padEnd(9), format(result.ms).padStart(9), format(result.peakRssMb).padStart(12)].join(' '));
  if (result.ms > limitMs) console.log(`over the ${format(limitMs)} ms limit`);
}

if (only === undefined || only === 'collect') {
  const [projects, leads] = [1_600, 200];
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-bench-collect-'));
  try {
    process.stderr.write(`collect: generating ${projects} projects over ${leads} leads…\n`);
    writeSyntheticPlan(dir, shippedPlan, projects, 20251231, leads);
    process.stderr.write('collect: psttm collect forms…\n');
    const forms = path.join(dir, 'forms');
    measureRoundCommand(dir, ['collect', 'forms', '--plan', '{plan}', '--as-of', '2026-11-22', '--out', forms], `psttm collect forms: ${format(projects)} projects over ${leads} leads`, leads);
    // collect status reads every form's hidden sheet back.
    process.stderr.write('collect: psttm collect status…\n');
    measureRoundCommand(dir, ['collect', 'status', '--plan', '{plan}', '--forms', forms, '--json'], `psttm collect status: the ${format(leads)} forms read back`, leads);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only === undefined || only === 'collect-import') {
  const [projects, leads] = [1_600, 200];
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-bench-collect-import-'));
  try {
    process.stderr.write(`collect-import: generating ${projects} projects over ${leads} leads, their forms, and filling them…\n`);
    writeSyntheticPlan(dir, shippedPlan, projects, 20251231, leads);
    const forms = path.join(dir, 'forms');
    execFileSync(process.execPath, [binScript, 'collect', 'forms', '--plan', dir, '--as-of', '2026-11-22', '--today', '2026-11-22', '--out', forms], { stdio: ['ignore', 'ignore', 'inherit'] });
    const values = await fillForms(forms, new Date('2026-06-30T00:00:00Z'));
    process.stderr.write('collect-import: psttm collect import…\n');
    const files = readdirSync(forms).map((name) => path.join(forms, name));
    measureRoundCommand(dir, ['collect', 'import', '--plan', '{plan}', '--today', '2026-11-30', ...files], `psttm collect import: ${format(files.length)} filled forms, ${format(values)} values, ${format(projects)} projects`, files.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
