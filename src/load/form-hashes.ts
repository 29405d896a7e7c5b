import { createHash } from 'node:crypto';
import type { YamlFile } from './yaml-file.js';

/** SHA-256 (hex) of a plan file's bytes as read: its text, after the byte order mark it began with, if any (strict UTF-8 decoding loses nothing). */
export function yamlFileSha256(file: Pick<YamlFile, 'text' | 'bom'>): string {
  return createHash('sha256')
    .update(file.bom ? '\ufeff' : '')
    .update(file.text, 'utf8')
    .digest('hex');
}

/** A form's id: the same lead, as-of date and file hashes always give the same id, and any change another. */
export function formId(lead: string, asOf: string, files: readonly { path: string; sha256: string }[]): string {
  return createHash('sha256').update(JSON.stringify({ lead, asOf, files })).digest('hex');
}
