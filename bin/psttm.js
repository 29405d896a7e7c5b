#!/usr/bin/env node
import module from 'node:module';
import { loadProcessEntry } from '../dist/cli/bundle-loader.js';

// Node 22.1 and later keep compiled code between runs by themselves.
module.enableCompileCache?.();
const { runProcess } = await loadProcessEntry();
await runProcess();
