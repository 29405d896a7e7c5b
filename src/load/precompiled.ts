import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packagePaths } from '../io/package-paths.js';

/** What Handlebars.precompile makes and Handlebars.template runs. */
type TemplateSpecification = Parameters<typeof import('handlebars').template>[0];

const require = createRequire(import.meta.url);

/** The shipped templates compiled at build time (see src/build/precompile-templates.ts), by the SHA-256 of their text. */
export const PRECOMPILED_TEMPLATES_PATH = path.join(packagePaths.root, 'dist', 'precompiled', 'templates.cjs');

/** The SHA-256 (hex) of a template's text: the key of its precompiled form. */
export function templateKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The precompiled form of a template with exactly this text, if it is one of the shipped ones: it
 * runs on Handlebars' runtime alone, without parsing or compiling. Undefined for any other text
 * (an override), and when the build has not made them.
 */
export function precompiledTemplate(text: string): TemplateSpecification | undefined {
  let table: Record<string, TemplateSpecification>;
  try {
    table = require(PRECOMPILED_TEMPLATES_PATH) as Record<string, TemplateSpecification>;
  } catch {
    return undefined;
  }
  return Object.hasOwn(table, templateKey(text)) ? table[templateKey(text)] : undefined;
}
