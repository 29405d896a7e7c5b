// Preloaded (`node --import`) into each process the start-up bench spawns: at exit, its own CPU time (user + sys, µs) on fd 3.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  writeSync(3, `${userCPUTime + systemCPUTime}\n`);
});
