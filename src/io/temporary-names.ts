import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** `.<name>.<pid>-<random>.psttm-tmp` (content being written) or `.psttm-bak` (a replaced file kept until its replacement is in place). */
const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{8}\.psttm-(?:tmp|bak)$/;

/** A hidden name beside `target`, unique to this process, that the next run can recognise as debris. */
export function temporaryName(target: string, kind: 'tmp' | 'bak'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.psttm-${kind}`);
}

/** Remove the temporaries in `folder` left by psttm runs that no longer exist (killed with SIGKILL, or a crash). */
export function sweepDeadTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
