import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.ts';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'layers');

/** Run the layer checker of `npm test` on the src/ tree of the fixture, with extra arguments. */
function depcruise(...args: string[]) {
  return spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'depcruise'), ['src', '--config', path.join(repoRoot, 'test', 'layers', 'dependency-cruiser.cjs'), ...args], { cwd: FIXTURE, encoding: 'utf8' });
}

it('reports every kind of violation in a small tree, and on nothing else', () => {
  const report = JSON.parse(depcruise('--output-type', 'json').stdout) as { summary: { violations: Violation[] } };
  const violations = report.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`).sort();
  expect(violations).toEqual([
    // A folder that is no layer is an error where it imports, and where it is imported.
    'cli-imports-above: src/cli/main.js -> src/util/helper.js',
    'compute-does-io: src/compute/sum.js -> fs',
    'compute-imports-above: src/compute/sum.js -> src/load/read.js',
    'model-imports-above: src/model/plan.js -> src/validate/check.js',
    'no-circular: src/edit/a.js -> src/edit/b.js',
    'no-orphans: src/render/orphan.js -> src/render/orphan.js',
    'not-to-unresolvable: src/cli/main.js -> ./missing.js',
    'unknown-layer: src/util/helper.js -> src/core/errors.js',
  ]);
});

it('exits with the number of violations, which fails npm test', () => {
  const run = depcruise();
  expect(run.status).toBe(8);
  expect(run.stdout).toContain('8 dependency violations (8 errors, 0 warnings)');
});
