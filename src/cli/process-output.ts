import { OutputClosedError, WriteError } from '../core/errors.js';
import { describeFsError } from '../io/fs-errors.js';
import type { OutputStream } from './io.js';

/** A process stream as the CLI writes to it: a failed write never crashes the process, it ends the run. */
export interface GuardedOutput extends OutputStream {
  /** Once every pending write has landed or failed: the failure, if any. */
  settled(): Promise<NodeJS.ErrnoException | undefined>;
}

/**
 * Write errors on a process stream arrive as 'error' events after the write that caused them: they
 * are kept, and the next write throws (OutputClosedError for EPIPE, else a WriteError naming the cause).
 */
export function guardOutput(stream: NodeJS.WriteStream): GuardedOutput {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => (failure ??= error));
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write(text: string) {
      if (failure) throw outputFailure(failure);
      return stream.write(text);
    },
    // The 'error' event of a failed write may come a tick after the callbacks of the writes queued behind it.
    settled: () => new Promise((resolve) => stream.write('', () => setImmediate(() => resolve(failure)))),
  };
}

export function outputFailure(error: NodeJS.ErrnoException): Error {
  return error.code === 'EPIPE' ? new OutputClosedError('standard output was closed') : new WriteError(`cannot write to standard output: ${describeFsError(error)}`);
}
