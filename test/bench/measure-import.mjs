// One `psttm import dup` of a spreadsheet in its own process, so its peak RSS is its own.
import { performance } from 'node:perf_hooks';

const [planDir, file] = process.argv.slice(2);
const { main } = await import(new URL('../../dist/cli/main.js', import.meta.url).href);
let stdout = '';
let stderr = '';
const start = performance.now();
const code = await main(['import', 'dup', file, '--plan', planDir, '--comune', 'Milano', '--json'], {
  stdout: { write: (/** @type {string} */ text) => (stdout += text) },
  stderr: { write: (/** @type {string} */ text) => (stderr += text) },
  cwd: planDir,
  env: { NO_COLOR: '1' },
  today: '2026-11-22',
});
const importMs = performance.now() - start;
if (code !== 0) {
  process.stderr.write(`psttm import dup failed (${code}): ${stderr}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ importMs, peakRssMb: process.resourceUsage().maxRSS / 1024, objectives: JSON.parse(stdout).added.length }) + '\n');
