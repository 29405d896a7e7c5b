import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryEnv, binPath, repoRoot } from '../helpers/run-cli.ts';

const hook = path.join(repoRoot, 'test', 'fixtures', 'startup', 'list-modules-at-exit.mjs');
const out = mkdtempSync(path.join(tmpdir(), 'psttm-startup-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The files under node_modules (CommonJS and ES modules) a run of the built binary loads, as `package/path`. */
function modulesLoaded(argv: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', hook, binPath, ...argv], { cwd: out, env: binaryEnv() }, (error, _stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      const list = stderr.split('\nMODULES\n')[1];
      if (list === undefined) return reject(new Error(`no module list: ${stderr}`));
      resolve(list.split('\n').flatMap((file) => /node_modules\/(.+)$/.exec(file)?.[1] ?? []));
    });
  });
}

const packages = (files: readonly string[]) => [...new Set(files.map((file) => file.split('/')[0] ?? file))];

describe('what a command loads', () => {
  it('validate on the shipped plan loads no YAML document library, CSV parser, XML builder, workbook or template engine', async () => {
    const files = await modulesLoaded(['validate', '--plan', path.join(repoRoot, 'plan')]);
    // The schema validators require ajv's runtime helpers; everything else validate uses, commander and js-yaml included, is in the bundle.
    expect(packages(files)).toContain('ajv');
    expect(packages(files).filter((name) => ['commander', 'js-yaml', 'chalk'].includes(name))).toEqual([]);
    expect(packages(files).filter((name) => ['yaml', 'csv-parse', 'xmlbuilder2', 'exceljs', 'handlebars'].includes(name))).toEqual([]);
  });

  it("report loads Handlebars' runtime without its compiler, and exceljs's streaming writer without its reader or in-memory model", async () => {
    const files = await modulesLoaded(['report', '--plan', path.join(repoRoot, 'plan'), '--as-of', '2026-11-22', '--out', 'reports']);
    expect(files).toContain('handlebars/dist/cjs/handlebars.runtime.js');
    expect(files).toContain('exceljs/lib/stream/xlsx/workbook-writer.js');
    expect(files.filter((file) => /^handlebars\/dist\/cjs\/handlebars\/compiler\/|^exceljs\/lib\/(stream\/xlsx\/workbook-reader|doc\/workbook|csv\/)|^yaml\//.test(file))).toEqual([]);
  });
});
