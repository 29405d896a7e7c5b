import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

type Runner = (argv: readonly string[], options: { cwd: string }) => Promise<CliResult>;
const RUNNERS: [string, Runner][] = [
  ['in process', runInProcess],
  ['spawned', runBinary],
];

const shippedCopies: string[] = [];
afterEach(() => {
  for (const dir of shippedCopies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped plan (its mission 6 has no transcribed objectives) in a temporary folder. */
function shippedPlan(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'psttm-contracts-'));
  shippedCopies.push(root);
  cpSync(path.join(repoRoot, 'plan'), path.join(root, 'plan'), { recursive: true });
  return root;
}

interface ContractCase {
  name: string;
  /** The plan folder to run in (default: the small base plan). */
  plan?: () => string;
  /** Arguments; `--plan` is added for commands that read a plan. */
  argv: (root: string) => string[];
  code: 0 | 2;
  /** The whole of stderr. */
  stderr: string | ((root: string) => string);
}

const weightError = (value: string) => `psttm: option '--weight <w>' argument '${value}' is invalid. expected a number above 0 and at most 1, e.g. 0.5 (see psttm --help)\n`;
const emptyError = (option: string) => `psttm: option '${option}' argument '' is invalid. expected a value, not an empty text (see psttm --help)\n`;
const dateError = (value: string, reason: string) => `psttm: option '--as-of <date>' argument '${value}' is invalid. expected a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31; ${value} ${reason} (see psttm --help)\n`;
const yearError = (value: string) => `psttm: option '--year <yyyy>' argument '${value}' is invalid. expected a year as YYYY from 1901 to 9999, e.g. 2025 (see psttm --help)\n`;
const projectStatuses = 'idea, planned, in_progress, completed, suspended, cancelled';
const mission6 = 'M6.1: mission M6 "Salute" has no objectives yet (its table is missing from the source), so nothing can link to it';

/** Every case is refused before anything is written: exit 2 and one line naming the argument and what is expected. */
const refusals: ContractCase[] = [
  ...(
    [
      ['./a.json', () => './a.json'],
      ['plan/../a.json', () => 'plan/../a.json'],
      ['an absolute path', (root) => path.join(root, 'a.json')],
    ] as [string, (root: string) => string][]
  ).map(
    ([name, spell]): ContractCase => ({
      name: `validate: two formats into one file (${name})`,
      argv: (root) => ['validate', '--plan', root, '--format', 'json=a.json', '--format', `sarif=${spell(root)}`],
      code: 2,
      stderr: (root) => `psttm: --format sarif=${spell(root)}: a.json is also the file of --format json=a.json; write each format to its own file\n`,
    }),
  ),
  {
    name: 'validate: a format written over the plan file is refused without --force',
    argv: (root) => ['validate', '--plan', root, '--format', 'json=plan/plan.yaml'],
    code: 2,
    stderr: 'psttm: plan/plan.yaml already exists; pass --force to overwrite, or choose another path\n',
  },
  {
    name: 'validate: a format file below a file',
    argv: (root) => ['validate', '--plan', root, '--format', 'json=plan/plan.yaml/a.json'],
    code: 2,
    stderr: 'psttm: --format json=plan/plan.yaml/a.json: plan/plan.yaml is a file, not a folder; name a folder to write into\n',
  },
  { name: 'report --out a file', argv: (root) => ['report', '--plan', root, '--out', 'plan/plan.yaml'], code: 2, stderr: 'psttm: --out plan/plan.yaml: plan/plan.yaml is a file, not a folder; name a folder to write into\n' },
  { name: 'templates export below a file', argv: () => ['templates', 'export', 'plan/plan.yaml/t'], code: 2, stderr: 'psttm: templates export plan/plan.yaml/t: plan/plan.yaml is a file, not a folder; name a folder to write into\n' },
  { name: 'init below a file', argv: () => ['init', 'plan/plan.yaml/t'], code: 2, stderr: 'psttm: init plan/plan.yaml/t: plan/plan.yaml is a file, not a folder; name a folder to write into\n' },
  {
    name: 'list projects --status bogus',
    argv: (root) => ['list', 'projects', '--plan', root, '--status', 'bogus'],
    code: 2,
    stderr: `psttm: option '--status <status,...>' argument 'bogus' is invalid. unknown status bogus (one or more of, comma-separated: ${projectStatuses}) (see psttm --help)\n`,
  },
  {
    name: 'list projects --status with a typo suggests the status',
    argv: (root) => ['list', 'projects', '--plan', root, '--status', 'planned,in_progres'],
    code: 2,
    stderr: `psttm: option '--status <status,...>' argument 'planned,in_progres' is invalid. unknown status in_progres; did you mean in_progress? (one or more of, comma-separated: ${projectStatuses}) (see psttm --help)\n`,
  },
  {
    name: 'progress --status with a typo, through the same parser',
    argv: (root) => ['progress', '--plan', root, '--status', 'at_rsk'],
    code: 2,
    stderr: `psttm: option '--status <status,...>' argument 'at_rsk' is invalid. unknown status at_rsk; did you mean at_risk? (one or more of, comma-separated: achieved, on_track, at_risk, off_track, insufficient_data, stale, no_data) (see psttm --help)\n`,
  },
  {
    name: 'new project --objective M6.1 is refused as link refuses it',
    plan: shippedPlan,
    argv: (root) => ['new', 'project', 'nuovo', '--plan', root, '--title', 'Nuovo', '--lead-kind', 'citta_metropolitana', '--lead', 'CMM', '--objective', 'M6.1'],
    code: 2,
    stderr: `psttm: ${mission6}\n`,
  },
  { name: 'link to M6.1', plan: shippedPlan, argv: (root) => ['link', 'polihub', '6.1', '--plan', root], code: 2, stderr: `psttm: ${mission6}\n` },
  {
    name: 'list projects --objective M6.1',
    plan: shippedPlan,
    argv: (root) => ['list', 'projects', '--plan', root, '--objective', 'M6.1'],
    code: 2,
    stderr: `psttm: ${mission6}\n`,
  },
  {
    name: 'new project --objective with a typo suggests the objective',
    argv: (root) => ['new', 'project', 'nuovo', '--plan', root, '--title', 'Nuovo', '--lead-kind', 'citta_metropolitana', '--lead', 'CMM', '--objective', '1.11'],
    code: 2,
    stderr: 'psttm: M1.11 is not an objective of the plan; did you mean M1.1? (psttm list objectives shows them all)\n',
  },
  ...['0999', '1000', '1900', '10000', '-2025', '2025.5'].map((year): ContractCase => ({ name: `report --year ${year}`, argv: (root) => ['report', '--plan', root, '--year', year], code: 2, stderr: yearError(year) })),
  { name: 'report --as-of 0000-01-01', argv: (root) => ['report', '--plan', root, '--as-of', '0000-01-01'], code: 2, stderr: dateError('0000-01-01', 'is outside that range') },
  { name: 'report --as-of 1899-12-31', argv: (root) => ['report', '--plan', root, '--as-of', '1899-12-31'], code: 2, stderr: dateError('1899-12-31', 'is outside that range') },
  { name: 'coverage --as-of 2025-02-29', argv: (root) => ['coverage', '--plan', root, '--as-of', '2025-02-29'], code: 2, stderr: dateError('2025-02-29', 'is not a day of the calendar') },
  {
    name: 'progress --as-of +2025-01-01',
    argv: (root) => ['progress', '--plan', root, '--as-of', '+2025-01-01'],
    code: 2,
    stderr: "psttm: option '--as-of <date>' argument '+2025-01-01' is invalid. expected a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, e.g. 2025-12-31 (see psttm --help)\n",
  },
  ...['99999999999999999999', '1e400', '-1', '0x10', ''].map(
    (value): ContractCase => ({
      name: `validate --max-warnings ${JSON.stringify(value)}`,
      argv: (root) => ['validate', '--plan', root, '--max-warnings', value],
      code: 2,
      stderr: `psttm: option '--max-warnings <n>' argument '${value}' is invalid. expected a whole number from 0 to 9007199254740991 (see psttm --help)\n`,
    }),
  ),
  ...['1e999', '0x10', '', '-5', '100.5', 'Infinity'].map(
    (value): ContractCase => ({
      name: `coverage --fail-under ${JSON.stringify(value)}`,
      argv: (root) => ['coverage', '--plan', root, '--fail-under', value],
      code: 2,
      stderr: `psttm: option '--fail-under <pct>' argument '${value}' is invalid. expected a percentage from 0 to 100, e.g. 60 (see psttm --help)\n`,
    }),
  ),
  ...['1e-320', '0.0', 'Infinity', 'NaN', '0x1', '', '1.5', '-0.5'].map((value): ContractCase => ({ name: `link --weight ${JSON.stringify(value)}`, argv: (root) => ['link', 'alpha-hub', 'M1.1', '--plan', root, '--weight', value], code: 2, stderr: weightError(value) })),
  ...['0', '7', '99999999999999999999', 'M-1'].map(
    (mission): ContractCase => ({
      name: `list objectives --mission ${mission}`,
      argv: (root) => ['list', 'objectives', '--plan', root, '--mission', mission],
      code: 2,
      stderr: `psttm: --mission ${mission}: no such mission; the plan has M1, M2\n`,
    }),
  ),
  { name: 'progress --mission 99999999999999999999', argv: (root) => ['progress', '--plan', root, '--mission', '99999999999999999999'], code: 2, stderr: 'psttm: --mission 99999999999999999999: no such mission; the plan has M1, M2\n' },
  { name: 'report --lang xx', argv: (root) => ['report', '--plan', root, '--lang', 'xx'], code: 2, stderr: "psttm: option '--lang <language>' argument 'xx' is invalid. Allowed choices are it, en. (see psttm --help)\n" },
  { name: "report --out ''", argv: (root) => ['report', '--plan', root, '--out', ''], code: 2, stderr: emptyError('--out <dir>') },
  { name: "report --title ' '", argv: (root) => ['report', '--plan', root, '--title', ' '], code: 2, stderr: emptyError('--title <text>').replace("argument ''", "argument ' '") },
  { name: "report --templates ''", argv: (root) => ['report', '--plan', root, '--templates', ''], code: 2, stderr: emptyError('--templates <dir>') },
  { name: "report --chromium ''", argv: (root) => ['report', '--plan', root, '--format', 'pdf', '--chromium', ''], code: 2, stderr: emptyError('--chromium <path>') },
  { name: "validate --plan ''", argv: () => ['validate', '--plan', ''], code: 2, stderr: emptyError('--plan <dir>') },
  { name: "templates export ''", argv: () => ['templates', 'export', ''], code: 2, stderr: "psttm: command-argument value '' is invalid for argument 'dir'. expected a value, not an empty text (see psttm --help)\n" },
  { name: "init ''", argv: () => ['init', ''], code: 2, stderr: "psttm: command-argument value '' is invalid for argument 'dir'. expected a value, not an empty text (see psttm --help)\n" },
  { name: "show ''", argv: (root) => ['show', '', '--plan', root], code: 2, stderr: "psttm: command-argument value '' is invalid for argument 'id'. expected a value, not an empty text (see psttm --help)\n" },
  { name: "link --note ''", argv: (root) => ['link', 'alpha-hub', 'M1.1', '--plan', root, '--note', ''], code: 2, stderr: emptyError('--note <text>') },
  {
    name: "new project --title ''",
    argv: (root) => ['new', 'project', 'nuovo', '--plan', root, '--title', '', '--lead-kind', 'citta_metropolitana', '--lead', 'CMM'],
    code: 2,
    stderr: emptyError('--title <text>'),
  },
  {
    name: 'new project --start 2025-13-01',
    argv: (root) => ['new', 'project', 'nuovo', '--plan', root, '--title', 'Nuovo', '--lead-kind', 'citta_metropolitana', '--lead', 'CMM', '--start', '2025-13-01'],
    code: 2,
    stderr: "psttm: option '--start <date>' argument '2025-13-01' is invalid. expected a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31; 2025-13-01 is not a day of the calendar (see psttm --help)\n",
  },
  {
    name: 'new project ../escape',
    argv: (root) => ['new', 'project', '../escape', '--plan', root, '--title', 'T', '--lead-kind', 'citta_metropolitana', '--lead', 'CMM'],
    code: 2,
    stderr: 'psttm: ../escape: a project id is kebab-case letters and digits (e.g. parco-nord-ciclabile)\n',
  },
  { name: 'show ../../etc/passwd', argv: (root) => ['show', '../../etc/passwd', '--plan', root], code: 2, stderr: 'psttm: ../../etc/passwd: no mission, objective or project with that id\n' },
  {
    name: 'link ../alpha-hub',
    argv: (root) => ['link', '../alpha-hub', 'M1.1', '--plan', root],
    code: 2,
    stderr: 'psttm: ../alpha-hub: no project with that id; did you mean alpha-hub? (psttm list projects shows them all)\n',
  },
  { name: 'why with odd Unicode', argv: (root) => ['why', 'ａｌｐｈａ-hub\u0301🚲', '--plan', root], code: 2, stderr: 'psttm: ａｌｐｈａ-hub\u0301🚲: no mission, objective, project or indicator with that id\n' },
  {
    name: "report --format ''",
    argv: (root) => ['report', '--plan', root, '--format', 'html', '--format', ''],
    code: 2,
    stderr: "psttm: option '--format <format>' argument '' is invalid. unknown report format \"\" (one or more of, comma-separated: xlsx, html, pdf) (see psttm --help)\n",
  },
];

describe.each(RUNNERS)('contract breaks and odd arguments (%s)', (_runner, run) => {
  it.each(refusals)('$name', async (contract) => {
    const root = (contract.plan ?? tempPlan)();
    const before = snapshotTree(root);
    const result = await run(contract.argv(root), { cwd: root });
    expect(result.stderr).toBe(typeof contract.stderr === 'string' ? contract.stderr : contract.stderr(root));
    expect(result.code).toBe(contract.code);
    expect(result.stdout).toBe('');
    // Nothing written, changed or left behind.
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('the edges of the accepted dates work end to end', () => {
  async function workbookCreated(file: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook.created.toISOString().slice(0, 10);
  }

  it.each([
    [['--year', '1901'], '1901-12-31'],
    [['--year', '9999'], '9999-12-31'],
    [['--as-of', '1900-01-01'], '1900-01-01'],
    [['--as-of', '9999-12-31'], '9999-12-31'],
  ])('report %j writes both formats as of %s', async (dateArgs, asOf) => {
    const root = tempPlan();
    const result = await runInProcess(['report', '--plan', root, '--format', 'html,xlsx', '--out', 'out', ...dateArgs], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`out/monitoraggio-${asOf}.xlsx\nout/monitoraggio-${asOf}.html\n`);
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['.psttm-reports.json', `monitoraggio-${asOf}.html`, `monitoraggio-${asOf}.xlsx`]);
    expect(await workbookCreated(path.join(root, 'out', `monitoraggio-${asOf}.xlsx`))).toBe(asOf);
    expect(readFileSync(path.join(root, 'out', `monitoraggio-${asOf}.html`), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('the spawned binary reports on the last accepted year', async () => {
    const root = tempPlan();
    const result = await runBinary(['report', '--plan', root, '--year', '9999', '--out', 'out', '--format', 'xlsx'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: 'out/monitoraggio-9999-12-31.xlsx\n', stderr: '' });
  });

  it('accepts the largest --max-warnings and a 100 % --fail-under', async () => {
    const root = tempPlan();
    expect(await runInProcess(['validate', '--plan', root, '--max-warnings', String(Number.MAX_SAFE_INTEGER)], { cwd: root })).toMatchObject({ code: 0, stderr: '' });
    expect(await runInProcess(['coverage', '--plan', root, '--fail-under', '100%', '--as-of', '2026-01-01'], { cwd: root })).toMatchObject({
      code: 1,
      stderr: 'psttm: objective coverage 33.3% is below --fail-under 100%\n',
    });
  });

  it('new project links an objective named twice (M1.1 and 1.1) once', async () => {
    const root = tempPlan();
    const args = ['new', 'project', 'nuovo', '--plan', root, '--title', 'Nuovo', '--lead-kind', 'citta_metropolitana', '--lead', 'CMM', '--objective', 'M1.1', '--objective', '1.1'];
    expect(await runInProcess(args, { cwd: root })).toEqual({ code: 0, stdout: 'plan/projects/nuovo.yaml\n', stderr: '' });
    expect(readFileSync(path.join(root, 'plan/projects/nuovo.yaml'), 'utf8')).toContain('objectives:\n  - id: M1.1\nsources: []\n');
  });

  it('takes a 1 MB title into the HTML report', async () => {
    const root = tempPlan();
    const title = 'Relazione '.repeat(100_000);
    const result = await runInProcess(['report', '--plan', root, '--format', 'html', '--out', 'out', '--as-of', '2026-01-01', '--title', title], { cwd: root });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(root, 'out/monitoraggio-2026-01-01.html'), 'utf8')).toContain(title.trim());
  });
});

describe.each(RUNNERS)('schema messages name what is actually wrong (%s)', (_runner, run) => {
  it('non-finite numbers, wrong types, empty values, lists for maps, fractions for whole numbers, forbidden keys', async () => {
    const root = tempPlan();
    writeFileSync(
      path.join(root, 'plan/projects/alpha-hub.yaml'),
      [
        'id: alpha-hub',
        'title:',
        'summary: 12',
        'status: in_progress',
        'lead: [citta_metropolitana]',
        'territory: { scope: metropolitan }',
        'objectives: [{ id: M1.1, weight: .nan }]',
        'indicators:',
        '  - { id: imprese, name: "", unit: n, kind: quantitative, direction: increase, baseline: { value: .inf, date: 2020-01-01 }, targets: [{ value: -.inf, date: 2027-12-31 }], actuals: {} }',
        'sources: []',
        'updated: 2026-10-01',
        '',
      ].join('\n'),
    );
    mkdirSync(path.join(root, 'plan/consultations'));
    writeFileSync(
      path.join(root, 'plan/consultations/workshop.yaml'),
      ['id: workshop', 'zone: Nord Milano', 'max_choices: 2.5', 'votes_status: not_available', 'votes: []', 'event: Workshop', 'source: { title: Test }', ''].join('\n'),
    );
    const result = await run(['validate', '--plan', root, '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { file: string; line: number; column: number; code: string; message: string }[] }).findings;
    expect(findings.map(({ file, line, column, code, message }) => `${path.basename(file)}:${line}:${column} ${code} ${message}`)).toEqual([
      'workshop.yaml:3:14 SCHEMA_WRONG_TYPE max_choices: must be a whole number, not 2.5',
      'workshop.yaml:5:1 SCHEMA_VIOLATION votes: must not be given here (votes_status not_available: the source gives no votes, so none are listed)',
      'alpha-hub.yaml:2:1 SCHEMA_WRONG_TYPE title: must be a string, not empty (null)',
      'alpha-hub.yaml:3:10 SCHEMA_WRONG_TYPE summary: must be a string, not a number (12); put it in quotes to keep 12 as a string',
      'alpha-hub.yaml:5:7 SCHEMA_WRONG_TYPE lead: must be a mapping, not a list',
      'alpha-hub.yaml:7:34 SCHEMA_WRONG_TYPE objectives[0].weight: must be a finite number, not .nan',
      'alpha-hub.yaml:9:26 SCHEMA_VIOLATION indicators[0].name: must not be empty (What is measured.)',
      'alpha-hub.yaml:9:99 SCHEMA_WRONG_TYPE indicators[0].baseline.value: must be a finite number, not .inf',
      'alpha-hub.yaml:9:144 SCHEMA_WRONG_TYPE indicators[0].targets[0].value: must be a finite number, not -.inf',
      'alpha-hub.yaml:9:181 SCHEMA_WRONG_TYPE indicators[0].actuals: must be a list, not a mapping',
    ]);
  });
});
