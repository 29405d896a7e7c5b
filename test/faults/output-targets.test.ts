import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

const REPORT = ['report', '--as-of', '2026-11-22'];
const isRoot = process.getuid?.() === 0;

/** Run psttm in `root` and check it refused with exactly `message`, leaving every file as it was. */
async function expectRefused(root: string, argv: string[], message: RegExp): Promise<void> {
  const before = snapshotTree(root);
  const result = await runBinary(argv, { cwd: root });
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(2);
  expect(snapshotTree(root)).toEqual(before);
}

describe('outputs that are links or special files are refused, never followed or replaced', () => {
  it('a report that is a link to plan.yaml (git can carry one) is refused; plan.yaml stays', async () => {
    const root = tempPlan();
    mkdirSync(path.join(root, 'reports'));
    symlinkSync('../plan/plan.yaml', path.join(root, 'reports/monitoraggio-2026-11-22.html'));
    const plan = readFileSync(path.join(root, 'plan/plan.yaml'));
    await expectRefused(root, REPORT, /\npsttm: reports\/monitoraggio-2026-11-22\.html is a link; psttm never writes through links: name the real path, or remove the link\n$/);
    expect(readFileSync(path.join(root, 'plan/plan.yaml'))).toEqual(plan);
  });

  it('--force does not write through a link either', async () => {
    const root = tempPlan();
    mkdirSync(path.join(root, 'reports'));
    symlinkSync('../plan/plan.yaml', path.join(root, 'reports/monitoraggio-2026-11-22.xlsx'));
    await expectRefused(root, [...REPORT, '--force'], /\npsttm: reports\/monitoraggio-2026-11-22\.xlsx is a link; psttm never writes/);
  });

  it('a manifest that is a link is refused', async () => {
    const root = tempPlan();
    mkdirSync(path.join(root, 'reports'));
    symlinkSync('../plan/plan.yaml', path.join(root, 'reports/.psttm-reports.json'));
    await expectRefused(root, REPORT, /\npsttm: reports\/\.psttm-reports\.json is a link; psttm never writes through links/);
  });

  it('a reports folder that is a link is refused', async () => {
    const root = tempPlan();
    symlinkSync('plan/projects', path.join(root, 'reports'));
    await expectRefused(root, REPORT, /\npsttm: reports is a link; psttm never writes through links/);
  });

  it('a project file that is a link is not edited through it', async () => {
    const root = tempPlan();
    const project = path.join(root, 'plan/projects/alpha-hub.yaml');
    writeFileSync(path.join(root, 'outside.yaml'), readFileSync(project));
    execFileSync('ln', ['-sf', '../../outside.yaml', project]);
    await expectRefused(root, ['link', 'alpha-hub', 'M1.2'], /\npsttm: plan\/projects\/alpha-hub\.yaml is a link; psttm never writes through links/);
  });

  it('a validate output that is a named pipe is refused, even with --force, and nothing waits on it', async () => {
    const root = tempPlan();
    execFileSync('mkfifo', [path.join(root, 'out.sarif')]);
    await expectRefused(root, ['validate', '--format', 'sarif=out.sarif', '--force'], /^psttm: using the plan in plan\/\npsttm: out\.sarif is a named pipe \(FIFO\), not a regular file; psttm writes only regular files: choose another path\n$/);
  });

  it('a validate output that is a folder is refused', async () => {
    const root = tempPlan();
    mkdirSync(path.join(root, 'out.json'));
    await expectRefused(root, ['validate', '--format', 'json=out.json', '--force'], /\npsttm: out\.json is a folder, not a regular file; psttm writes only regular files/);
  });

  it.skipIf(!isRoot)(`a device node is not replaced by a regular file, even with --force${isRoot ? '' : ' (skipped: mknod needs root)'}`, async () => {
    const root = tempPlan();
    execFileSync('mknod', [path.join(root, 'null-device'), 'c', '1', '3']);
    await expectRefused(root, ['validate', '--format', 'json=null-device', '--force'], /\npsttm: null-device is a character device, not a regular file; psttm writes only regular files/);
  });

  it('templates export into a folder whose file is a link to the plan is refused, all files or none', async () => {
    const root = tempPlan();
    mkdirSync(path.join(root, 'mine'));
    symlinkSync('../plan/plan.yaml', path.join(root, 'mine/report.css'));
    await expectRefused(root, ['templates', 'export', 'mine', '--force'], /^psttm: mine\/report\.css is a link; psttm never writes through links/);
  });
});
