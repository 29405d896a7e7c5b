import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Why tmpfs tests cannot run here (not root, or mounting refused), or undefined when they can. */
export const smallDiskUnavailable: string | undefined = probeMount();

/** A fresh tmpfs of `sizeKiB` mounted on a temporary folder; `unmount` removes it. */
export function mountSmallDisk(sizeKiB: number): { dir: string; unmount(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir]);
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fill the file system of `dir` with a filler file until only `leaveBytes` remain free; returns the filler's path. */
export function fillDisk(dir: string, leaveBytes: number): string {
  const filler = path.join(dir, 'filler.bin');
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leaveBytes)));
  return filler;
}

function probeMount(): string | undefined {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const probe = mkdtempSync(path.join(tmpdir(), 'psttm-probe-'));
  try {
    mkdirSync(probe, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'this machine refuses to mount a tmpfs (no CAP_SYS_ADMIN)';
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
