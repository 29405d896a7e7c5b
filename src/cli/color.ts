import { Chalk, type ChalkInstance } from 'chalk';
import type { Io, OutputStream } from './io.js';

/**
 * Colour for one stream: none when NO_COLOR is set (any value but empty) or the stream is not a
 * terminal, unless FORCE_COLOR asks for it.
 */
export function chalkFor(stream: Pick<OutputStream, 'isTTY'>, env: Io['env']): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

function colorLevel(stream: Pick<OutputStream, 'isTTY'>, env: Io['env']): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level === 2 || level === 3 ? level : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return stream.isTTY ? 1 : 0;
}
