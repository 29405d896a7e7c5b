import { readFileSync } from 'node:fs';
import { BUNDLE_FILES, readCodeCache, runBundle } from '../io/cli-bundle.js';
import { tierUpForShortRuns } from '../io/v8-tiering.js';

/** What the bundle exports: its entry point, src/cli/process-entry.ts. */
type ProcessEntry = typeof import('./process-entry.js');

/**
 * The CLI's entry point, V8 tiered for short runs: from the bundle with its code cache when the
 * build made one (see io/cli-bundle.ts), else from the compiled modules in dist/ (a build stopped
 * before bundling, or a development tree).
 */
export async function loadProcessEntry(): Promise<ProcessEntry> {
  tierUpForShortRuns();
  let source: string;
  try {
    source = readFileSync(BUNDLE_FILES.source, 'utf8');
  } catch {
    return import('./process-entry.js');
  }
  return runBundle<ProcessEntry>(source, readCodeCache()).exports;
}
