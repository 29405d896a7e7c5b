import path from 'node:path';
import { WriteError } from '../core/errors.js';
import { describeFsError } from './fs-errors.js';

/** A lock whose holder stopped refreshing it for this long (killed, or its machine gone) is taken over. */
const STALE_MS = 5_000;

/**
 * Run `task` while holding the lock of `file` (a hidden `.<name>.psttm-lock` folder beside it, made
 * by proper-lockfile), so psttm runs writing the same file take turns. A run that finds the lock
 * taken waits for it, up to about twice the stale time; the lock goes with the run on exit or signal.
 */
export async function withFileLock<T>(file: string, displayPath: string, task: (assertHeld: () => void) => Promise<T>): Promise<T> {
  const { lock } = await import('proper-lockfile');
  const lockPath = path.join(path.dirname(file), `.${path.basename(file)}.psttm-lock`);
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lock(file, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      retries: { retries: 40, factor: 1.2, minTimeout: 50, maxTimeout: 1_000 },
      onCompromised: (error) => (compromised = error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new WriteError(`another psttm run is writing ${displayPath}; try again when it has finished`);
    }
    throw new WriteError(`cannot lock ${displayPath} for writing: ${describeFsError(error)}`);
  }
  // Called right before committing: a lock taken over by another run (this one stalled past the stale time) means stop.
  const assertHeld = () => {
    if (compromised) throw new WriteError(`the lock on ${displayPath} was lost while psttm was preparing it (${compromised.message}); nothing was written, run again`);
  };
  try {
    return await task(assertHeld);
  } finally {
    await release().catch(() => undefined);
  }
}
