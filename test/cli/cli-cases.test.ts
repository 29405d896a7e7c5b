import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/findings', name);

interface CliCase {
  name: string;
  argv: () => string[];
  code: 0 | 1 | 2;
  check?: (result: CliResult) => void;
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
  { name: 'show a project with its sources', argv: () => ['show', 'fabriq'], code: 0, check: (r) => expect(r.stdout).toMatch(/Startup sociali, culturali e ambientali sostenute: 80 startup \(2020-12-31, oltre 80, dal 2014 al 2020\); target none in the sources[\s\S]*\[capitale-urbano\] Comune di Milano, Il Capitale Urbano/) },
  { name: 'schema mission prints the JSON Schema', argv: () => ['schema', 'mission'], code: 0, check: (r) => expect(JSON.parse(r.stdout).$id).toBe('urn:psttm:schema:mission') },
];

describe.each([
  ['in process', runInProcess],
  ['spawned binary', runBinary],
])('CLI (%s)', (_mode, run) => {
  it.each(cases)('$name', async ({ argv, code, check }) => {
    const result = await run(argv());
    expect(result.code, result.stderr).toBe(code);
    check?.(result);
    if (code === 2) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
