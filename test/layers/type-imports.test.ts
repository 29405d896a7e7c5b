import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseSync } from 'oxc-parser';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.ts';

const { ALLOWED_BELOW } = createRequire(import.meta.url)('./layer-table.cjs') as { ALLOWED_BELOW: Record<string, string[]> };

/** Every import of `file` in `tree` that is erased on compiling (`import type`, or all of its names `type`), as `from -> to` between layers when it crosses one the table forbids. */
function typeImportsAbove(tree: string, file: string): string[] {
  const { module } = parseSync(file, readFileSync(path.join(tree, file), 'utf8'));
  const typeOnly = [
    ...module.staticImports.filter((record) => record.entries.length > 0 && record.entries.every((entry) => entry.isType)).map((record) => record.moduleRequest.value),
    ...module.staticExports.flatMap((record) => record.entries.filter((entry) => entry.isType && entry.moduleRequest !== null).map((entry) => entry.moduleRequest!.value)),
  ];
  const fromLayer = file.split(path.sep)[0]!;
  return typeOnly
    .filter((request) => request.startsWith('.'))
    .map((request) => path.relative(tree, path.resolve(tree, path.dirname(file), request)))
    .filter((target) => {
      const toLayer = target.split(path.sep)[0]!;
      return toLayer !== fromLayer && !(ALLOWED_BELOW[fromLayer] ?? []).includes(toLayer);
    })
    .map((target) => `${file} -> ${target}`);
}

/** The type-only imports of a tree of sources that cross the layers the wrong way. */
function violations(tree: string): string[] {
  const files = readdirSync(tree, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).sort();
  return files.flatMap((file) => typeImportsAbove(tree, file));
}

it('no type-only import in src/ reaches a higher layer', () => {
  expect(violations(path.join(repoRoot, 'src'))).toEqual([]);
});

it('finds the type-only imports that cross a layer, and only those', () => {
  expect(violations(path.join(repoRoot, 'test', 'fixtures', 'type-imports'))).toEqual([
    'model/exported.ts -> render/view.ts',
    'model/plan.ts -> cli/options.ts',
    'model/plan.ts -> compute/sum.ts',
  ]);
});
