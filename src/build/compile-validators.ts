/**
 * Build step (run by `npm run build` after tsc): compile each JSON Schema once into a standalone
 * validator module, dist/validators/<kind>.cjs, so the CLI never loads or runs the ajv compiler.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { SCHEMA_KINDS, schemaPath, validatorPath } from '../validate/schema-kinds.js';

// Every error, each with its schema (for property descriptions in messages); code kept for standalone output.
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, code: { source: true } });
// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
ajvFormats.default(ajv);

for (const kind of SCHEMA_KINDS) {
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(kind), 'utf8')));
  mkdirSync(path.dirname(validatorPath(kind)), { recursive: true });
  writeFileSync(validatorPath(kind), standaloneCode.default(ajv, validate));
}
