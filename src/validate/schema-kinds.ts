import path from 'node:path';
import { packagePaths } from '../io/package-paths.js';

/** The kinds of file psttm validates, each with schemas/<kind>.schema.json. */
export const SCHEMA_KINDS = ['plan', 'mission', 'project', 'consultation', 'dup'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export function schemaPath(kind: SchemaKind): string {
  return path.join(packagePaths.schemas, `${kind}.schema.json`);
}

/** The validator compiled from the schema at build time (see src/build/compile-validators.ts). */
export function validatorPath(kind: SchemaKind): string {
  return path.join(packagePaths.root, 'dist', 'validators', `${kind}.cjs`);
}
