// One psttm command (argv after the plan folder; `{plan}` stands for it) in its own process, so its peak RSS is its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [planDir = '', ...args] = process.argv.slice(2);
const { main } = await import(new URL('../../dist/cli/main.js', import.meta.url).href);
const out = mkdtempSync(path.join(tmpdir(), 'psttm-bench-command-'));
let stderr = '';
const start = performance.now();
const code = await main(
  args.map((arg) => arg.replace('{plan}', planDir)),
  { stdout: { write: () => true }, stderr: { write: (/** @type {string} */ text) => (stderr += text) }, cwd: out, env: { NO_COLOR: '1' }, today: '2026-11-22' },
);
const ms = performance.now() - start;
rmSync(out, { recursive: true, force: true });
if (code > 1) {
  process.stderr.write(`psttm ${args.join(' ')} failed (${code}): ${stderr}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ ms, exitCode: code, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
