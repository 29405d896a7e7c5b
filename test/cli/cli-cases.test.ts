import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/model/dates.ts';
import { repoRoot, runBinary, runInProcess, sourceDateEpoch, TEST_TODAY, type CliResult, type RunOptions } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/findings', name);

/**
 * A case runs on TEST_TODAY (in process the system clock's date, spawned SOURCE_DATE_EPOCH) unless
 * its env or --today sets another day.
 */
interface CliCase {
  name: string;
  argv: () => string[];
  /** Variables for this case; undefined removes one. */
  env?: RunOptions['env'];
  code: 0 | 1 | 2;
  /** `systemDays`: the days the system clock of the run may have shown (two around midnight). */
  check?: (result: CliResult, systemDays: readonly string[]) => void;
}

/** The exit-code contract: 0 clean (warnings and infos allowed), 1 failing findings, 2 the run failed. */
const cases: CliCase[] = [
  { name: '--version', argv: () => ['--version'], code: 0, check: (r) => expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/) },
  { name: '--help lists the commands', argv: () => ['--help'], code: 0, check: (r) => expect(r.stdout).toMatch(/validate[\s\S]*list[\s\S]*show[\s\S]*schema/) },
  {
    name: 'validate: the shipped plan is valid, with only the mission-6 info',
    argv: () => ['validate'],
    code: 0,
    check: (r) => {
      expect(r.stdout).toContain('OBJECTIVES_NOT_TRANSCRIBED');
      expect(r.stdout).toMatch(/✔ \d+ files checked: 0 errors, 0 warnings, \d+ infos/);
      expect(r.stderr).toBe('psttm: using the plan in plan/\n');
    },
  },
  { name: 'validate: errors exit 1', argv: () => ['validate', '--plan', tempPlan(fixture('numbering-gap'))], code: 1, check: (r) => expect(r.stdout).toContain('NUMBERING_GAP') },
  { name: 'validate: a warning alone exits 0', argv: () => ['validate', '--plan', tempPlan(fixture('no-actor-marked'))], code: 0 },
  {
    name: 'validate: warnings above --max-warnings exit 1',
    argv: () => ['validate', '--max-warnings', '0', '--plan', tempPlan(fixture('no-actor-marked'))],
    code: 1,
    check: (r) => expect(r.stderr).toContain('1 warnings exceed --max-warnings 0'),
  },
  {
    name: 'validate: a missing plan folder exits 2 with one line',
    argv: () => ['validate', '--plan', '/nonexistent/plan'],
    code: 2,
    check: (r) => expect(r.stderr).toBe('psttm: --plan /nonexistent/plan: no such folder; point --plan at the folder holding plan.yaml\n'),
  },
  {
    name: 'validate: an unreadable mission file (a dangling link) exits 2 naming it',
    argv: () => {
      const root = tempPlan();
      symlinkSync('m3-gone.yaml', path.join(root, 'plan/missions/m3-link.yaml'));
      return ['validate', '--plan', root];
    },
    code: 2,
    check: (r) => expect(r.stderr).toMatch(/^psttm: cannot read .*m3-link\.yaml: no such file or folder\n$/),
  },
  {
    name: 'validate: a mission "file" that is a folder is a finding',
    argv: () => {
      const root = tempPlan();
      mkdirSync(path.join(root, 'plan/missions/m3-folder.yaml'));
      return ['validate', '--plan', root];
    },
    code: 1,
    check: (r) => expect(r.stdout).toMatch(/m3-folder\.yaml\n +1:1 +error +the file is a folder, not a regular file; replace it with a regular file or remove it +FILE_NOT_REGULAR\n/),
  },
  { name: 'validate: an unknown format exits 2', argv: () => ['validate', '--format', 'stylsh'], code: 2, check: (r) => expect(r.stderr).toContain('did you mean stylish?') },
  { name: 'an unknown command exits 2', argv: () => ['valdate'], code: 2, check: (r) => expect(r.stderr).toContain("(Did you mean validate?)") },
  {
    name: 'list objectives --json: 70 objectives in plan order',
    argv: () => ['list', 'objectives', '--json'],
    code: 0,
    check: (r) => {
      const objectives = JSON.parse(r.stdout) as { id: string }[];
      expect(objectives).toHaveLength(70);
      expect(objectives[15]).toEqual({
        id: 'M2.1',
        mission: 'M2',
        number: 1,
        title: expect.stringMatching(/^Sviluppo di buone pratiche per il risparmio/),
        actors: { citta_metropolitana: true, comuni: true, corpi_intermedi: true },
      });
    },
  },
  {
    name: 'list objectives --mission 2 --actor citta_metropolitana: M2.2 is left out',
    argv: () => ['list', 'objectives', '--mission', '2', '--actor', 'citta_metropolitana', '--json'],
    code: 0,
    check: (r) => expect((JSON.parse(r.stdout) as { id: string }[]).map((o) => o.id)).toEqual(['M2.1', ...Array.from({ length: 15 }, (_, i) => `M2.${i + 3}`)]),
  },
  { name: 'list with an unknown actor exits 2', argv: () => ['list', 'objectives', '--actor', 'comune'], code: 2, check: (r) => expect(r.stderr).toContain('did you mean comuni?') },
  { name: 'list on an invalid plan exits 1', argv: () => ['list', 'missions', '--plan', tempPlan(fixture('duplicate-id'))], code: 1, check: (r) => expect(r.stderr).toContain('DUPLICATE_ID') },
  { name: 'show 2.12', argv: () => ['show', '2.12'], code: 0, check: (r) => expect(r.stdout).toMatch(/^M2\.12 {2}Contenimento del consumo di suolo/) },
  { name: 'show an unknown id exits 2', argv: () => ['show', 'M2.18'], code: 2, check: (r) => expect(r.stderr).toContain('no mission, objective or project with that id') },
  {
    name: 'list projects --json: id, title, status, lead and linked objectives',
    argv: () => ['list', 'projects', '--objective', '4.4', '--json'],
    code: 0,
    check: (r) =>
      expect(JSON.parse(r.stdout)).toEqual([
        { id: 'polihub', title: "PoliHub, l'incubatore del Politecnico di Milano", status: 'in_progress', lead: { kind: 'corpo_intermedio', name: 'Fondazione Politecnico di Milano' }, objectives: ['M1.8', 'M4.4'] },
        { id: 'reti-impresa', title: "Reti d'impresa, networking tra cluster produttivi", status: 'planned', lead: { kind: 'citta_metropolitana', name: expect.stringMatching(/^Città metropolitana di Milano/) }, objectives: ['M1.7', 'M4.4'] },
      ]),
  },
  { name: 'list projects --status planned', argv: () => ['list', 'projects', '--status', 'planned', '--json'], code: 0, check: (r) => expect((JSON.parse(r.stdout) as { id: string }[]).map((p) => p.id)).toEqual(['cross-innovation', 'prolungamento-m5-monza', 'registri-coworking-fablab', 'reti-impresa']) },
  { name: 'show a project with its sources', argv: () => ['show', 'fabriq'], code: 0, check: (r) => expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Startup sociali, culturali e ambientali sostenute: 80 startup \(2020-12-31, oltre 80, dal 2014 al 2020\); target none in the sources.*\[capitale-urbano\] Comune di Milano, Il Capitale Urbano/) },
  { name: 'schema mission prints the JSON Schema', argv: () => ['schema', 'mission'], code: 0, check: (r) => expect(JSON.parse(r.stdout).$id).toBe('urn:psttm:schema:mission') },
];

