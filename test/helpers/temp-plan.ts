import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { repoRoot } from './run-cli.ts';

export const baseFixture = path.join(repoRoot, 'test/fixtures/base-plan');
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh copy of a fixture folder (default: the small valid base plan) in a temporary folder,
 * optionally with the files of `overlay` copied over it. Returns the copy's root (it holds plan/).
 */
export function tempPlan(overlay?: string, source = baseFixture): string {
  const dir = tempFolder();
  cpSync(source, dir, { recursive: true });
  if (overlay) cpSync(overlay, path.join(dir, 'plan'), { recursive: true });
  return dir;
}

/** A new empty temporary folder, removed after the test. */
export function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-test-'));
  made.push(dir);
  return dir;
}
