// Preloaded (`node --import`) into the `psttm report` the size bench spawns: at exit, on fd 3, the process's CPU time, its peak RSS and
// the time it spent in garbage collection (from the collector's own entries), as JSON.
import { writeSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  writeSync(3, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, peakRssMb: maxRSS / 1024, gcMs }));
});
