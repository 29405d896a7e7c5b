import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../helpers/git-repository.ts';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempFolder } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';


const VERSION = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const SCHEMAS = ['consultation', 'dup', 'mission', 'plan', 'project'].map((schema) => `schemas/${schema}.schema.json`);
const REPOSITORY_FILES = ['README.md', '.github/workflows/psttm.yml', '.gitlab-ci.yml', '.vscode/settings.json'];

/** The files of the shipped plan, relative to the repository (as `plan/...`). */
function shippedPlanFiles(): string[] {
  return Object.entries(snapshotTree(path.join(repoRoot, 'plan')))
    .filter(([, kind]) => kind.startsWith('file'))
    .map(([relative]) => `plan/${relative}`);
}

describe('psttm init', () => {
  it('writes the shipped plan, its schemas and the repository files, printing their paths', async () => {
    const cwd = tempFolder();
    const result = await runInProcess(['init', 'piano'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = [...shippedPlanFiles(), ...SCHEMAS, ...REPOSITORY_FILES];
    expect(result.stdout).toBe(expected.map((file) => `piano/${file}\n`).join(''));
    // The plan and the schemas are copied byte for byte.
    for (const file of [...shippedPlanFiles(), ...SCHEMAS]) expect(readFileSync(path.join(cwd, 'piano', file)).equals(readFileSync(path.join(repoRoot, file))), file).toBe(true);
  });

  it('pins this version of psttm and writes the plan’s coverage, floored, as the ratchet of both CI files and the README', async () => {
    const cwd = tempFolder();
    expect((await runInProcess(['init', '--today', '2026-11-22'], { cwd })).code).toBe(0);
    // 13 of the 70 objectives have a project: 18.57 %, floored to 18.
    const workflow = readFileSync(path.join(cwd, '.github/workflows/psttm.yml'), 'utf8');
    const gitlab = readFileSync(path.join(cwd, '.gitlab-ci.yml'), 'utf8');
    const readme = readFileSync(path.join(cwd, 'README.md'), 'utf8');
    for (const text of [workflow, gitlab, readme]) {
      expect(text).toContain(`npm install --global psttm@${VERSION}\n`);
      expect(text).toContain('psttm coverage --fail-under 18');
      expect(text).not.toMatch(/@[A-Z_]+@/);
    }
    expect(readme).toContain('Il piano di partenza è il PSTTM 2025-2027');
  });

  it('maps every schema to the files of its kind for the YAML language server', async () => {
    const cwd = tempFolder();
    await runInProcess(['init'], { cwd });
    expect(JSON.parse(readFileSync(path.join(cwd, '.vscode/settings.json'), 'utf8'))).toEqual({
      'yaml.schemas': {
        './schemas/plan.schema.json': ['plan/plan.yaml'],
        './schemas/mission.schema.json': ['plan/missions/*.yaml', 'plan/missions/*.yml'],
        './schemas/project.schema.json': ['plan/projects/*.yaml', 'plan/projects/*.yml'],
        './schemas/consultation.schema.json': ['plan/consultations/*.yaml', 'plan/consultations/*.yml'],
        './schemas/dup.schema.json': ['plan/dup/*.yaml', 'plan/dup/*.yml'],
      },
    });
  });

  it('--empty writes a skeleton of one mission and one objective that validates with no error and no warning', async () => {
    const cwd = tempFolder();
    const result = await runInProcess(['init', '--empty', '--json'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ files: ['plan/missions/m1-prima-missione.yaml', 'plan/plan.yaml', ...SCHEMAS, ...REPOSITORY_FILES] });
    const mission = parse(readFileSync(path.join(cwd, 'plan/missions/m1-prima-missione.yaml'), 'utf8')) as { objectives: { id: string }[] };
    expect(mission.objectives.map((objective) => objective.id)).toEqual(['M1.1']);
    const validate = await runInProcess(['validate', '--plan', cwd, '--json', '--today', '2026-11-22'], { cwd });
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ filesChecked: 2, summary: { errors: 0, warnings: 0, infos: 0 } });
    // No objective has a project yet: the ratchet starts at 0.
    expect(readFileSync(path.join(cwd, '.github/workflows/psttm.yml'), 'utf8')).toContain('psttm coverage --fail-under 0\n');
    expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toContain('non trova né errori né avvisi');
  });

  it('refuses a folder that is not empty without --force, writing nothing', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'appunti.txt'), 'mie note\n');
    const before = snapshotTree(cwd);
    const result = await runInProcess(['init', '.'], { cwd });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `psttm: ${cwd} is not empty; choose an empty folder, or pass --force to write psttm's files into it (the files of the same name are replaced, no other file is touched)\n`,
    });
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('takes a folder holding only .git (a repository just made) as empty', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, '.git'));
    expect((await runInProcess(['init'], { cwd })).code).toBe(0);
  });

  it('--force replaces the files init writes and keeps every other file', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, 'plan/projects'), { recursive: true });
    writeFileSync(path.join(cwd, 'appunti.txt'), 'mie note\n');
    writeFileSync(path.join(cwd, 'plan/projects/mio-progetto.yaml'), 'id: mio-progetto\n');
    writeFileSync(path.join(cwd, 'README.md'), 'il mio README\n');
    const result = await runInProcess(['init', '--empty', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'appunti.txt'), 'utf8')).toBe('mie note\n');
    expect(readFileSync(path.join(cwd, 'plan/projects/mio-progetto.yaml'), 'utf8')).toBe('id: mio-progetto\n');
    expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toMatch(/^# Il piano come dati\n/);
    expect(result.stdout).not.toContain('appunti.txt');
  });

  it('refuses a target that is a file', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'piano'), '');
    const result = await runInProcess(['init', 'piano'], { cwd });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'psttm: init piano: piano is a file, not a folder; name a folder to write into\n' });
  });
});

describe('psttm init writes all its files or none', () => {
  it('with --force, a link where one of its files goes stops the run before anything is written', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, '.vscode'));
    symlinkSync(path.join(cwd, 'elsewhere.json'), path.join(cwd, '.vscode/settings.json'));
    const before = snapshotTree(cwd);
    const result = await runInProcess(['init', '--force'], { cwd });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'psttm: .vscode/settings.json is a link; psttm never writes through links: name the real path, or remove the link\n' });
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('warns, once its files are written, when the folder is below the top of a git repository, whose CI would never read them', async () => {
    const cwd = tempFolder();
    git(cwd, 'init', '--quiet');
    const below = await runInProcess(['init', 'piano'], { cwd });
    expect(below.code).toBe(0);
    expect(below.stderr).toBe(
      `psttm: warning: piano is inside the git repository at ${realpathSync(cwd)}, and GitHub and GitLab read .github/workflows and .gitlab-ci.yml only at a repository's top: make piano a repository of its own (git init), or move those files to the top and run their commands in piano\n`,
    );
    expect(readFileSync(path.join(cwd, 'piano/.github/workflows/psttm.yml'), 'utf8')).toContain('psttm validate');
    // At the top of the repository there is nothing to say.
    expect(await runInProcess(['init', '--force'], { cwd })).toMatchObject({ code: 0, stderr: '' });
  });
});
