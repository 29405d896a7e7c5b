import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderSource } from '../../src/load/source/folder-source.ts';
import { openPlan } from '../../src/validate/open-plan.ts';
import { repoRoot, runBinary, runInProcess, TEST_TODAY, type CliResult } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const doneWhenFixture = path.join(repoRoot, 'test/fixtures/findings/schema-error-beside-rules');

/** A base plan with `files` (path under plan/ → YAML text) written over it. */
function planWith(files: Record<string, string>): string {
  const root = tempPlan();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'plan', name)), { recursive: true });
    writeFileSync(path.join(root, 'plan', name), text);
  }
  return root;
}

async function check(root: string) {
  const result = await openPlan(new FolderSource(path.join(root, 'plan'), root), { today: TEST_TODAY });
  return { ...result, found: result.findings.map((finding) => `${finding.file} ${finding.code}`) };
}

/** The base plan's project, with `extra` lines added and `lines` replacing those it names by key. */
function alphaHub(lines: Record<string, string> = {}, extra = ''): string {
  const base: Record<string, string> = {
    id: 'alpha-hub',
    title: 'Alpha Hub',
    status: 'in_progress',
    lead: '{ kind: citta_metropolitana, name: Città metropolitana di Milano }',
    territory: '{ scope: metropolitan }',
    objectives: '[{ id: M1.1 }]',
    sources: '[{ id: doc, title: Test fixture }]',
    updated: '2026-10-01',
  };
  return `${Object.entries({ ...base, ...lines })
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n${extra}`;
}

const MISSION_M2 = 'id: M2\ntitle: Beta\npnrr_mission: M2\ndescription: Seconda missione.\nsource: Test fixture\nthemes: [Tema]\nobjectives_status: transcribed\n';

