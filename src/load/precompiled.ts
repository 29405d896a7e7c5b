import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packagePaths } from '../io/package-paths.js';

const require = createRequire(import.meta.url);

/**
 * What the build turns shipped files into, so that a run using them skips the work: the templates
 * compiled (src/build/precompile-templates.ts), the reference CSV files parsed
 * (src/build/precompile-reference.ts). Each table maps the SHA-256 of a file's exact content to
 * what the build made of it.
 */
export const PRECOMPILED_TABLES = {
  templates: path.join(packagePaths.root, 'dist', 'precompiled', 'templates.cjs'),
  reference: path.join(packagePaths.root, 'dist', 'precompiled', 'reference.json'),
} as const;

export type PrecompiledTable = keyof typeof PRECOMPILED_TABLES;

/** The SHA-256 (hex) of a file's content (its text, or its bytes): its key in a table; `scope` tells apart files read in different ways. */
export function contentKey(content: string | Uint8Array, scope = ''): string {
  return createHash('sha256').update(scope).update(content).digest('hex');
}

/**
 * What the build made of a file with exactly this content, if it is a shipped one. Undefined for
 * any other content (an override, an edited copy), and when the build has not made the table.
 */
export function precompiled<T>(table: PrecompiledTable, key: string): T | undefined {
  let entries: Record<string, T>;
  try {
    entries = require(PRECOMPILED_TABLES[table]) as Record<string, T>;
  } catch {
    return undefined;
  }
  return Object.hasOwn(entries, key) ? entries[key] : undefined;
}
