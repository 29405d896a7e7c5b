import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { packagePaths } from './package-paths.js';

/**
 * The CLI bundled into one CommonJS file by the build (src/build/bundle-cli.ts), and V8's code
 * cache for it: the compiled code of every function a report on the shipped plan ran
 * (src/build/record-code-cache.ts). Node 20 keeps no compiled code between runs, and compiling
 * psttm's modules anew is most of what a short command costs.
 */
export const BUNDLE_FILES = {
  source: path.join(packagePaths.root, 'dist', 'bundle', 'psttm.cjs'),
  codeCache: path.join(packagePaths.root, 'dist', 'bundle', 'psttm.cjs.code-cache'),
};

/** The bundle compiled (from the code cache when V8 accepts it) and run as a CommonJS module: the script, and what the module exports. */
export interface LoadedBundle<Exports> {
  script: vm.Script;
  exports: Exports;
}

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** Compile the bundle's source, with `cachedData` when given (V8 ignores a cache made by another V8 or other flags), and run it. */
export function runBundle<Exports>(source: string, cachedData: Buffer | undefined): LoadedBundle<Exports> {
  // Node's own wrapper for a CommonJS module, on the first line so that line numbers stay those of the file.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE_FILES.source, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(BUNDLE_FILES.source), module, BUNDLE_FILES.source, path.dirname(BUNDLE_FILES.source));
  return { script, exports: module.exports as Exports };
}

/** The code cache the build recorded, or undefined when there is none. */
export function readCodeCache(): Buffer | undefined {
  try {
    return readFileSync(BUNDLE_FILES.codeCache);
  } catch {
    return undefined;
  }
}
