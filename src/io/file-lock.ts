import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { WriteError } from '../core/errors.js';
import { describeFsError } from './fs-errors.js';

/** A lock whose holder stopped refreshing it for this long (killed, or its machine gone) is taken over. */
const STALE_MS = 5_000;
/** Waiting for a lock another run holds: up to 40 more attempts, 50 ms apart at first, each wait 1.2 times the last, at most 1 s (about 28 s in all). */
const LOCK_RETRIES = 40;
const RETRY_FIRST_MS = 50;
const RETRY_FACTOR = 1.2;
const RETRY_LONGEST_MS = 1_000;

/**
 * Run `task` while holding the lock of `file` (a hidden `.<name>.psttm-lock` folder beside it, made
 * by proper-lockfile), so psttm runs writing the same file take turns. A run that finds the lock
 * taken waits for it, up to about twice the stale time; the lock goes with the run on exit or signal.
 */
export async function withFileLock<T>(file: string, displayPath: string, task: (assertHeld: () => void) => Promise<T>): Promise<T> {
  const { default: lockfile } = await import('proper-lockfile');
  const lockPath = path.join(path.dirname(file), `.${path.basename(file)}.psttm-lock`);
  let compromised: Error | undefined;
  let release: (() => void) | undefined;
  // Taken synchronously, attempt by attempt: between making the lock folder and recording it for removal on exit
  // there is then no turn of the event loop in which a signal could end the run and leave the folder behind.
  for (let attempt = 0; release === undefined; attempt++) {
    try {
      release = lockfile.lockSync(file, { lockfilePath: lockPath, realpath: false, stale: STALE_MS, onCompromised: (error) => (compromised = error) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw new WriteError(`cannot lock ${displayPath} for writing: ${describeFsError(error)}`);
      if (attempt === LOCK_RETRIES) throw new WriteError(`another psttm run is writing ${displayPath}; try again when it has finished`);
      await setTimeout(Math.min(RETRY_FIRST_MS * RETRY_FACTOR ** attempt, RETRY_LONGEST_MS));
    }
  }
  // Called right before committing: a lock taken over by another run (this one stalled past the stale time) means stop.
  const assertHeld = () => {
    if (compromised) throw new WriteError(`the lock on ${displayPath} was lost while psttm was preparing it (${compromised.message}); nothing was written, run again`);
  };
  try {
    return await task(assertHeld);
  } finally {
    try {
      release();
    } catch {
      // Already gone: taken over as stale, or removed by hand.
    }
  }
}
