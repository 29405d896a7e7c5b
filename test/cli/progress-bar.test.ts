import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { barSize } from '../../src/cli/progress-bar.ts';
import { binaryEnv, binPath, repoRoot } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const SCRIPT = '/usr/bin/script';

/** `psttm report` on a pseudo-terminal of `columns` columns (util-linux script): everything the terminal received. */
function reportOnTerminal(root: string, columns: number): Promise<{ code: number; screen: string }> {
  const command = `stty cols ${columns} rows 30; exec ${process.execPath} ${binPath} report --as-of 2026-01-01 --plan ${root}`;
  return new Promise((resolve) => {
    execFile(SCRIPT, ['-qefc', command, '/dev/null'], { cwd: root, env: { ...binaryEnv(), TERM: 'xterm' } }, (error, stdout) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : error ? 2 : 0, screen: stdout });
    });
  });
}

describe('the progress bar of psttm report', () => {
  it.each([
    [80, 40],
    // The text beside the bar takes 36 columns (`psttm report [`, `] 5/5 reading the plan`), and one is left free.
    [60, 23],
    [30, 10],
  ])('at %i columns is %i wide, so its line never wraps', (columns, size) => {
    expect(barSize(columns)).toBe(size);
  });

  it.skipIf(!existsSync(SCRIPT))('on a terminal: drawn within the width, cleared before the paths, which end with a newline', async () => {
    const root = tempPlan(path.join(repoRoot, 'test/fixtures/monitoring'));
    const { code, screen } = await reportOnTerminal(root, 60);
    expect(code).toBe(0);
    expect(screen).toContain('psttm report [');
    const clear = screen.lastIndexOf('\u001b[2K');
    const firstPath = screen.indexOf('reports/monitoraggio-2026-01-01.xlsx');
    expect(clear).toBeGreaterThan(-1);
    expect(clear).toBeLessThan(firstPath);
    expect(screen.slice(clear)).not.toContain('psttm report [');
    expect(screen.endsWith('reports/monitoraggio-2026-01-01.xlsx\r\nreports/monitoraggio-2026-01-01.html\r\n')).toBe(true);
    // Every frame of the bar (redrawn from column 1, ended by erase-to-end-of-line) fits in 59 columns.
    const frames = screen.split('\u001b[1G').map((part) => part.split('\u001b[0K')[0]!).filter((part) => part.includes('psttm report ['));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(stringWidth(stripVTControlCharacters(frame))).toBeLessThan(60);
  });
});
