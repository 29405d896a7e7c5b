import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const commented = path.join(repoRoot, 'test/fixtures/edit/commented');

/** Run in the temp plan's folder, so paths print relative to it, as a user there sees them. */
const runIn = (argv: string[], root: string) => runInProcess([...argv, '--plan', root], { cwd: root });

/** A temp plan whose alpha-hub.yaml has comments; returns the root and the file's path and bytes. */
function commentedPlan() {
  const root = tempPlan(commented);
  const file = path.join(root, 'plan/projects/alpha-hub.yaml');
  return { root, file, before: readFileSync(file, 'utf8') };
}

describe('psttm link', () => {
  it('appends the link, keeping every comment and every other byte', async () => {
    const { root, file, before } = commentedPlan();
    const result = await runIn(['link', 'alpha-hub', '1.2', '--note', 'secondo'], root);
    expect(result).toMatchObject({ code: 0, stdout: 'alpha-hub: now linked to M1.1, M1.2 (plan/projects/alpha-hub.yaml)\n' });
    expect(readFileSync(file, 'utf8')).toBe(before.replace('    note: primo\n', '    note: primo\n  - id: M1.2\n    note: secondo\n'));
  });

  it('writes with a warning when the lead works in no column the objective marks', async () => {
    const { root, file } = commentedPlan();
    const result = await runIn(['link', 'alpha-hub', 'M2.1'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/plan\/projects\/alpha-hub\.yaml:\d+:\d+: warning: M2\.1 is marked for Comuni, Corpi intermedi e altri attori.*\(LEAD_KIND_NOT_EXPECTED\)/);
    expect(parse(readFileSync(file, 'utf8')).objectives.map((link: { id: string }) => link.id)).toEqual(['M1.1', 'M2.1']);
  });

  it('refuses an edit that would break the file, showing why, and leaves it byte-identical', async () => {
    const { root, file, before } = commentedPlan();
    const result = await runIn(['link', 'alpha-hub', 'M1.2', '--weight', '0.5'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/alpha-hub\.yaml:13:3: error: 1 of 2 links have a weight; give a weight to every link or to none \(WEIGHT_SUM\)/);
    expect(result.stderr).toContain('nothing written');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('sets weights for all links at once, one --weight per objective', async () => {
    const { root, file } = commentedPlan();
    const result = await runIn(['link', 'alpha-hub', 'M1.1', 'M1.2', '--weight', '0.75', '--weight', '0.25'], root);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(file, 'utf8')).objectives).toEqual([
      { id: 'M1.1', weight: 0.75, note: 'primo' },
      { id: 'M1.2', weight: 0.25 },
    ]);
  });

  it.each([
    { objective: 'M1.3', message: 'M1.3 is not an objective of the plan; did you mean M1.1?' },
    { objective: 'M3.1', message: 'M3.1 is not an objective of the plan' },
  ])('refuses the unknown objective $objective with a suggestion and writes nothing', async ({ objective, message }) => {
    const { root, file, before } = commentedPlan();
    const result = await runIn(['link', 'alpha-hub', 'M1.2', objective], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses an unknown project with a suggestion', async () => {
    const result = await runIn(['link', 'alpha-hb', 'M1.2'], tempPlan());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('alpha-hb: no project with that id; did you mean alpha-hub?');
  });

  it('refuses a --weight outside (0, 1] as bad usage', async () => {
    const result = await runIn(['link', 'alpha-hub', 'M1.2', '--weight', '1.5'], tempPlan());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a number above 0 and at most 1');
  });

  it('reports nothing to change for an existing link and leaves the file alone', async () => {
    const { root, file, before } = commentedPlan();
    const result = await runIn(['link', 'alpha-hub', 'M1.1', '--json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ project: 'alpha-hub', file: 'plan/projects/alpha-hub.yaml', changed: false, objectives: ['M1.1'] });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('psttm unlink', () => {
  it('removes the link and its comment lines, leaving [] and the rest of the file as it was', async () => {
    const { root, file, before } = commentedPlan();
    const result = await runIn(['unlink', 'alpha-hub', 'M1.1'], root);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before.replace('objectives:\n  # the first objective\n  - id: M1.1 # why: test\n    note: primo\n', 'objectives: []\n'));
  });

  it('refuses an objective the project does not link to, naming its links', async () => {
    const { root, file, before } = commentedPlan();
    const result = await runIn(['unlink', 'alpha-hub', 'M2.1'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('alpha-hub does not link to M2.1; its links: M1.1');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('psttm new project', () => {
  const args = ['new', 'project', 'parco-beta', '--title', 'Parco Beta', '--lead-kind', 'comune', '--lead', 'Comune di Sesto San Giovanni', '--objective', '2.1'];

  it('creates a file the plan validates, resolving the comune and its territory', async () => {
    const root = tempPlan();
    const result = await runIn([...args, '--start', '2025-03-01'], root);
    expect(result).toMatchObject({ code: 0, stdout: 'plan/projects/parco-beta.yaml\n' });
    const data = parse(readFileSync(path.join(root, 'plan/projects/parco-beta.yaml'), 'utf8'));
    expect(data).toEqual({
      id: 'parco-beta',
      title: 'Parco Beta',
      status: 'planned',
      lead: { kind: 'comune', name: 'Comune di Sesto San Giovanni', istat: '015209' },
      territory: { scope: 'comuni', comuni: ['015209'] },
      period: { start: '2025-03-01' },
      objectives: [{ id: 'M2.1' }],
      sources: [],
      updated: '2026-11-22',
    });
    expect((await runIn(['validate'], root)).code).toBe(0);
  });

  it('creates projects/ for the first project of a plan that has none, and leaves no folder when it writes nothing', async () => {
    const root = tempPlan();
    rmSync(path.join(root, 'plan/projects'), { recursive: true });
    expect((await runIn([...args, '--cup', 'B41B2100'], root)).code).toBe(1);
    expect(existsSync(path.join(root, 'plan/projects'))).toBe(false);
    expect(await runIn(args, root)).toMatchObject({ code: 0, stdout: 'plan/projects/parco-beta.yaml\n' });
    expect((await runIn(['validate'], root)).code).toBe(0);
  });

  it('refuses to overwrite without --force', async () => {
    const root = tempPlan();
    await runIn([...args], root);
    const again = await runIn([...args, '--title', 'Altro'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('plan/projects/parco-beta.yaml already exists; pass --force to overwrite');
    expect(parse(readFileSync(path.join(root, 'plan/projects/parco-beta.yaml'), 'utf8')).title).toBe('Parco Beta');
    expect((await runIn([...args, '--title', 'Altro', '--force'], root)).code).toBe(0);
  });

  it('writes nothing when the new file would not be valid', async () => {
    const root = tempPlan();
    // A date that is not a date is refused as an argument (exit 2); a malformed CUP is a finding of the file.
    const result = await runIn([...args, '--cup', 'B41B2100'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/parco-beta\.yaml:\d+:\d+: error: "B41B2100" is not a CUP.*INVALID_CUP/);
    expect(existsSync(path.join(root, 'plan/projects/parco-beta.yaml'))).toBe(false);
  });

  it.each(['../escape', 'Parco Beta', 'x/y'])('refuses the id %j before building any path', async (id) => {
    const root = tempPlan();
    const result = await runIn(['new', 'project', id, '--title', 'T', '--lead-kind', 'corpo_intermedio', '--lead', 'X'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a project id is kebab-case');
  });

  it('suggests the comune meant by a misspelt lead', async () => {
    const result = await runIn(['new', 'project', 'x', '--title', 'T', '--lead-kind', 'comune', '--lead', 'Sesto San Giovani'], tempPlan());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean Sesto San Giovanni?');
  });
});

describe('the spawned binary', () => {
  it('creates, links and unlinks, and the plan stays valid', async () => {
    const root = tempPlan();
    const steps = [
      ['new', 'project', 'gamma', '--title', 'Gamma', '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana di Milano', '--plan', root],
      ['link', 'gamma', 'M1.1', 'M1.2', '--plan', root],
      ['unlink', 'gamma', 'M1.1', '--plan', root],
      ['validate', '--plan', root],
    ];
    for (const argv of steps) expect((await runBinary(argv)).code, argv.join(' ')).toBe(0);
    expect(parse(readFileSync(path.join(root, 'plan/projects/gamma.yaml'), 'utf8')).objectives).toEqual([{ id: 'M1.2' }]);
  });
});
