// npm run bench: start-up cost of validate and report on the shipped plan against a bare node; load + validate + compute, then the
// whole `psttm report`, at 1×, 10×, 100× the shipped portfolio and at national scale; then suggestion quality, a 20,000-row DUP
// import and a plan with a 150-objective DUP for each of the 133 comuni.
// `npm run bench -- <startup|size|suggestions|import|dups>` runs one part alone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePrecision, readLabelledSet } from './suggestion-quality.mjs';
import { writeSyntheticDup } from './synthetic-dup.mjs';
import { writeSyntheticDups } from './synthetic-dup-files.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const shippedPlan = fileURLToPath(new URL('../../plan/', import.meta.url));
const measureScript = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const measureReportScript = fileURLToPath(new URL('./measure-report.mjs', import.meta.url));
const measureImportScript = fileURLToPath(new URL('./measure-import.mjs', import.meta.url));
const measureCommandScript = fileURLToPath(new URL('./measure-command.mjs', import.meta.url));
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
