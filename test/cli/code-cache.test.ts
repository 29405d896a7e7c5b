import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.ts';

const loadBundle = path.join(repoRoot, 'test', 'fixtures', 'startup', 'load-bundle.mjs');
const folder = mkdtempSync(path.join(tmpdir(), 'psttm-code-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What load-bundle.mjs reports, run in a process of its own (a bare node, as bin/psttm.js runs). */
function loadWithCache(cacheFile?: string): Promise<{ rejected: boolean; exports: string[] }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [loadBundle, ...(cacheFile ? [cacheFile] : [])], { cwd: folder }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout))));
  });
}

describe('the bundle and its code cache', () => {
  it('the code cache the build recorded is accepted by a run tiered as bin/psttm.js tiers one', async () => {
    expect(await loadWithCache()).toEqual({ rejected: false, exports: ['runProcess'] });
  });

  it('a cache V8 cannot use is rejected, and the bundle is compiled from its source', async () => {
    const foreign = path.join(folder, 'foreign.code-cache');
    writeFileSync(foreign, Buffer.alloc(4096, 7));
    expect(await loadWithCache(foreign)).toEqual({ rejected: true, exports: ['runProcess'] });
  });
});
