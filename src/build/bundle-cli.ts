/**
 * Build step (after tsc): bundle the CLI, from its entry point dist/cli/process-entry.js, into one
 * CommonJS file, dist/bundle/psttm.cjs, which bin/psttm.js loads with V8's code cache
 * (see src/io/cli-bundle.ts). The large CommonJS packages a few commands load on demand stay
 * outside, required from node_modules when a run needs them.
 */
import { build } from 'esbuild';
import { BUNDLE_FILES } from '../io/cli-bundle.js';

const LOADED_ON_DEMAND = ['exceljs', 'handlebars', 'playwright-core', 'nodemailer', 'jszip', 'xmlbuilder2', 'yaml', 'cli-progress', 'csv-parse', 'diff', 'which'];

await build({
  entryPoints: ['dist/cli/process-entry.js'],
  outfile: BUNDLE_FILES.source,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: LOADED_ON_DEMAND.flatMap((name) => [name, `${name}/*`]),
  // Their import() becomes require(): a script compiled by node:vm has no loader for import() without an experimental flag.
  supported: { 'dynamic-import': false },
  // import.meta.url, which finds the package's folders, is the bundle's own URL: dist/bundle/ sits as deep as dist/cli/.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
