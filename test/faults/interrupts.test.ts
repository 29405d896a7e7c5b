import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBinary, spawnBinary } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const REPORT = ['report', '--as-of', '2026-11-22'];
const REPORT_FILES = ['monitoraggio-2026-11-22.html', 'monitoraggio-2026-11-22.xlsx'];
/** Runs per signal; each picks its moment from a seeded generator, so a failure names a reproducible delay. */
const RUNS = 4;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start `argv` in `root`, send `signal` after `delayMs`, and wait for the end. */
async function interrupt(root: string, argv: string[], signal: NodeJS.Signals, delayMs: number) {
  const run = spawnBinary(argv, { cwd: root });
  await sleep(delayMs);
  run.child.kill(signal);
  return run.ended;
}

/** Start `argv` in `root` and send `signal` the moment a temporary file appears in `folder`: in the middle of writing. */
async function interruptWhileWriting(root: string, folder: string, argv: string[], signal: NodeJS.Signals) {
  let sent = false;
  const watcher = watch(path.join(root, folder), (_event, name) => {
    if (sent || !name?.endsWith('.psttm-tmp')) return;
    sent = true;
    run.child.kill(signal);
  });
  const run = spawnBinary(argv, { cwd: root });
  const ended = await run.ended;
  watcher.close();
  return { ...ended, sent };
}

/** The reports folder holds only the manifest and reports whose bytes it records: no temporary, backup or lock. */
function expectConsistentReports(root: string): void {
  const reports = path.join(root, 'reports');
  const names = readdirSync(reports).sort();
  if (names.length === 0) return;
  expect(names.filter((name) => !REPORT_FILES.includes(name) && name !== '.psttm-reports.json')).toEqual([]);
  const manifest = JSON.parse(readFileSync(path.join(reports, '.psttm-reports.json'), 'utf8')) as { files: Record<string, string>; pending?: Record<string, string> };
  for (const name of names.filter((candidate) => REPORT_FILES.includes(candidate))) {
    expect([manifest.files[name], manifest.pending?.[name]]).toContain(sha256(path.join(reports, name)));
  }
}

let reportMs = 0;
beforeAll(async () => {
  const started = performance.now();
  expect((await runBinary(REPORT, { cwd: tempPlan() })).code).toBe(0);
  reportMs = performance.now() - started;
});

describe.each(['SIGINT', 'SIGTERM'] as const)('%s at a random moment of psttm report', (signal) => {
  const random = seeded(signal === 'SIGINT' ? 2 : 15);
  it.each(Array.from({ length: RUNS }, (_, run) => ({ run, fraction: random() })))('run $run at $fraction of a run: all or nothing, no debris, the next run succeeds', async ({ fraction }) => {
    const root = tempPlan();
    // Half the runs replace reports of an earlier run, half write into an empty folder.
    if (fraction < 0.5) expect((await runBinary(REPORT, { cwd: root })).code).toBe(0);
    const ended = await interrupt(root, REPORT, signal, fraction * reportMs);
    // Either it finished first, or it ended by the signal, having cleaned up: never a crash.
    expect(ended.code === 0 || ended.signal === signal).toBe(true);
    expect(ended.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(path.join(root, 'plan/projects'))).toEqual(['alpha-hub.yaml']);
    if (readdirSync(root).includes('reports')) expectConsistentReports(root);
    const next = await runBinary(REPORT, { cwd: root });
    expect(next.stderr).toBe('psttm: using the plan in plan/\n');
    expect(next.code).toBe(0);
    expectConsistentReports(root);
  });
});

