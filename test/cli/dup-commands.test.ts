import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const dupPlan = path.join(repoRoot, 'test/fixtures/dup-plan');
const SESTO = 'plan/dup/015209-sesto-san-giovanni.yaml';

/** A fresh copy of the DUP fixture plan, and the Sesto file's path and bytes. */
function sestoPlan() {
  const root = tempPlan(undefined, dupPlan);
  const file = path.join(root, SESTO);
  return { root, file, before: readFileSync(file, 'utf8') };
}

const runIn = (argv: string[], root: string) => runInProcess([...argv, '--plan', root], { cwd: root });

describe('psttm dup confirm and reject', () => {
  it('confirms a suggestion and adds a new link, keeping the comment and every other byte', async () => {
    const { root, file, before } = sestoPlan();
    const result = await runIn(['dup', 'confirm', 'Sesto San Giovanni', 'S1', 'M2.1', '1.2'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Sesto San Giovanni (015209) S1, ${SESTO}: written\n  M2.1  suggestion confirmed\n  M1.2  link added, confirmed\n`);
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace('M2.1, confirmed: false, score: 0.31 }\n', 'M2.1, confirmed: true, score: 0.31 }\n      - { objective: M1.2, confirmed: true }\n'),
    );
  });

  it('says so when there is nothing to change, and writes nothing', async () => {
    const { root, file, before } = sestoPlan();
    const result = await runIn(['dup', 'confirm', '015209', 'S1', 'M1.1', '--json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      comune: { istat: '015209', name: 'Sesto San Giovanni' },
      file: SESTO,
      code: 'S1',
      decision: 'confirm',
      dryRun: false,
      changed: false,
      changes: [{ objective: 'M1.1', change: 'unchanged' }],
      psttm: [{ objective: 'M1.1', confirmed: true }, { objective: 'M2.1', confirmed: false, score: 0.31 }],
      rejected: [],
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('rejects a suggestion; --dry-run prints the same and writes nothing', async () => {
    const { root, file, before } = sestoPlan();
    const dry = await runIn(['dup', 'reject', 'sesto san giovanni', 'S1.1', 'M1.2', '--dry-run'], root);
    expect(dry.stdout).toBe(`Sesto San Giovanni (015209) S1.1, ${SESTO}: dry run, nothing written\n  M1.2  rejected: link removed, not suggested again\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const result = await runIn(['dup', 'reject', 'sesto san giovanni', 'S1.1', 'M1.2'], root);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before.replace('    psttm:\n      - { objective: M1.2, confirmed: false, score: 0.64 }\n    rejected: [M2.1]\n', '    psttm: []\n    rejected: [M2.1, M1.2]\n'));
  });

  it.each([
    [['Sesto Sn Giovanni', 'S1', 'M1.1'], 'psttm: Sesto Sn Giovanni: not a comune of the metropolitan city; did you mean Sesto San Giovanni? (plan/reference/comuni.csv lists them)\n'],
    [['Bresso', 'S1', 'M1.1'], 'psttm: Bresso (015032) has no DUP file in plan/dup/; import it first with psttm import dup FILE --comune 015032\n'],
    [['015209', 'S1.2', 'M1.1'], `psttm: S1.2: no objective with that code in ${SESTO}; did you mean S1.1?\n`],
    [['015209', 'S1', 'M1.3'], 'psttm: M1.3 is not an objective of the plan; did you mean M1.1? (psttm list objectives shows them all)\n'],
  ])('refuses %j with one line and a suggestion, exit 2, nothing written', async (args, stderr) => {
    const { root, file, before } = sestoPlan();
    expect(await runIn(['dup', 'confirm', ...args], root)).toEqual({ code: 2, stdout: '', stderr });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('runs as the spawned binary', async () => {
    const { root, file } = sestoPlan();
    const result = await runBinary(['dup', 'reject', '015209', 'S1', 'M2.1', '--plan', root], { cwd: root });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toContain('    rejected: [M2.1]\n  - code: S1.1');
  });
});
