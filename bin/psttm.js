#!/usr/bin/env node
import module from 'node:module';
import { tierUpForShortRuns } from '../dist/cli/tiering.js';

tierUpForShortRuns();
// Node 22.1 and later keep the compiled code of psttm's modules between runs; Node 20 has no such cache.
module.enableCompileCache?.();
const { runProcess } = await import('../dist/cli/process-entry.js');
await runProcess();