describe('SIGKILL at a random moment', () => {
  const random = seeded(9);
  it.each(Array.from({ length: RUNS }, (_, run) => ({ run, fraction: random() })))('report, run $run at $fraction: the next plain run replaces psttm’s own files and sweeps the debris', async ({ fraction }) => {
    const root = tempPlan();
    expect((await runBinary(REPORT, { cwd: root })).code).toBe(0);
    const ended = await interrupt(root, REPORT, 'SIGKILL', fraction * reportMs);
    expect(ended.code === 0 || ended.signal === 'SIGKILL').toBe(true);
    // A killed run may leave its lock (taken over once stale) and temporaries (swept): the next run still succeeds.
    const next = await runBinary(REPORT, { cwd: root });
    expect(next.stderr).toBe('psttm: using the plan in plan/\n');
    expect(next.code).toBe(0);
    expectConsistentReports(root);
  });

  it.each(Array.from({ length: RUNS }, (_, run) => ({ run, fraction: random() })))('link, run $run at $fraction: the project file is the old or the new one, and the next edit lands', async ({ fraction }) => {
    const root = tempPlan();
    const file = path.join(root, 'plan/projects/alpha-hub.yaml');
    const before = sha256(file);
    const started = performance.now();
    expect((await runBinary(['link', 'alpha-hub', 'M1.2'], { cwd: root })).code).toBe(0);
    const linkMs = performance.now() - started;
    const after = sha256(file);
    expect((await runBinary(['unlink', 'alpha-hub', 'M1.2'], { cwd: root })).code).toBe(0);
    expect(sha256(file)).toBe(before);

    await interrupt(root, ['link', 'alpha-hub', 'M1.2'], 'SIGKILL', fraction * linkMs);
    expect([before, after]).toContain(sha256(file));
    const next = await runBinary(sha256(file) === after ? ['unlink', 'alpha-hub', 'M1.2'] : ['link', 'alpha-hub', 'M1.2'], { cwd: root });
    expect(next.code).toBe(0);
    expect(readdirSync(path.join(root, 'plan/projects'))).toEqual(['alpha-hub.yaml']);
  });
});

describe.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)('%s the moment the first temporary file appears', (signal) => {
  it('report: the reports are all the earlier ones or all new ones, and the next plain run succeeds', async () => {
    const root = tempPlan();
    expect((await runBinary(REPORT, { cwd: root })).code).toBe(0);
    // A rename puts a new inode in place: the inode tells a replaced file even when its bytes are the same.
    const inodes = () => REPORT_FILES.map((name) => statSync(path.join(root, 'reports', name)).ino);
    const earlier = inodes();
    const ended = await interruptWhileWriting(root, 'reports', REPORT, signal);
    expect(ended.sent).toBe(true);
    // The commit is synchronous, so a signal handled during it does not exist: it finds none or all files renamed.
    const replaced = inodes().map((inode, index) => inode !== earlier[index]);
    expect(replaced).toEqual(ended.code === 0 || replaced[0] ? [true, true] : [false, false]);
    if (signal !== 'SIGKILL') expectConsistentReports(root);
    const next = await runBinary(REPORT, { cwd: root });
    expect(next.stderr).toBe('psttm: using the plan in plan/\n');
    expect(next.code).toBe(0);
    expectConsistentReports(root);
  });

  it('link: the project file is the old or the new one, never a mix, and the next edit lands', async () => {
    const root = tempPlan();
    const file = path.join(root, 'plan/projects/alpha-hub.yaml');
    const before = sha256(file);
    expect((await runBinary(['link', 'alpha-hub', 'M1.2'], { cwd: root })).code).toBe(0);
    const after = sha256(file);
    expect((await runBinary(['unlink', 'alpha-hub', 'M1.2'], { cwd: root })).code).toBe(0);
    const ended = await interruptWhileWriting(root, 'plan/projects', ['link', 'alpha-hub', 'M1.2'], signal);
    expect(ended.sent).toBe(true);
    expect([before, after]).toContain(sha256(file));
    if (signal !== 'SIGKILL') expect(readdirSync(path.join(root, 'plan/projects'))).toEqual(['alpha-hub.yaml']);
    expect((await runBinary(sha256(file) === after ? ['unlink', 'alpha-hub', 'M1.2'] : ['link', 'alpha-hub', 'M1.2'], { cwd: root })).code).toBe(0);
    expect(readdirSync(path.join(root, 'plan/projects'))).toEqual(['alpha-hub.yaml']);
  });
});
