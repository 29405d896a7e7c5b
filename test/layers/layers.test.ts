import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    'not-to-unresolvable: src/cli/main.js -> ./missing.js',
    'unknown-layer: src/util/helper.js -> src/core/errors.js',
  ]);
});

it('exits with the number of violations, which fails npm test', () => {
  const run = depcruise();
  expect(run.status).toBe(7);
  expect(run.stdout).toContain('7 dependency violations (7 errors, 0 warnings)');
});

it("the README's folder map, the folders of src/ and the checker's layers agree", () => {
  const { forbidden } = createRequire(import.meta.url)('./dependency-cruiser.cjs') as { forbidden: { name: string }[] };
  const layers = forbidden.flatMap((rule) => /^(\w+)-imports-above$/.exec(rule.name)?.[1] ?? []).sort();
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const map = /## Architecture\n[\s\S]*?```\nsrc\/\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const mapped = [...map.matchAll(/^ {2}(\w+)\/ /gm)].map((match) => match[1]).sort();
  const folders = readdirSync(path.join(repoRoot, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  expect(layers).toEqual(['build', 'cli', 'compute', 'core', 'edit', 'findings', 'io', 'load', 'model', 'render', 'validate']);
  expect(folders).toEqual(layers);
  expect(mapped).toEqual(layers);
});