describe('a misspelt key in one project and an unknown objective in another: both in one run', () => {
  const expected = [
    { code: 'SCHEMA_UNKNOWN_PROPERTY', file: 'plan/projects/alpha-hub.yaml', line: 5, column: 1 },
    { code: 'UNKNOWN_OBJECTIVE', file: 'plan/projects/beta-lab.yaml', line: 9, column: 9 },
  ];
  const findingsOf = (result: CliResult) => (JSON.parse(result.stdout) as { findings: { code: string; file: string; line: number; column: number }[] }).findings.map(({ code, file, line, column }) => ({ code, file, line, column }));

  it('in process', async () => {
    const result = await runInProcess(['validate', '--json'], { cwd: tempPlan(doneWhenFixture) });
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual(expected);
  });

  it('spawned', async () => {
    const result = await runBinary(['validate', '--json'], { cwd: tempPlan(doneWhenFixture) });
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual(expected);
  });

  it('returns the model of both projects beside the errors, without the misspelt key', async () => {
    const { model } = await check(tempPlan(doneWhenFixture));
    expect([...model!.projectById.keys()].sort()).toEqual(['alpha-hub', 'beta-lab']);
    expect(model!.projectById.get('alpha-hub')).not.toHaveProperty('sumary');
    expect(model!.projectById.get('alpha-hub')!.title).toBe('Alpha Hub');
  });

  it('commands that compute figures still refuse the plan, naming the first error', async () => {
    const result = await runInProcess(['list', 'projects'], { cwd: tempPlan(doneWhenFixture) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('psttm: the plan has 2 errors (first: plan/projects/alpha-hub.yaml:5:1 SCHEMA_UNKNOWN_PROPERTY); run psttm validate to see them all\n');
  });
});

describe('which rules run on a file with schema errors', () => {
  it('project, unknown key: usable, every rule runs on the rest', async () => {
    const { found, model } = await check(planWith({ 'projects/alpha-hub.yaml': alphaHub({ objectives: '[{ id: M1.9 }]', cup: 'BAD' }, 'sumary: Un progetto.\n') }));
    expect(found).toEqual(['plan/projects/alpha-hub.yaml UNKNOWN_OBJECTIVE', 'plan/projects/alpha-hub.yaml INVALID_CUP', 'plan/projects/alpha-hub.yaml SCHEMA_UNKNOWN_PROPERTY']);
    expect(model!.projectById.get('alpha-hub')!.cup).toBe('BAD');
  });

  it('project, an optional value of the wrong type: usable without it, the rules run on the rest', async () => {
    const { found, model } = await check(planWith({ 'projects/alpha-hub.yaml': alphaHub({ cup: '12345', objectives: '[{ id: M1.9 }]' }) }));
    // The number 12345 is taken out, so INVALID_CUP, which reads it, has nothing to judge.
    expect(found).toEqual(['plan/projects/alpha-hub.yaml UNKNOWN_OBJECTIVE', 'plan/projects/alpha-hub.yaml SCHEMA_WRONG_TYPE']);
    expect(model!.projectById.get('alpha-hub')).not.toHaveProperty('cup');
  });

  it('project, an item of its objectives malformed: the list is taken out, it is required, so the file is not usable', async () => {
    const { found, model } = await check(planWith({ 'projects/alpha-hub.yaml': alphaHub({ objectives: '[{ id: M1.9 }, M1.1]', cup: 'BAD' }) }));
    // Neither UNKNOWN_OBJECTIVE for M1.9 nor INVALID_CUP: rules never read a file whose required parts are wrong.
    expect(found).toEqual(['plan/projects/alpha-hub.yaml SCHEMA_WRONG_TYPE']);
    expect(model!.projects).toEqual([]);
  });

  it('project without an id: not usable, while the other projects are still checked', async () => {
    const { found } = await check(planWith({ 'projects/alpha-hub.yaml': alphaHub({ cup: 'BAD' }).replace('id: alpha-hub\n', ''), 'projects/beta-lab.yaml': alphaHub({ id: 'beta-lab', cup: 'BAD' }) }));
    expect(found).toEqual(['plan/projects/alpha-hub.yaml SCHEMA_MISSING_PROPERTY', 'plan/projects/beta-lab.yaml INVALID_CUP']);
  });

  it('mission, unknown key: usable, its plan rules run; links are not judged against a plan with errors, the other project rules are', async () => {
    const mission = `${MISSION_M2}temi: [Tema]\nobjectives:\n  - { id: M2.3, title: Obiettivo, actors: { citta_metropolitana: true, comuni: true, corpi_intermedi: true } }\n`;
    const { found, model } = await check(planWith({ 'missions/m2-beta.yaml': mission, 'projects/alpha-hub.yaml': alphaHub({ objectives: '[{ id: M1.9 }]', cup: 'BAD' }) }));
    // No UNKNOWN_OBJECTIVE for M1.9: with the plan's own files in error, a link's finding could be the plan's fault.
    expect(found).toEqual(['plan/missions/m2-beta.yaml SCHEMA_UNKNOWN_PROPERTY', 'plan/missions/m2-beta.yaml NUMBERING_GAP', 'plan/projects/alpha-hub.yaml INVALID_CUP']);
    expect(model!.missionById.get('M2')!.objectives.map((objective) => objective.id)).toEqual(['M2.3']);
  });

  it('mission whose objectives list is malformed: not usable, it defines no objectives and no mission', async () => {
    const { found, model } = await check(planWith({ 'missions/m2-beta.yaml': `${MISSION_M2}objectives: none\n`, 'projects/alpha-hub.yaml': alphaHub({ cup: 'BAD' }) }));
    expect(found).toEqual(['plan/missions/m2-beta.yaml SCHEMA_WRONG_TYPE', 'plan/projects/alpha-hub.yaml INVALID_CUP']);
    expect([...model!.missionById.keys()]).toEqual(['M1']);
  });

  it('plan.yaml, unknown key: usable, the model is built and the rules that read the plan run', async () => {
    const root = planWith({ 'projects/alpha-hub.yaml': alphaHub({ updated: '2024-01-01' }) });
    writeFileSync(path.join(root, 'plan/plan.yaml'), 'titolo: Piano\n', { flag: 'a' });
    const { found, model } = await check(root);
    expect(found).toEqual(['plan/plan.yaml SCHEMA_UNKNOWN_PROPERTY', 'plan/projects/alpha-hub.yaml PROJECT_STALE']);
    expect(model!.id).toBe('test-plan');
  });

  it('plan.yaml without its monitoring settings: no model, and the project rules that need none still run', async () => {
    const root = planWith({ 'projects/alpha-hub.yaml': alphaHub({ updated: '2024-01-01', cup: 'BAD' }) });
    const planFile = path.join(root, 'plan/plan.yaml');
    writeFileSync(planFile, readFileSync(planFile, 'utf8').replace(/^monitoring:[\s\S]*$/m, 'monitoring: soon\n'));
    const { found, model } = await check(root);
    // PROJECT_STALE is judged by the plan's update limit, which is not there to read.
    expect(found).toEqual(['plan/plan.yaml SCHEMA_WRONG_TYPE', 'plan/projects/alpha-hub.yaml INVALID_CUP']);
    expect(model).toBeUndefined();
  });

  it('consultation, unknown key: usable, its rules run and it is in the model', async () => {
    const consultation = 'id: workshop\nzone: Nord Milan\nmax_choices: 3\nvotes_status: not_available\nevent: Workshop\nluogo: Milano\nsource: { title: Test fixture }\n';
    const { found, model } = await check(planWith({ 'consultations/workshop.yaml': consultation }));
    expect(found).toEqual(['plan/consultations/workshop.yaml UNKNOWN_ZONE', 'plan/consultations/workshop.yaml CONSULTATION_WITHOUT_RESULTS', 'plan/consultations/workshop.yaml SCHEMA_UNKNOWN_PROPERTY']);
    expect(model!.consultations.map((item) => item.id)).toEqual(['workshop']);
  });
});
