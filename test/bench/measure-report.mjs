// One `psttm report` run (both formats) in its own process, so its peak RSS is its own.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';

const [planDir] = process.argv.slice(2);
// Tiered as bin/psttm.js tiers a run, before psttm is loaded.
(await import(new URL('../../dist/cli/tiering.js', import.meta.url).href)).tierUpForShortRuns();
const { main } = await import(new URL('../../dist/cli/main.js', import.meta.url).href);
const out = mkdtempSync(path.join(tmpdir(), 'psttm-bench-report-'));
let stdout = '';
let stderr = '';
// Time spent in garbage collection, from the collector's own entries.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
const start = performance.now();
const cpuStart = process.cpuUsage();
const code = await main(['report', '--plan', planDir, '--as-of', '2026-11-22', '--out', out], {
  stdout: { write: (/** @type {string} */ text) => (stdout += text) },
  stderr: { write: (/** @type {string} */ text) => (stderr += text) },
  cwd: out,
  env: { NO_COLOR: '1' },
  today: '2026-11-22',
});
const reportMs = performance.now() - start;
// CPU time of every thread (zlib's included): on a busy machine a steadier figure than the wall clock.
const { user, system } = process.cpuUsage(cpuStart);
// The collector's last entries arrive after a turn of the event loop.
await new Promise((resolve) => setImmediate(resolve));
gcObserver.disconnect();
if (code !== 0) {
  process.stderr.write(`psttm report failed (${code}): ${stderr}\n`);
  process.exit(1);
}
const [xlsx, html] = stdout.trim().split('\n').map((file) => statSync(path.resolve(out, file)).size / 1024 / 1024);
rmSync(out, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ reportMs, reportCpuMs: (user + system) / 1000, gcShare: gcMs / reportMs, reportPeakRssMb: process.resourceUsage().maxRSS / 1024, xlsxMb: xlsx, htmlMb: html }) + '\n');
