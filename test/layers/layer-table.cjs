/**
 * What each folder of src/ may import from src/, besides itself: core ← model ← findings ← load,
 * compute ← validate ← edit, render ← cli, build; io sits at the side. Read by the dependency-cruiser
 * config (imports that reach dist/) and by type-imports.test.ts (imports the compiler erases).
 */
exports.ALLOWED_BELOW = {
  core: [],
  io: ['core'],
  model: ['core'],
  findings: ['core', 'model', 'io'],
  load: ['core', 'model', 'findings', 'io'],
  compute: ['core', 'model', 'findings'],
  validate: ['core', 'model', 'findings', 'io', 'load', 'compute'],
  edit: ['core', 'model', 'findings', 'io', 'load', 'compute', 'validate'],
  render: ['core', 'model', 'findings', 'io', 'load', 'compute', 'validate'],
  cli: ['core', 'model', 'findings', 'io', 'load', 'compute', 'validate', 'edit', 'render'],
  build: ['core', 'model', 'findings', 'io', 'load', 'compute', 'validate'],
};
