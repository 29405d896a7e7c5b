import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The yaml library (documents with positions and comments), loaded on first use: well-formed plan
 * files are read by js-yaml and located by its events, so most runs never need it, and its import
 * costs more than the rest of `psttm validate`. Synchronous, as its callers are; Node loads it once.
 */
export function yamlLibrary(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}
