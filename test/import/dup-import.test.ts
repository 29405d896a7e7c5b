import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

const DUP_FILE = 'plan/dup/015002-abbiategrasso.yaml';

/** A messy export: two title rows, a blank row, the header on row 4 after an empty column A, merged group cells, codes as numbers, an empty row and trailing columns. */
async function messyWorkbook(root: string, edit?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Note').getCell('A1').value = 'Istruzioni per la compilazione';
  const sheet = workbook.addWorksheet('Foglio1');
  sheet.getCell('B1').value = 'Comune di Abbiategrasso';
  sheet.getCell('B2').value = { richText: [{ text: 'DUP ' }, { text: '2025-2027', font: { bold: true } }] };
  sheet.getRow(4).values = [null, 'MISSIONE', 'Programma', 'Obiettivo  Strategico', 'Cod.', 'Obiettivo operativo', 'Centro di responsabilità', 'Note interne', null, 'x'];
  sheet.getRow(5).values = [null, 'Missione 01 - Servizi istituzionali, generali e di gestione', 8, 'Una amministrazione digitale', '1.1', 'Digitalizzare i servizi al cittadino', 'Settore Innovazione'];
  sheet.getRow(6).values = [null, null, '02 - Segreteria generale', null, '1.2', { formula: 'CONCAT("Trasparenza"," degli atti")', result: 'Trasparenza degli atti' }, 'Segreteria'];
  sheet.mergeCells('B5:B6');
  sheet.mergeCells('D5:D6');
  sheet.getRow(8).values = [null, 10, 5, 'Mobilità sostenibile', 2.1, 'Piste ciclabili nei quartieri', '=Lavori pubblici'];
  edit?.(sheet);
  const file = path.join(root, 'dup-abbiategrasso.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

function dupData(root: string): Record<string, unknown> {
  return parse(readFileSync(path.join(root, DUP_FILE), 'utf8')) as Record<string, unknown>;
}

describe('psttm import dup: reading', () => {
  it('reads a messy .xlsx: title rows, header on row 4, merged groups, numbers, formulas, empty rows and columns', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root);
    const result = await runInProcess(['import', 'dup', file, '--comune', 'abbiategrasso'], { cwd: root });
    expect(result.stderr).toBe('psttm: using the plan in plan/\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${DUP_FILE} (created): 5 objectives: 5 added, 0 changed, 0 removed\n  + S1\n  + 1.1\n  + 1.2\n  + S2\n  + 2.1\n`);
    const text = readFileSync(path.join(root, DUP_FILE), 'utf8');
    // The plan has no schemas/ of its own: the modeline names the package's.
    expect(text.startsWith(`# yaml-language-server: $schema=${path.relative(path.join(root, 'plan/dup'), path.join(repoRoot, 'schemas/dup.schema.json'))}\n`)).toBe(true);
    expect(dupData(root)).toEqual({
      comune: { istat: '015002', name: 'Abbiategrasso' },
      period: '2025-2027',
      source: { title: 'dup-abbiategrasso.xlsx', date: '2026-11-22' },
      objectives: [
        { code: 'S1', level: 'strategico', title: 'Una amministrazione digitale', missione: '01' },
        { code: '1.1', level: 'operativo', parent: 'S1', title: 'Digitalizzare i servizi al cittadino', missione: '01', programma: '01.08', responsabile: 'Settore Innovazione' },
        { code: '1.2', level: 'operativo', parent: 'S1', title: 'Trasparenza degli atti', missione: '01', programma: '01.02', responsabile: 'Segreteria' },
        { code: 'S2', level: 'strategico', title: 'Mobilità sostenibile', missione: '10' },
        { code: '2.1', level: 'operativo', parent: 'S2', title: 'Piste ciclabili nei quartieri', missione: '10', programma: '10.05', responsabile: '=Lavori pubblici' },
      ],
    });
    expect((await runInProcess(['validate'], { cwd: root })).code).toBe(0);
  });

  it('reads a Windows-1252 CSV separated by ;, with accents, a strategic level only and blank groups filled down', async () => {
    const root = tempPlan();
    const csv = [
      'DUP del Comune di Abbiategrasso;;;',
      ';;;',
      'Linea di mandato;Missione;Obiettivo strategico;Descrizione',
      'Città più verde;9;Qualità dell\'aria e riduzione delle emissioni;"Piantare alberi; ridurre il traffico"',
      ';;Parchi e aree verdi più accessibili;',
      'Comunità;12;Servizi per la prima infanzia;Più posti al nido',
      ';;;',
    ].join('\r\n');
    const file = path.join(root, 'obiettivi.csv');
    writeFileSync(file, iconv.encode(csv, 'win1252'));
    const result = await runInProcess(['import', 'dup', file, '--comune', '015002', '--period', '2026-2028', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file: DUP_FILE, created: true, written: true, dryRun: false, added: ['S1', 'S2', 'S3'], changed: [], removed: [], fileFields: [], unchanged: 0 });
    expect(dupData(root).objectives).toEqual([
      { code: 'S1', level: 'strategico', indirizzo: 'Città più verde', title: "Qualità dell'aria e riduzione delle emissioni", description: 'Piantare alberi; ridurre il traffico', missione: '09' },
      { code: 'S2', level: 'strategico', indirizzo: 'Città più verde', title: 'Parchi e aree verdi più accessibili', missione: '09' },
      { code: 'S3', level: 'strategico', indirizzo: 'Comunità', title: 'Servizi per la prima infanzia', description: 'Più posti al nido', missione: '12' },
    ]);
    expect(dupData(root).period).toBe('2026-2028');
  });

  it('--columns names headers psttm does not know; --sheet picks a sheet', async () => {
    const root = tempPlan();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Altro').getCell('A1').value = 'niente';
    const sheet = workbook.addWorksheet('SeS');
    sheet.addRow(['Finalità di mandato', 'Ambito']);
    sheet.addRow(['Scuole sicure', 4]);
    const file = path.join(root, 'ses.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso', '--period', '2025-2027', '--sheet', 'SeS', '--columns', 'title=finalita di mandato,missione=AMBITO', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    expect(dupData(root).objectives).toEqual([{ code: 'S1', level: 'strategico', title: 'Scuole sicure', missione: '04' }]);
  });
});

describe('psttm import dup: re-import', () => {
  it('the same sheet again leaves the file byte for byte; confirmed links, rejections and hand edits survive an updated sheet', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root);
    expect((await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso'], { cwd: root })).code).toBe(0);
    const target = path.join(root, DUP_FILE);
    const handEdited = readFileSync(target, 'utf8')
      .replace('  - code: S1\n', '  # reviewed with the planning office\n  - code: S1\n')
      .replace('    title: Una amministrazione digitale\n', '    title: Una amministrazione digitale\n    psttm:\n      - objective: M1.1\n        confirmed: true\n    rejected: [M1.2]\n')
      .replace('    title: Trasparenza degli atti\n', '    title: Trasparenza degli atti\n    description: aggiunta a mano\n');
    writeFileSync(target, handEdited);

    const again = await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso'], { cwd: root });
    expect(again.stdout).toBe(`${DUP_FILE} (unchanged, nothing written): 5 objectives: 0 added, 0 changed, 0 removed\n`);
    expect(readFileSync(target, 'utf8')).toBe(handEdited);

    const updated = await messyWorkbook(root, (sheet) => {
      sheet.getCell('F8').value = 'Piste ciclabili e zone 30';
      sheet.getCell('E6').value = '1.3';
    });
    const result = await runInProcess(['import', 'dup', updated, '--comune', 'Abbiategrasso', '--today', '2026-12-01'], { cwd: root });
    expect(result.code).toBe(0);
    // 1.2 renumbered 1.3 is matched by its title: its code changes, its hand-written description stays.
    expect(result.stdout).toBe(`${DUP_FILE} (updated): 5 objectives: 0 added, 2 changed, 0 removed\n  ~ 1.3: code\n  ~ 2.1: title\n`);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('  # reviewed with the planning office\n  - code: S1\n');
    const data = dupData(root) as { source: unknown; objectives: Record<string, unknown>[] };
    expect(data.source).toEqual({ title: 'dup-abbiategrasso.xlsx', date: '2026-12-01' });
    expect(data.objectives[0]).toEqual({ code: 'S1', level: 'strategico', title: 'Una amministrazione digitale', psttm: [{ objective: 'M1.1', confirmed: true }], rejected: ['M1.2'], missione: '01' });
    expect(data.objectives[2]).toEqual({ code: '1.3', level: 'operativo', parent: 'S1', title: 'Trasparenza degli atti', description: 'aggiunta a mano', missione: '01', programma: '01.02', responsabile: 'Segreteria' });
    expect(data.objectives[4]).toMatchObject({ code: '2.1', title: 'Piste ciclabili e zone 30' });
  });

  it('refuses to drop an objective with confirmed links without --force; --dry-run writes nothing', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root);
    await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso'], { cwd: root });
    const target = path.join(root, DUP_FILE);
    writeFileSync(target, readFileSync(target, 'utf8').replace('    title: Piste ciclabili nei quartieri\n', '    title: Piste ciclabili nei quartieri\n    psttm:\n      - objective: M1.1\n        confirmed: true\n'));
    const shrunk = await messyWorkbook(root, (sheet) => sheet.spliceRows(8, 1));
    const before = snapshotTree(root);
    const refused = await runInProcess(['import', 'dup', shrunk, '--comune', 'Abbiategrasso'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('psttm: the sheet no longer has 2.1, which has confirmed links; nothing was written (run again with --force to remove it)\n');
    const dryRun = await runInProcess(['import', 'dup', shrunk, '--comune', 'Abbiategrasso', '--force', '--dry-run'], { cwd: root });
    expect(dryRun.stdout).toBe(`${DUP_FILE} (dry run, nothing written): 3 objectives: 0 added, 0 changed, 2 removed\n  - S2\n  - 2.1\n`);
    expect(snapshotTree(root)).toEqual(before);
    const forced = await runInProcess(['import', 'dup', shrunk, '--comune', 'Abbiategrasso', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect((dupData(root).objectives as unknown[]).length).toBe(3);
  });
});

describe('psttm import dup: suggestions', () => {
  it('writes the top suggestions unconfirmed with their score, and never suggests a rejected objective again', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'psttm-import-'));
    try {
      cpSync(path.join(repoRoot, 'plan'), path.join(root, 'plan'), { recursive: true });
      const file = await messyWorkbook(root);
      expect((await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso'], { cwd: root })).code).toBe(0);
      type Objective = { code: string; psttm?: { objective: string; confirmed: boolean; score: number }[]; rejected?: string[] };
      const digital = () => (dupData(root).objectives as Objective[]).find((objective) => objective.code === '1.1')!;
      const suggested = digital().psttm!;
      expect(suggested.length).toBeGreaterThan(0);
      expect(suggested.length).toBeLessThanOrEqual(3);
      for (const link of suggested) {
        expect(link.confirmed).toBe(false);
        expect(link.score).toBeGreaterThan(0);
        expect(link.score).toBeLessThanOrEqual(1);
      }
      // A planner rejects the first suggestion (as psttm dup reject does: out of psttm, into rejected).
      const target = path.join(root, DUP_FILE);
      const first = suggested[0]!.objective;
      const text = readFileSync(target, 'utf8');
      const start = text.indexOf(`      - objective: ${first}\n`, text.indexOf('  - code: "1.1"'));
      const end = text.indexOf('\n', text.indexOf('score:', start)) + 1;
      const list = text.lastIndexOf('    psttm:\n', start);
      writeFileSync(target, `${text.slice(0, list)}    rejected: [${first}]\n${text.slice(list, start)}${text.slice(end)}`);
      expect((await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso'], { cwd: root })).code).toBe(0);
      expect(digital().rejected).toEqual([first]);
      expect(digital().psttm!.map((link) => link.objective)).not.toContain(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('psttm import dup: errors write nothing', () => {
  async function expectNothingWritten(root: string, args: string[], code: number, stderr: string | RegExp, stdout = ''): Promise<void> {
    const before = snapshotTree(root);
    const result = await runInProcess(['import', 'dup', ...args], { cwd: root });
    expect(result.code).toBe(code);
    if (typeof stderr === 'string') expect(result.stderr).toBe(`psttm: using the plan in plan/\n${stderr}`);
    else expect(result.stderr).toMatch(stderr);
    if (stdout) expect(result.stdout).toBe(stdout);
    expect(snapshotTree(root)).toEqual(before);
  }

  it('an old binary .xls', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'dup.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await expectNothingWritten(root, ['dup.xls', '--comune', 'Abbiategrasso'], 2, 'psttm: dup.xls is an old binary Excel file (.xls); save it as .xlsx or CSV and import that\n');
  });

  it('a file that is neither', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'dup.ods'), 'not a workbook');
    await expectNothingWritten(root, ['dup.ods', '--comune', 'Abbiategrasso'], 2, 'psttm: dup.ods is neither an .xlsx workbook nor a CSV file; save it as .xlsx or CSV and import that\n');
  });

  it('an unknown comune, with a suggestion', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root);
    await expectNothingWritten(root, [file, '--comune', 'Abiategrasso'], 2, 'psttm: --comune Abiategrasso: not a comune of the metropolitan city; did you mean Abbiategrasso? (plan/reference/comuni.csv lists them)\n');
  });

  it('no objective column: names the columns wanted and lists the headers found', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'dup.csv'), 'Titolo del documento\nMissione,Programma,Importo\n01,08,1000\n');
    await expectNothingWritten(
      root,
      ['dup.csv', '--comune', 'Abbiategrasso', '--period', '2025-2027'],
      2,
      'psttm: dup.csv: no header row names the objectives: expected a column "Obiettivo strategico", "Obiettivo operativo" or "Obiettivo"; headers found in row 2: "Missione", "Programma", "Importo"; name the columns with --columns title=<header>,missione=<header>,…\n',
    );
  });

  it('an unknown sheet lists the sheets', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root);
    await expectNothingWritten(root, [file, '--comune', 'Abbiategrasso', '--sheet', 'SeO'], 2, /dup-abbiategrasso\.xlsx has no sheet "SeO"; its sheets: "Note", "Foglio1"\n$/);
  });

  it('no period anywhere is a usage error', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'dup.csv'), 'Missione;Obiettivo\n01;Una città digitale\n');
    await expectNothingWritten(root, ['dup.csv', '--comune', 'Abbiategrasso'], 2, 'psttm: dup.csv states no period (as 2025-2027 in its name or its title rows); give it with --period YYYY-YYYY\n');
  });

  it('content errors are findings at their cell, in every format, exit 1', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root, (sheet) => {
      sheet.getRow(9).values = [null, 21, null, 'Fuori bilancio', '2.2', 'Qualcosa'];
      sheet.getRow(10).values = [null, 10, '3 - Trasporto pubblico', 'Mobilità sostenibile', '2.1', 'Di nuovo 2.1'];
      sheet.getRow(11).values = [null, 'Missione dieci', null, 'Mobilità sostenibile', '2.3', 'Bus'];
      sheet.getRow(12).values = [null, 10, '04.02', 'Mobilità sostenibile', '2.4', 'Treni'];
      sheet.getRow(13).values = [null, null, null, null, null, null, 'Solo un responsabile'];
    });
    // Columns padded as stylish pads them; compared with single spaces.
    const stylish = [
      'dup-abbiategrasso.xlsx!Foglio1',
      'R9C2 error 21 is not a budget missione (01-20, 50, 60, 99) SHEET_UNKNOWN_MISSIONE',
      'R10C5 error code 2.1 is already used in row 8; give each objective its own code SHEET_DUPLICATE_CODE',
      'R11C2 error "Missione dieci" is not a missione code; write it as 01 or "Missione 01 - …" SHEET_BAD_CODE',
      'R12C3 error programma 04.02 is not under missione 10; its first two digits must be 10 SHEET_PROGRAMMA_OUTSIDE_MISSIONE',
      'R13C4 error the row has data but no objective: fill in "Obiettivo Strategico" or "Obiettivo operativo", or empty the row SHEET_NO_TITLE',
    ];
    const before = snapshotTree(root);
    const result = await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').slice(0, 6).map((line) => line.replace(/\s+/g, ' ').trim())).toEqual(stylish);
    expect(result.stderr).toContain('psttm: nothing written: dup-abbiategrasso.xlsx has 5 errors (above); correct the spreadsheet and import it again\n');
    const json = await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso', '--format', 'json'], { cwd: root });
    expect(JSON.parse(json.stdout).findings[1]).toEqual({
      code: 'SHEET_DUPLICATE_CODE',
      severity: 'error',
      message: 'code 2.1 is already used in row 8; give each objective its own code',
      args: { code: '2.1', firstRow: 8 },
      file: 'dup-abbiategrasso.xlsx',
      sheet: 'Foglio1',
      line: 10,
      column: 5,
      endLine: 10,
      endColumn: 5,
      path: 'code',
    });
    const github = await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso', '--format', 'github', '--lang', 'it'], { cwd: root });
    expect(github.stdout.split('\n')[0]).toBe('::error file=dup-abbiategrasso.xlsx,line=9,col=2,title=psttm SHEET_UNKNOWN_MISSIONE::Foglio1!R9C2: 21 non è una missione di bilancio (01-20, 50, 60, 99)');
    const sarif = JSON.parse((await runInProcess(['import', 'dup', file, '--comune', 'Abbiategrasso', '--format', 'sarif'], { cwd: root })).stdout);
    expect(sarif.runs[0].results[0].locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'dup-abbiategrasso.xlsx' }, region: { startLine: 9, startColumn: 2, endLine: 9, endColumn: 2 } },
      logicalLocations: [{ name: 'Foglio1', kind: 'sheet' }],
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a CSV cell is located as file.csv:R3C1', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'dup.csv'), 'Missione;Obiettivo\n01;Una città digitale\n77;Altro\n');
    const result = await runInProcess(['import', 'dup', 'dup.csv', '--comune', 'Abbiategrasso', '--period', '2025-2027', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings).toMatchObject([{ code: 'SHEET_UNKNOWN_MISSIONE', file: 'dup.csv', sheet: '', line: 3, column: 1 }]);
  });

  it('a zip bomb .xlsx is one line, fast', async () => {
    const root = tempPlan();
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(200 * 1024 * 1024, 0x20));
    writeFileSync(path.join(root, 'bomb.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const started = Date.now();
    await expectNothingWritten(root, ['bomb.xlsx', '--comune', 'Abbiategrasso'], 2, /^psttm: using the plan in plan\/\npsttm: bomb\.xlsx expands to more than \d+ MiB when unzipped; it is no workbook psttm reads \(save it as \.xlsx or CSV and import that\)\n$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);
});

describe('psttm import dup: spawned', () => {
  it('imports a workbook, then exits 2 on a binary .xls', async () => {
    const root = tempPlan();
    const file = await messyWorkbook(root);
    const result = await runBinary(['import', 'dup', file, '--comune', 'Abbiategrasso', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: DUP_FILE, created: true, written: true, added: ['S1', '1.1', '1.2', 'S2', '2.1'] });
    writeFileSync(path.join(root, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const refused = await runBinary(['import', 'dup', 'old.xls', '--comune', 'Abbiategrasso'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('psttm: using the plan in plan/\npsttm: old.xls is an old binary Excel file (.xls); save it as .xlsx or CSV and import that\n');
  });
});
