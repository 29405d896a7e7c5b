import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/run-cli.ts';
import { fillDisk, mountSmallDisk, smallDiskUnavailable } from '../helpers/small-disk.ts';
import { baseFixture } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

/** One line (after the note on which plan is used, for commands that read one), never a stack trace. */
const NO_SPACE = /^(psttm: using the plan in plan\/\n)?psttm: cannot write [^\n]+: no space left on the device; nothing was written\n$/;

/** A real file system that runs out of space: a 1 MiB tmpfs holding a copy of the small base plan. */
describe.skipIf(smallDiskUnavailable)(`a full disk loses nothing${smallDiskUnavailable ? ` (skipped: ${smallDiskUnavailable})` : ''}`, () => {
  let disk: ReturnType<typeof mountSmallDisk>;
  beforeEach(() => {
    disk = mountSmallDisk(1024);
    cpSync(baseFixture, disk.dir, { recursive: true });
  });
  afterEach(() => disk.unmount());

  /** Run psttm in the disk's folder with `leaveBytes` free, and check that it failed and changed nothing. */
  async function expectNothingLost(argv: string[], leaveBytes: number): Promise<void> {
    // The working directory holds plan/, so every command finds the plan on the disk.
    fillDisk(disk.dir, leaveBytes);
    const before = snapshotTree(disk.dir);
    const result = await runBinary(argv, { cwd: disk.dir });
    expect(result.stderr).toMatch(NO_SPACE);
    expect(result.code).toBe(2);
    expect(snapshotTree(disk.dir)).toEqual(before);
  }

  it('link: a project edit that does not fit keeps the file as it was', async () => {
    await expectNothingLost(['link', 'alpha-hub', 'M1.2', '--note', 'n'.repeat(8000)], 4096);
  });

  it('unlink: likewise', async () => {
    expect((await runBinary(['link', 'alpha-hub', 'M1.2'], { cwd: disk.dir })).code).toBe(0);
    await expectNothingLost(['unlink', 'alpha-hub', 'M1.2'], 0);
  });

  it('new project: no partial file appears', async () => {
    await expectNothingLost(['new', 'project', 'gamma-lab', '--title', 'G'.repeat(9000), '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana di Milano'], 4096);
  });

  it('report: the previous reports and manifest stay when the new ones do not fit', async () => {
    const first = await runBinary(['report', '--as-of', '2026-11-22'], { cwd: disk.dir });
    expect(first.code).toBe(0);
    await expectNothingLost(['report', '--as-of', '2026-11-22'], 0);
  });

  it('report: all files or none — the workbook fits, the page does not, neither is written', async () => {
    // The base plan's workbook is about 18 KB, its HTML page about 26 KB.
    await expectNothingLost(['report', '--as-of', '2026-11-22'], 22 * 1024);
  });

  it('validate --format sarif=FILE --force: the previous output stays', async () => {
    writeFileSync(path.join(disk.dir, 'psttm.sarif'), '{"previous":"run"}\n');
    await expectNothingLost(['validate', '--format', 'sarif=psttm.sarif', '--format', 'json=psttm.json', '--force'], 0);
  });

  it('templates export: no template is half-copied', async () => {
    await expectNothingLost(['templates', 'export', 'my-templates'], 6 * 1024);
  });
});
