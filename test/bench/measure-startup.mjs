// Start-up cost: CPU time (user + sys) of `psttm validate` and `psttm report` on the shipped plan against a bare `node -e 0`,
// in paired runs (one of each, in turn, so that a busy machine weighs on all alike); the ratio of each pair, then the median.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/psttm.js', import.meta.url));
const shippedPlan = fileURLToPath(new URL('../../plan/', import.meta.url));
const hook = new URL('./cpu-at-exit.mjs', import.meta.url).href;

/**
 * CPU time in ms of one run of node with `args`, in a fresh working folder.
 * @param {string[]} args
 */
function cpuMs(args) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'psttm-bench-startup-'));
  try {
    const result = spawnSync(process.execPath, ['--import', hook, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return Number(result.output[3]) / 1000;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] ?? NaN : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

const pairs = Number(process.argv[2] ?? 15);
/** @type {[string, string[]][]} */
const commands = [
  ['validate', [bin, 'validate', '--plan', shippedPlan, '--today', '2026-11-22']],
  ['report', [bin, 'report', '--plan', shippedPlan, '--as-of', '2026-11-22', '--today', '2026-11-22', '--out', 'reports']],
];
/** @type {number[]} */
const bareMs = [];
/** @type {{name: string, args: string[], ms: number[], ratios: number[]}[]} */
const runs = commands.map(([name, args]) => ({ name, args, ms: [], ratios: [] }));
for (let pair = 0; pair < pairs; pair++) {
  for (const run of runs) {
    const bare = cpuMs(['-e', '0']);
    const command = cpuMs(run.args);
    bareMs.push(bare);
    run.ms.push(command);
    run.ratios.push(command / bare);
  }
}
const result = { pairs, nodeCpuMs: median(bareMs), ...Object.fromEntries(runs.map((run) => [run.name, { cpuMs: median(run.ms), ratio: median(run.ratios) }])) };
process.stdout.write(JSON.stringify(result) + '\n');
