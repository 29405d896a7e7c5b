import { describe, expect, it } from 'vitest';
import { chalkFor } from '../../src/cli/color.ts';
import { runBinary } from '../helpers/run-cli.ts';

describe('colour', () => {
  it.each([
    ['a terminal', true, {}, 1],
    ['a pipe', false, {}, 0],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, 0],
    ['NO_COLOR wins over FORCE_COLOR', true, { NO_COLOR: '1', FORCE_COLOR: '1' }, 0],
    ['NO_COLOR wins over FORCE_COLOR=3 in a pipe', false, { NO_COLOR: 'yes', FORCE_COLOR: '3' }, 0],
    ['an empty NO_COLOR counts as unset', true, { NO_COLOR: '' }, 1],
    ['an empty NO_COLOR and FORCE_COLOR in a pipe', false, { NO_COLOR: '', FORCE_COLOR: '1' }, 1],
    ['FORCE_COLOR=3 in a pipe', false, { FORCE_COLOR: '3' }, 3],
    ['FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, 0],
  ])('%s', (_name, isTTY, env, level) => {
    expect(chalkFor({ isTTY }, env).level).toBe(level);
  });

  it('the spawned binary prints no escape sequence with FORCE_COLOR=1 NO_COLOR=1, and colour with FORCE_COLOR alone', async () => {
    const both = await runBinary(['progress', '--as-of', '2026-01-01'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.code).toBe(0);
    expect(both.stdout).not.toContain('\u001b[');
    const forced = await runBinary(['progress', '--as-of', '2026-01-01'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    expect(forced.stdout).toContain('\u001b[1mProgress of');
  });
});
