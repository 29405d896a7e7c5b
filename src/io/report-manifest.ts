import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { readBoundedFile } from './bounded-read.js';
import { withFileLock } from './file-lock.js';
import { ensureRealFolder, removeCreatedFolders, stageOutputs, writeOutputs, type OutputFile } from './write-outputs.js';

/**
 * The reports folder remembers what psttm wrote there (`.psttm-reports.json`: file name → SHA-256),
 * so that a new run may replace its own unchanged reports without --force, but never a file
 * somebody else wrote or edited.
 */
export const MANIFEST_FILE = '.psttm-reports.json';

/** More than any manifest psttm writes; a larger file there is not one of ours. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

interface ReportManifest {
  /** What psttm wrote there. */
  files: Record<string, string>;
  /** What a run was about to rename into place: recorded first, so a run killed mid-way leaves files the next run recognises. */
  pending: Record<string, string>;
}

export interface SaveReportsOptions {
  force: boolean;
  /** The manifest's path as shown in messages. */
  manifestDisplayPath: string;
}

/**
 * Write the reports of one run into `dir`, all or none, holding the folder's lock so concurrent runs
 * take turns: each run's manifest then keeps every run's files. Existing reports are replaced without
 * --force only while they still hold what psttm wrote.
 */
export async function saveReports(dir: string, files: readonly OutputFile[], options: SaveReportsOptions): Promise<void> {
  const createdFolder = await ensureRealFolder(dir, path.dirname(options.manifestDisplayPath));
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const manifestFile = (manifest: ReportManifest): OutputFile => ({ path: manifestPath, displayPath: options.manifestDisplayPath, content: manifestText(manifest) });
  let saved = false;
  await withFileLock(manifestPath, options.manifestDisplayPath, async (assertHeld) => {
    const manifest = readManifest(manifestPath, options.manifestDisplayPath);
    const replaceable = new Set(files.map((file) => file.path).filter((file) => holdsWhatPsttmWrote(file, manifest)));
    replaceable.add(manifestPath);
    const staged = await stageOutputs(files, { force: options.force, replaceable, beforeCommit: assertHeld });
    const written = Object.fromEntries(staged.files.map((item) => [path.basename(item.file.path), item.sha256]));
    try {
      await writeOutputs([manifestFile({ files: manifest.files, pending: { ...manifest.pending, ...written } })], { force: true, beforeCommit: assertHeld });
      await staged.commit();
    } finally {
      staged.discard();
    }
    const pending = Object.fromEntries(Object.entries(manifest.pending).filter(([name]) => !Object.hasOwn(written, name)));
    await writeOutputs([manifestFile({ files: { ...manifest.files, ...written }, pending })], { force: true });
    saved = true;
  }).finally(() => {
    if (!saved) removeCreatedFolders(dir, createdFolder);
  });
}

/** The manifest at `manifestPath`; empty when there is none, or it is not a regular file psttm could have written. */
function readManifest(manifestPath: string, displayPath: string): ReportManifest {
  if (!existsSync(manifestPath)) return { files: {}, pending: {} };
  const { bytes } = readBoundedFile(manifestPath, displayPath, MAX_MANIFEST_BYTES);
  if (bytes === undefined) return { files: {}, pending: {} };
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { files?: unknown; pending?: unknown } | null;
    return { files: hashRecord(parsed?.files), pending: hashRecord(parsed?.pending) };
  } catch {
    return { files: {}, pending: {} };
  }
}

function hashRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^[0-9a-f]{64}$/.test(entry[1])));
}

function manifestText(manifest: ReportManifest): string {
  const pending = Object.keys(manifest.pending).length > 0 ? { pending: manifest.pending } : {};
  return `${JSON.stringify({ generator: 'psttm', files: manifest.files, ...pending }, null, 2)}\n`;
}

/** Whether `file` is a regular file whose bytes are what the manifest says psttm wrote (or was writing) there. */
function holdsWhatPsttmWrote(file: string, manifest: ReportManifest): boolean {
  const name = path.basename(file);
  const recorded = [manifest.files, manifest.pending].flatMap((record) => (Object.hasOwn(record, name) ? [record[name]] : []));
  if (recorded.length === 0) return false;
  const hash = regularFileHash(file);
  return hash !== undefined && recorded.includes(hash);
}

/** The SHA-256 of a regular file, never following a link or waiting on a pipe; undefined for anything else. */
function regularFileHash(file: string): string | undefined {
  let fd: number;
  try {
    // Not through a link, and a pipe does not block the open; chunks, since a report can be hundreds of MB.
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
