/**
 * The layers of src/ (README, "Architecture"; the table in layer-table.cjs), enforced by `npm test`
 * on the compiled tree in dist/, which has the same folders: TypeScript 7 has no compiler API for the
 * checker to parse .ts with. Type-only imports, which the compiler erases, are checked from the
 * sources by type-imports.test.ts. io is importable by every layer but compute, which stays free of I/O.
 */

const { ALLOWED_BELOW } = require('./layer-table.cjs');

const LAYERS = Object.keys(ALLOWED_BELOW);

/** The tree checked: dist/ in npm test, src/ in the checker's own fixture. */
const ROOT = '^(?:dist|src)/';

module.exports = {
  forbidden: [
    ...Object.entries(ALLOWED_BELOW).map(([layer, below]) => ({
      name: `${layer}-imports-above`,
      comment: `${layer}/ may import only ${below.length > 0 ? below.join(', ') : 'itself'}`,
      severity: 'error',
      from: { path: `${ROOT}${layer}/` },
      to: { path: `${ROOT}(?!(?:${[layer, ...below].join('|')})/)` },
    })),
    {
      name: 'unknown-layer',
      comment: `every file of src/ belongs to a layer: ${LAYERS.join(', ')}`,
      severity: 'error',
      from: { path: `${ROOT}(?!(?:${LAYERS.join('|')})/)` },
      to: {},
    },
    {
      name: 'compute-does-io',
      comment: 'compute is pure functions of the model: no file system, processes or network',
      severity: 'error',
      from: { path: `${ROOT}compute/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      comment: 'a cycle hides which module is the lower one',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import the checker cannot resolve would escape the rules above',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // What the build generates from the layers (standalone schema validators, precompiled templates and reference, the bundle) is no layer.
    exclude: { path: '^dist/(validators|precompiled|bundle)/' },
    doNotFollow: { path: 'node_modules' },
    // Resolve subpath exports such as csv-parse/sync as Node does.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
