import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const numberingGap = path.join(repoRoot, 'test/fixtures/findings/numbering-gap');
/** CI variables of the machine running the tests must not decide the root. */
const NO_CI = { GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '' };

/** A temporary git repository holding the plan with a numbering gap in `repo/plan`, and an empty `repo/tools` to run psttm from. */
function gitRepositoryWithPlan(): string {
  const root = tempPlan(numberingGap);
  execFileSync('git', ['init', '--quiet', root]);
  mkdirSync(path.join(root, 'tools'));
  return root;
}

/** The `file=` of each GitHub annotation. */
const annotatedFiles = (stdout: string) => [...stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((match) => match[1]);

describe('CI formats name files from the repository root', () => {
  it('from a subfolder of a git repository: github, sarif, junit and gitlab from the top level; stylish and json as before', async () => {
    const root = gitRepositoryWithPlan();
    const options = { cwd: path.join(root, 'tools'), env: NO_CI };
    const args = ['validate', '--plan', '../plan', '--format', 'sarif=out.sarif', '--format', 'junit=out.xml', '--format', 'gitlab=out.json', '--format', 'json=findings.json'];
    const github = await runBinary([...args, '--format', 'github'], options);
    expect(github.code).toBe(1);
    expect(annotatedFiles(github.stdout)).toEqual(['plan/missions/m1-alpha.yaml']);
    const read = (name: string) => readFileSync(path.join(root, 'tools', name), 'utf8');
    expect(JSON.parse(read('out.sarif')).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('plan/missions/m1-alpha.yaml');
    expect(read('out.xml')).toContain('<testcase classname="plan/missions/m1-alpha.yaml" name="plan/missions/m1-alpha.yaml">');
    expect(JSON.parse(read('out.json'))[0].location.path).toBe('plan/missions/m1-alpha.yaml');
    // Outside the working directory, json and stylish name the file by its absolute path, as before.
    const absolute = path.join(root, 'plan/missions/m1-alpha.yaml');
    expect(JSON.parse(read('findings.json')).findings[0].file).toBe(absolute);
    const stylish = await runInProcess(['validate', '--plan', '../plan'], options);
    expect(stylish.stdout.startsWith(`${absolute}\n`)).toBe(true);
  });

  it('GITHUB_WORKSPACE, else CI_PROJECT_DIR, names the root', async () => {
    const root = gitRepositoryWithPlan();
    const cwd = path.join(root, 'tools');
    const workspace = path.dirname(root);
    const expected = `${path.basename(root)}/plan/missions/m1-alpha.yaml`;
    const github = await runInProcess(['validate', '--plan', '../plan', '--format', 'github'], { cwd, env: { GITHUB_WORKSPACE: workspace, CI_PROJECT_DIR: root } });
    expect(annotatedFiles(github.stdout)).toEqual([expected]);
    const gitlab = await runInProcess(['validate', '--plan', '../plan', '--format', 'gitlab'], { cwd, env: { CI_PROJECT_DIR: workspace } });
    expect(JSON.parse(gitlab.stdout)[0].location.path).toBe(expected);
  });

  describe('outside a git repository', () => {
    const made: string[] = [];
    afterEach(() => {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it('the working directory stays the root, as before', async () => {
      // A folder of its own under the system's temporary folder, which no git repository holds.
      const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'psttm-no-git-')));
      made.push(outside);
      const root = tempPlan(numberingGap);
      const github = await runInProcess(['validate', '--plan', path.join(root, 'plan'), '--format', 'github'], { cwd: outside, env: NO_CI });
      expect(annotatedFiles(github.stdout)).toEqual([path.join(root, 'plan/missions/m1-alpha.yaml')]);
      const inside = await runInProcess(['validate', '--format', 'github'], { cwd: root, env: NO_CI });
      expect(annotatedFiles(inside.stdout)).toEqual(['plan/missions/m1-alpha.yaml']);
    });
  });
});
