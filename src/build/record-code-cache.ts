/**
 * Build step (after bundle-cli): run `psttm report` on the shipped plan from the bundle, as bin/psttm.js
 * runs it, and save V8's compiled code of every function the run used to dist/bundle/psttm.cjs.code-cache.
 * A run made with the same V8 and flags then compiles only what this one did not run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLE_FILES, runBundle } from '../io/cli-bundle.js';
import { packagePaths } from '../io/package-paths.js';
import { tierUpForShortRuns } from '../io/v8-tiering.js';

tierUpForShortRuns();
rmSync(BUNDLE_FILES.codeCache, { force: true });
// The bundle's entry point is src/cli/process-entry.ts.
const { script, exports: entry } = runBundle<{ runProcess(): Promise<void> }>(readFileSync(BUNDLE_FILES.source, 'utf8'), undefined);
const out = mkdtempSync(path.join(tmpdir(), 'psttm-code-cache-'));
try {
  // The run reads its command line from process.argv, as from bin/psttm.js.
  process.argv.splice(2, Infinity, 'report', '--plan', packagePaths.shippedPlan, '--today', '2026-01-01', '--as-of', '2026-01-01', '--out', out);
  await entry.runProcess();
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (process.exitCode) throw new Error(`psttm report on the shipped plan failed (${process.exitCode}): no code cache recorded`);
writeFileSync(BUNDLE_FILES.codeCache, script.createCachedData());