/** Every command and subcommand, and whether it takes --today (those that read the plan). */
const COMMANDS: readonly (readonly [command: string, takesToday: boolean])[] = [
  ['validate', true],
  ['list', true],
  ['show', true],
  ['link', true],
  ['unlink', true],
  ['dup', false],
  ['dup confirm', true],
  ['dup reject', true],
  ['dup review', true],
  ['new', false],
  ['new project', true],
  ['import', false],
  ['import dup', true],
  ['coverage', true],
  ['progress', true],
  ['why', true],
  ['diff', true],
  ['report', true],
  ['collect', false],
  ['collect forms', true],
  ['collect status', true],
  ['collect import', true],
  ['templates', false],
  ['templates export', false],
  ['schema', false],
  ['init', true],
];

/** The names under "Commands:" in a help text, without help itself. */
function listedCommands(help: string): string[] {
  const section = /\nCommands:\n([\s\S]*?)(\n\n|$)/.exec(help)?.[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
}

/** --help of the program and of every command: its usage, its subcommands, and --today where the command takes it. */
const helpCases: CliCase[] = [['', false] as const, ...COMMANDS].map(([command, takesToday]) => ({
  name: `${command === '' ? 'psttm' : command} --help${takesToday ? ' documents --today' : ''}`,
  argv: () => [...command.split(' ').filter(Boolean), '--help'],
  code: 0,
  check: (r) => {
    expect(r.stdout.startsWith(['Usage: psttm', command].filter(Boolean).join(' ') + ' ')).toBe(true);
    expect(r.stderr).toBe('');
    const prefix = command === '' ? '' : `${command} `;
    const subcommands = COMMANDS.map(([name]) => name).filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes(' ') && name !== command);
    expect(listedCommands(r.stdout)).toEqual(subcommands.map((name) => name.slice(prefix.length)));
    if (takesToday) expect(r.stdout).toMatch(/--today <date>\s+the\s+date\s+to\s+take\s+as\s+today\s+\(YYYY-MM-DD\)[\s\S]*\$SOURCE_DATE_EPOCH,\s+else\s+of\s+the\s+system\s+clock\)/);
    else expect(r.stdout).not.toContain('--today');
  },
}));

