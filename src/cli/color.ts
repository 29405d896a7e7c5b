import { Chalk, type ChalkInstance } from 'chalk';
import type { Io, OutputStream } from './io.js';

/**
 * Colour for one stream. NO_COLOR (any value but empty, as no-color.org says) wins over everything;
 * then FORCE_COLOR asks for colour (or, as 0 or false, refuses it); else colour only on a terminal.
 */
export function chalkFor(stream: Pick<OutputStream, 'isTTY'>, env: Io['env']): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

function colorLevel(stream: Pick<OutputStream, 'isTTY'>, env: Io['env']): 0 | 1 | 2 | 3 {
  if (isSet(env.NO_COLOR)) return 0;
  const force = env.FORCE_COLOR;
  if (isSet(force)) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level === 2 || level === 3 ? level : 1;
  }
  return stream.isTTY ? 1 : 0;
}

/** An environment variable set to something: empty counts as unset. */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
