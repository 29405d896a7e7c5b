import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

/** The small base plan with six objectives in mission 1, all marking the Città metropolitana, so links add no warning. */
const sixObjectives = () => tempPlan(path.join(repoRoot, 'test/fixtures/concurrency'));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function linkedIds(root: string, project: string): string[] {
  const data = parse(readFileSync(path.join(root, `plan/projects/${project}.yaml`), 'utf8')) as { objectives: { id: string }[] };
  return data.objectives.map((link) => link.id);
}

/** Paths that changed between two snapshots (added, removed or with other bytes). */
function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
}

describe('concurrent runs lose nothing', () => {
  it('four links on one project at once all land', async () => {
    const root = sixObjectives();
    const before = snapshotTree(root);
    const results = await Promise.all(['M1.2', 'M1.3', 'M1.4', 'M1.5'].map((id) => runBinary(['link', 'alpha-hub', id], { cwd: root })));
    for (const result of results) {
      expect(result.code).toBe(0);
      // An edit redone after another run changed the file reads the plan again, and says so again.
      expect(result.stderr).toMatch(/^(psttm: using the plan in plan\/\n)+$/);
    }
    expect(linkedIds(root, 'alpha-hub').sort()).toEqual(['M1.1', 'M1.2', 'M1.3', 'M1.4', 'M1.5']);
    // Only the project file changed: no lock, temporary or backup is left behind.
    expect(changedPaths(before, snapshotTree(root))).toEqual(['plan/projects/alpha-hub.yaml']);
  });

  it('links and unlinks on one project at once all land', async () => {
    const root = sixObjectives();
    expect((await runBinary(['link', 'alpha-hub', 'M1.2', 'M1.3'], { cwd: root })).code).toBe(0);
    const results = await Promise.all([
      runBinary(['unlink', 'alpha-hub', 'M1.2'], { cwd: root }),
      runBinary(['link', 'alpha-hub', 'M1.6'], { cwd: root }),
      runBinary(['unlink', 'alpha-hub', 'M1.3'], { cwd: root }),
    ]);
    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    expect(linkedIds(root, 'alpha-hub').sort()).toEqual(['M1.1', 'M1.6']);
  });

  it('three reports into one folder at once: every file is written and the manifest knows them all', async () => {
    const root = tempPlan();
    const dates = ['2026-09-30', '2026-10-31', '2026-11-22'];
    const results = await Promise.all(dates.map((date) => runBinary(['report', '--as-of', date], { cwd: root })));
    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    const reports = path.join(root, 'reports');
    const names = dates.flatMap((date) => [`monitoraggio-${date}.html`, `monitoraggio-${date}.xlsx`]).sort();
    expect(readdirSync(reports).sort()).toEqual(['.psttm-reports.json', ...names]);
    const manifest = JSON.parse(readFileSync(path.join(reports, '.psttm-reports.json'), 'utf8')) as { files: Record<string, string>; pending?: unknown };
    expect(manifest.pending).toBeUndefined();
    expect(manifest.files).toEqual(Object.fromEntries(names.map((name) => [name, sha256(path.join(reports, name))])));
  });

  it('two reports of the same date at once: both succeed and the manifest matches the files on disk', async () => {
    const root = tempPlan();
    const results = await Promise.all([1, 2].map(() => runBinary(['report', '--as-of', '2026-11-22'], { cwd: root })));
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    const reports = path.join(root, 'reports');
    const manifest = JSON.parse(readFileSync(path.join(reports, '.psttm-reports.json'), 'utf8')) as { files: Record<string, string> };
    for (const [name, hash] of Object.entries(manifest.files)) expect(sha256(path.join(reports, name))).toBe(hash);
    // A third, plain run replaces them without --force: nothing was left that psttm takes for a foreign file.
    expect((await runBinary(['report', '--as-of', '2026-11-22'], { cwd: root })).code).toBe(0);
  });

  it('two new projects with the same id at once: one is created, the other refused, never overwritten', async () => {
    const root = tempPlan();
    const create = (title: string) =>
      runBinary(['new', 'project', 'gamma-lab', '--title', title, '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana di Milano'], { cwd: root });
    const results = await Promise.all([create('First'), create('Second')]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 2]);
    const refused = results.find((result) => result.code === 2)!;
    expect(refused.stderr).toMatch(/\npsttm: plan\/projects\/gamma-lab\.yaml (already exists; pass --force to overwrite, or choose another path|was created by another program while psttm was writing it; nothing was written)\n$/);
    const winner = results.findIndex((result) => result.code === 0);
    expect(parse(readFileSync(path.join(root, 'plan/projects/gamma-lab.yaml'), 'utf8'))).toMatchObject({ title: winner === 0 ? 'First' : 'Second' });
    expect(readdirSync(path.join(root, 'plan/projects')).sort()).toEqual(['alpha-hub.yaml', 'gamma-lab.yaml']);
  });
});
