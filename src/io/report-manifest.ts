import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The reports folder remembers what psttm wrote there (`.psttm-reports.json`: file name → SHA-256),
 * so that a new run may replace its own unchanged reports without --force, but never a file
 * somebody else wrote or edited.
 */
export const MANIFEST_FILE = '.psttm-reports.json';

export interface ReportManifest {
  files: Record<string, string>;
}

/** The manifest of a folder; empty when there is none or it is not one of ours. */
export function readManifest(dir: string): ReportManifest {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as unknown;
    const files = (parsed as { files?: unknown } | null)?.files;
    if (typeof files !== 'object' || files === null || Array.isArray(files)) return { files: {} };
    return { files: Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) };
  } catch {
    return { files: {} };
  }
}

/** The paths among `candidates` that still hold exactly what psttm wrote, plus the manifest itself. */
export async function replaceablePaths(dir: string, manifest: ReportManifest, candidates: readonly string[]): Promise<Set<string>> {
  const replaceable = new Set<string>([path.join(dir, MANIFEST_FILE)]);
  for (const candidate of candidates) {
    const recorded = Object.hasOwn(manifest.files, path.basename(candidate)) ? manifest.files[path.basename(candidate)] : undefined;
    if (recorded !== undefined && (await fileHash(candidate).catch(() => undefined)) === recorded) replaceable.add(candidate);
  }
  return replaceable;
}

/** The manifest after writing `written` (absolute paths), as the text to write. */
export async function updatedManifest(manifest: ReportManifest, written: readonly string[]): Promise<string> {
  const files: Record<string, string> = { ...manifest.files };
  for (const file of written) files[path.basename(file)] = await fileHash(file);
  return `${JSON.stringify({ generator: 'psttm', files }, null, 2)}\n`;
}

export async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
