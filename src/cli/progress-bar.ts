import { onExit } from 'signal-exit';
import type { Io } from './io.js';

/** Steps of a long run, shown as a bar on stderr only when stderr is a terminal (never in pipes, CI logs or tests). */
export interface StepProgress {
  step(label: string): void;
  stop(): void;
}

const SILENT: StepProgress = { step: () => {}, stop: () => {} };

export async function stepProgress(io: Io, total: number): Promise<StepProgress> {
  if (!io.stderr.isTTY) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr as NodeJS.WritableStream, format: 'psttm report [{bar}] {value}/{total} {label}', hideCursor: true, clearOnComplete: true, noTTYOutput: false },
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
