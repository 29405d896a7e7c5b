// Preloaded (`node --import`) into a benchmarked psttm run: when the process exits, writes its peak RSS (MB) and the
// CPU time it used (ms, user + system) as JSON to file descriptor 3, so the run is timed end to end as a user starts
// it and still reports its own usage; on a busy machine the CPU time says what the wall time cannot.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(3, JSON.stringify({ peakRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
