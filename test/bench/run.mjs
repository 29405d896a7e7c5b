// npm run bench: load + validate + compute, then the whole `psttm report`, at 1×, 10×, 100× the shipped portfolio and at national scale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePrecision, readLabelledSet } from './suggestion-quality.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const shippedPlan = fileURLToPath(new URL('../../plan/', import.meta.url));
const measureScript = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const measureReportScript = fileURLToPath(new URL('./measure-report.mjs', import.meta.url));
const base = readdirSync(path.join(shippedPlan, 'projects')).length;
const only = process.argv[2];
const sizes = [
  { label: '1×', projects: base },
  { label: '10×', projects: base * 10 },
  { label: '100×', projects: base * 100 },
  { label: 'national', projects: 50_000 },
].filter((size) => only === undefined || size.label === only);

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

const format = (/** @type {number} */ value, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('size       projects  measurements    load ms  validate ms  compute ms    total ms  peak RSS MB');
for (const row of rows) {
  console.log(
    [row.size.padEnd(9), format(row.projects).padStart(9), format(row.measurements).padStart(13), format(row.loadMs).padStart(10), format(row.validateMs).padStart(12), format(row.computeMs).padStart(11), format(row.totalMs).padStart(11), format(row.peakRssMb).padStart(12)].join(' '),
  );
}
console.log('\npsttm report (xlsx + html, end to end)');
console.log('size       projects   report ms  peak RSS MB    xlsx MB    html MB');
for (const row of rows) {
  console.log([row.size.padEnd(9), format(row.projects).padStart(9), format(row.reportMs).padStart(11), format(row.reportPeakRssMb).padStart(12), format(row.xlsxMb, 1).padStart(10), format(row.htmlMb, 1).padStart(10)].join(' '));
}
for (let index = 1; index < rows.length; index++) {
  const [previous, current] = [rows[index - 1], rows[index]];
  const dataRatio = current.projects / previous.projects;
  console.log(`${previous.size} → ${current.size}: ${format(dataRatio, 1)}× data, ${format(current.totalMs / previous.totalMs, 1)}× compute time, ${format(current.reportMs / previous.reportMs, 1)}× report time`);
}

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
