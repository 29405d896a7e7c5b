import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.ts';

/** A system clock far from the day the tests were written, within the years psttm must keep working. */
const FAKED_TIME = '2035-06-15 12:00:00';
/** Set in the inner run, so that it does not start another. */
const INNER_RUN = 'PSTTM_TEST_FAKED_CLOCK';

/** Why the tests cannot run under Debian's faketime here, or undefined when they can. */
function faketimeUnavailable(): string | undefined {
  if (process.env[INNER_RUN] !== undefined) return 'this is the run under the faked clock';
  if (process.platform !== 'linux') return 'faketime fakes the clock through LD_PRELOAD on Linux';
  if (spawnSync('faketime', ['--version']).error) return 'faketime is not installed (apt-get install faketime)';
  return undefined;
}

/** Run `argv` under faketime, with the flag that stops a nested run. */
function underFakedClock(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile('faketime', [FAKED_TIME, ...argv], { cwd: repoRoot, env: { ...process.env, [INNER_RUN]: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 2 : 0, stdout, stderr }),
    ),
  );
}

/** The part of vitest's JSON report read here. */
interface VitestJsonReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

const unavailable = faketimeUnavailable();

describe.skipIf(unavailable)(`with the system clock set to ${FAKED_TIME}${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  // Installed but not faking Node's clock, the run below would prove nothing: that fails, it is not skipped.
  it("fakes Node's clock", async () => {
    const { code, stdout, stderr } = await underFakedClock([process.execPath, '-p', 'new Date().toISOString()']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^2035-06-15T12:00:\d\d\.\d{3}Z\n$/);
  });

  it('every CLI test passes, in process and spawned', { timeout: 600_000 }, async () => {
    const vitest = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');
    const { code, stdout, stderr } = await underFakedClock([process.execPath, vitest, 'run', '--config', 'test/vitest.config.ts', '--reporter', 'json', 'test/cli']);
    const tests = (JSON.parse(stdout) as VitestJsonReport).testResults.flatMap((file) => file.assertionResults);
    expect(tests.filter((test) => test.status === 'failed').map((test) => test.fullName), stderr).toEqual([]);
    expect(code).toBe(0);
    expect(tests.filter((test) => test.status === 'passed').length).toBeGreaterThan(150);
    // The case that reads the system clock ran spawned, where nothing but faketime sets the clock.
    expect(tests.find((test) => test.fullName === "CLI (spawned binary) 'today: else the system clock'")?.status).toBe('passed');
  });
});