const asOf = (r: CliResult) => (JSON.parse(r.stdout) as { asOf: string }).asOf;
const BAD_EPOCH = (value: string) =>
  `psttm: SOURCE_DATE_EPOCH=${value}: expected whole seconds since 1970-01-01 UTC, up to 9999-12-31 (e.g. 1795348800); correct or unset the variable, or pass --today\n`;
/** Set by the new-project case's argv, read by its check. */
let newProjectRoot = '';

/** Today: --today, else SOURCE_DATE_EPOCH (its UTC date), else the system clock; and the commands that use it. */
const todayCases: CliCase[] = [
  { name: 'today: the test day by default', argv: () => ['coverage', '--json'], code: 0, check: (r) => expect(asOf(r)).toBe(TEST_TODAY) },
  { name: 'today: --today sets the default as-of date', argv: () => ['coverage', '--json', '--today', '2031-03-04'], code: 0, check: (r) => expect(asOf(r)).toBe('2031-03-04') },
  // 1904340600 is 2030-05-06T23:30:00Z, already 7 May in Kiritimati (UTC+14).
  { name: 'today: SOURCE_DATE_EPOCH gives its UTC date', argv: () => ['coverage', '--json'], env: { SOURCE_DATE_EPOCH: '1904340600', TZ: 'Pacific/Kiritimati' }, code: 0, check: (r) => expect(asOf(r)).toBe('2030-05-06') },
  // The small base plan: on the shipped one, 1970 makes every measured value an error (ACTUAL_IN_FUTURE).
  { name: 'today: SOURCE_DATE_EPOCH 0 is 1970-01-01', argv: () => ['coverage', '--json', '--plan', tempPlan()], env: { SOURCE_DATE_EPOCH: '0' }, code: 0, check: (r) => expect(asOf(r)).toBe('1970-01-01') },
  { name: 'today: SOURCE_DATE_EPOCH at the last second of 9999', argv: () => ['coverage', '--json', '--plan', tempPlan()], env: { SOURCE_DATE_EPOCH: '253402300799' }, code: 0, check: (r) => expect(asOf(r)).toBe('9999-12-31') },
  { name: 'today: --today wins over SOURCE_DATE_EPOCH', argv: () => ['coverage', '--json', '--today', '2031-03-04'], env: { SOURCE_DATE_EPOCH: sourceDateEpoch('2030-05-06') }, code: 0, check: (r) => expect(asOf(r)).toBe('2031-03-04') },
  { name: 'today: --as-of wins over --today', argv: () => ['coverage', '--json', '--as-of', '2027-01-01', '--today', '2031-03-04'], code: 0, check: (r) => expect(asOf(r)).toBe('2027-01-01') },
  { name: 'today: else the system clock', argv: () => ['coverage', '--json'], env: { SOURCE_DATE_EPOCH: undefined }, code: 0, check: (r, days) => expect(days).toContain(asOf(r)) },
  { name: 'today: an empty SOURCE_DATE_EPOCH counts as unset', argv: () => ['coverage', '--json'], env: { SOURCE_DATE_EPOCH: '' }, code: 0, check: (r, days) => expect(days).toContain(asOf(r)) },
  ...['abc', '-1', '1.5', '1e9', ' 1795348800', '253402300800'].map(
    (value): CliCase => ({ name: `today: SOURCE_DATE_EPOCH=${JSON.stringify(value)} exits 2 naming the variable`, argv: () => ['validate'], env: { SOURCE_DATE_EPOCH: value }, code: 2, check: (r) => expect(r.stderr).toBe(BAD_EPOCH(value)) }),
  ),
  { name: 'today: a bad SOURCE_DATE_EPOCH stops report before anything is written', argv: () => ['report', '--plan', tempPlan()], env: { SOURCE_DATE_EPOCH: 'abc' }, code: 2, check: (r) => expect(r.stderr).toBe(BAD_EPOCH('abc')) },
  { name: 'today: SOURCE_DATE_EPOCH is not read when --today is given', argv: () => ['coverage', '--json', '--today', '2031-03-04'], env: { SOURCE_DATE_EPOCH: 'abc' }, code: 0, check: (r) => expect(asOf(r)).toBe('2031-03-04') },
  { name: 'today: nor by a command that does not use today', argv: () => ['schema', 'plan'], env: { SOURCE_DATE_EPOCH: 'abc' }, code: 0 },
  { name: 'today: --today must be a day of the calendar', argv: () => ['validate', '--today', '2026-02-30'], code: 2, check: (r) => expect(r.stderr).toContain('2026-02-30 is not a day of the calendar') },
  {
    name: 'validate --today 2035-06-15: the shipped projects are stale',
    argv: () => ['validate', '--today', '2035-06-15'],
    code: 0,
    check: (r) => {
      expect(r.stdout).toContain('PROJECT_STALE');
      expect(r.stdout).toMatch(/✖ \d+ problems \(0 errors, [1-9]\d* warnings, \d+ infos\)/);
    },
  },
  { name: 'validate with SOURCE_DATE_EPOCH in 2035: likewise', argv: () => ['validate', '--json'], env: { SOURCE_DATE_EPOCH: sourceDateEpoch('2035-06-15') }, code: 0, check: (r) => expect(r.stdout).toContain('"PROJECT_STALE"') },
  { name: 'list --today: the checks of the plan run on that day', argv: () => ['list', 'projects', '--today', '2035-06-15'], code: 0, check: (r) => expect(r.stdout).toContain('polihub') },
  { name: 'show --today', argv: () => ['show', 'M2', '--today', '2035-06-15'], code: 0, check: (r) => expect(r.stdout).toMatch(/^M2 /) },
  { name: 'progress --today sets the as-of date', argv: () => ['progress', '--json', '--today', '2030-01-01'], code: 0, check: (r) => expect(asOf(r)).toBe('2030-01-01') },
  { name: 'why --today sets the as-of date', argv: () => ['why', 'M2', '--today', '2030-01-01'], code: 0, check: (r) => expect(r.stdout).toContain('As of 2030-01-01') },
  {
    name: 'report --today names the report after that day',
    argv: () => ['report', '--plan', tempPlan(), '--format', 'html', '--out', path.join(tempPlan(), 'out'), '--today', '2030-01-01', '--json'],
    code: 0,
    check: (r) => expect(JSON.parse(r.stdout)).toMatchObject({ asOf: '2030-01-01', files: [{ format: 'html', path: expect.stringMatching(/monitoraggio-2030-01-01\.html$/) }] }),
  },
  { name: 'link --today', argv: () => ['link', 'alpha-hub', 'M1.2', '--plan', tempPlan(), '--today', '2030-01-01'], code: 0 },
  { name: 'unlink --today', argv: () => ['unlink', 'alpha-hub', 'M1.1', '--plan', tempPlan(), '--today', '2030-01-01'], code: 0 },
  {
    name: 'new project: updated is today',
    argv: () => {
      newProjectRoot = tempPlan();
      return ['new', 'project', 'gamma-lab', '--title', 'Gamma', '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana di Milano', '--plan', newProjectRoot];
    },
    env: { SOURCE_DATE_EPOCH: sourceDateEpoch('2030-01-01') },
    code: 0,
    check: () => expect(readFileSync(path.join(newProjectRoot, 'plan/projects/gamma-lab.yaml'), 'utf8')).toMatch(/^updated: 2030-01-01$/m),
  },
  {
    name: 'templates export',
    argv: () => ['templates', 'export', path.join(tempPlan(), 'templates')],
    code: 0,
    check: (r) => expect(r.stderr).toBe(''),
  },
];

describe.each([
  ['in process', runInProcess, () => TEST_TODAY],
  ['spawned binary', runBinary, () => isoDate(new Date())],
])('CLI (%s)', (_mode, run, systemDay) => {
  it.each([...cases, ...helpCases, ...todayCases])('$name', async ({ argv, env, code, check }) => {
    const before = systemDay();
    const result = await run(argv(), { env });
    expect(result.code, result.stderr).toBe(code);
    check?.(result, [before, systemDay()]);
    if (code === 2) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

it("a usage error from commander with its own suggestion is one line on stderr, the line break joined", async () => {
  expect(await runInProcess(['coverage', '--lang', 'it'])).toEqual({ code: 2, stdout: '', stderr: "psttm: unknown option '--lang' (Did you mean --plan?) (see psttm --help)\n" });
});
