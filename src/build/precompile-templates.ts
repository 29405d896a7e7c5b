/**
 * Build step (run by `npm run build` after tsc): check the shipped templates as a report checks
 * them and compile each once into dist/precompiled/templates.cjs, so a report from the shipped
 * templates loads only Handlebars' runtime and never parses or compiles them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import handlebars from 'handlebars';
import { contentKey, PRECOMPILED_TABLES } from '../load/precompiled.js';
import { refuseUnsafe } from '../load/template-check.js';
import { readTemplateSet } from '../load/template-files.js';

const shipped = readTemplateSet(undefined, process.cwd());
const entries = [shipped.layout, shipped.comuneLayout, ...shipped.partials].map((template) => {
  refuseUnsafe(handlebars, template);
  // precompile returns the template's JavaScript source, typed as the object it evaluates to.
  return `  ${JSON.stringify(contentKey(template.text))}: ${String(handlebars.precompile(template.text))},`;
});
mkdirSync(path.dirname(PRECOMPILED_TABLES.templates), { recursive: true });
writeFileSync(PRECOMPILED_TABLES.templates, `module.exports = {\n${entries.join('\n')}\n};\n`);
