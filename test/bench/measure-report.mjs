// One `psttm report` run (both formats) as a user runs it: the binary, in a process of its own, timed from here; its CPU time, peak
// RSS and time in garbage collection reported at its exit by the preloaded usage-at-exit.mjs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const [planDir = ''] = process.argv.slice(2);
const bin = fileURLToPath(new URL('../../bin/psttm.js', import.meta.url));
const hook = new URL('./usage-at-exit.mjs', import.meta.url).href;
const out = mkdtempSync(path.join(tmpdir(), 'psttm-bench-report-'));
try {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', hook, bin, 'report', '--plan', planDir, '--as-of', '2026-11-22', '--today', '2026-11-22', '--out', out], {
    cwd: out,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const reportMs = performance.now() - start;
  if (run.status !== 0) {
    process.stderr.write(`psttm report failed (${run.status}): ${run.stderr}\n`);
    process.exitCode = 1;
  } else {
    const usage = JSON.parse(String(run.output[3]));
    const [xlsx, html] = run.stdout.trim().split('\n').map((file) => statSync(path.resolve(out, file)).size / 1024 / 1024);
    process.stdout.write(JSON.stringify({ reportMs, reportCpuMs: usage.cpuMs, gcShare: usage.gcMs / reportMs, reportPeakRssMb: usage.peakRssMb, xlsxMb: xlsx, htmlMb: html }) + '\n');
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
