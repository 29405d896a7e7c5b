import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { tierUpForShortRuns } from './tiering.js';

/**
 * The CLI bundled into one CommonJS file by the build (src/build/bundle-cli.ts), and V8's code
 * cache for it: the compiled code of every function a report on the shipped plan ran
 * (src/build/record-code-cache.ts). Node 20 keeps no compiled code between runs, and compiling
 * psttm's modules anew is most of what a short command costs.
 */
export const BUNDLE_FILES = {
  source: fileURLToPath(new URL('../bundle/psttm.cjs', import.meta.url)),
  codeCache: fileURLToPath(new URL('../bundle/psttm.cjs.code-cache', import.meta.url)),
};

/** What the bundle exports: its entry point, src/cli/process-entry.ts. */
export type ProcessEntry = typeof import('./process-entry.js');

/** The bundle compiled (from the code cache when V8 accepts it) and run as a CommonJS module. */
export interface LoadedBundle {
  script: vm.Script;
  entry: ProcessEntry;
}

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * The CLI's entry point, V8 tiered for short runs: from the bundle when the build made one, else
 * from the compiled modules in dist/ (a build stopped before bundling, or a development tree).
 */
export async function loadProcessEntry(): Promise<ProcessEntry> {
  tierUpForShortRuns();
  let source: string;
  try {
    source = readFileSync(BUNDLE_FILES.source, 'utf8');
  } catch {
    return import('./process-entry.js');
  }
  return runBundle(source, readCodeCache()).entry;
}

/** Compile the bundle's source, with `cachedData` when given (V8 ignores a cache made by another V8 or other flags), and run it. */
export function runBundle(source: string, cachedData: Buffer | undefined): LoadedBundle {
  // Node's own wrapper for a CommonJS module, on the first line so that line numbers stay those of the file.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE_FILES.source, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(BUNDLE_FILES.source), module, BUNDLE_FILES.source, path.dirname(BUNDLE_FILES.source));
  return { script, entry: module.exports as ProcessEntry };
}

function readCodeCache(): Buffer | undefined {
  try {
    return readFileSync(BUNDLE_FILES.codeCache);
  } catch {
    return undefined;
  }
}
