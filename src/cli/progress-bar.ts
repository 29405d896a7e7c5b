import { onExit } from 'signal-exit';
import type { Io } from './io.js';

/** Steps of a long run, shown as a bar on stderr only when stderr is a terminal (never in pipes, CI logs or tests). */
export interface StepProgress {
  step(label: string): void;
  stop(): void;
}

const SILENT: StepProgress = { step: () => {}, stop: () => {} };

const BAR_PREFIX = 'psttm report ';
/** The widest text beside the bar: the prefix, the brackets, `5/5 ` and the longest step label (`reading the plan`). */
const BESIDE_BAR = BAR_PREFIX.length + 2 + 5 + 'reading the plan'.length;

/**
 * A bar that leaves the line one column short of the terminal's width (40 at most, 10 at least): a
 * line that wrapped would scroll the screen, and clearing the bar at the end would then clear the
 * wrong line, leaving the bar on screen.
 */
export function barSize(columns: number | undefined): number {
  return Math.max(10, Math.min(40, (columns ?? 80) - BESIDE_BAR - 1));
}

export async function stepProgress(io: Io, total: number): Promise<StepProgress> {
  if (!io.stderr.isTTY) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: `${BAR_PREFIX}[{bar}] {value}/{total} {label}`,
      barsize: barSize(io.stderr.columns),
      hideCursor: true,
      clearOnComplete: true,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  // Ctrl-C or SIGTERM mid-run: clear the bar and show the cursor again before the process ends.
  const removeExitHook = onExit(() => bar.stop());
  let done = 0;
  let stopped = false;
  return {
    step: (label) => bar.update(done++, { label }),
    stop: () => {
      if (stopped) return;
      stopped = true;
      removeExitHook();
      bar.stop();
    },
  };
}
