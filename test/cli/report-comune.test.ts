import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

/** The base plan with two DUPs (Sesto San Giovanni, Abbiategrasso) and projects reaching Sesto by the city, its zone or its code. */
const comuniPlan = () => tempPlan(path.join(repoRoot, 'test/fixtures/report-comuni'));
const run = (root: string, argv: string[]) => runInProcess([...argv, '--plan', root], { cwd: root });

describe('psttm report --comune', () => {
  it('writes the page of the comune named loosely, as HTML and xlsx, named by its ISTAT code and name, through the manifest', async () => {
    const root = comuniPlan();
    const result = await run(root, ['report', '--as-of', '2026-11-22', '--comune', 'comune di sesto san giovanni']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('reports/comune-015209-sesto-san-giovanni-2026-11-22.xlsx\nreports/comune-015209-sesto-san-giovanni-2026-11-22.html\n');
    const manifest = JSON.parse(readFileSync(path.join(root, 'reports/.psttm-reports.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(['comune-015209-sesto-san-giovanni-2026-11-22.html', 'comune-015209-sesto-san-giovanni-2026-11-22.xlsx']);

    const $ = load(readFileSync(path.join(root, 'reports/comune-015209-sesto-san-giovanni-2026-11-22.html'), 'utf8'));
    expect($('h1').text()).toBe('Sesto San Giovanni');
    expect($('tr[data-dup-objective]').map((_, row) => $(row).attr('data-dup-objective')).get()).toEqual(['S1', 'S1.1']);
    expect($('tr[data-pending]').map((_, row) => $(row).attr('data-pending')).get()).toEqual(['M2.1']);
    // The metropolitan project, the one on its zone, the one listing its code; not Cinisello's, not the cancelled one.
    expect($('tr[data-project]').map((_, row) => $(row).attr('data-project')).get()).toEqual(['alpha-hub', 'nord-park', 'sesto-scuole']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(root, 'reports/comune-015209-sesto-san-giovanni-2026-11-22.xlsx'));
    expect(workbook.getWorksheet('DUP')!.getCell('H3').value).toBe('M1.1, M2.1');
  });

  it('a comune without a DUP, in English, by its ISTAT code: the same page saying so', async () => {
    const root = comuniPlan();
    const result = await run(root, ['report', '--as-of', '2026-11-22', '--comune', '015077', '--lang', 'en', '--format', 'html', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: [{ format: 'html', path: 'reports/comune-015077-cinisello-balsamo-2026-11-22.html' }] });
    const $ = load(readFileSync(path.join(root, 'reports/comune-015077-cinisello-balsamo-2026-11-22.html'), 'utf8'));
    expect($('[data-no-dup]').text()).toMatch(/^This comune has no DUP imported yet/);
    expect($('tr[data-objective]').map((_, row) => $(row).attr('data-objective')).get()).toEqual(['M1.1', 'M2.1']);
  });

  it('an unknown comune is one line with the closest name, exit 2, and nothing is written', async () => {
    const root = comuniPlan();
    const result = await run(root, ['report', '--as-of', '2026-11-22', '--comune', 'Sesto San Giovani']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('psttm: --comune Sesto San Giovani: not a comune of the metropolitan city; did you mean Sesto San Giovanni? (plan/reference/comuni.csv lists them)\n');
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });
});

describe('the main report on the shipped plan, which has no DUP yet', () => {
  it('shows the section on the comuni saying no DUP is imported yet, and lists the 133 comuni without one', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'psttm-comuni-'));
    const result = await runInProcess(['report', '--as-of', '2026-11-22', '--out', out, '--plan', repoRoot], { cwd: out });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.psttm-reports.json', 'monitoraggio-2026-11-22.html', 'monitoraggio-2026-11-22.xlsx']);
    const $ = load(readFileSync(path.join(out, 'monitoraggio-2026-11-22.html'), 'utf8'));
    expect($('section#comuni [data-figure="comuni-with-dup"]').text()).toBe('0 / 133');
    expect($('section#comuni [data-no-dup]').text()).toBe('Nessun DUP importato finora: nessun comune ha ancora un file in plan/dup/ (psttm import dup).');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'monitoraggio-2026-11-22.xlsx'));
    expect(workbook.getWorksheet('Comuni senza DUP')!.rowCount).toBe(134);
    expect(workbook.getWorksheet('DUP')!.getCell('A2').value).toMatch(/^Nessun DUP importato finora/);
  });
});
