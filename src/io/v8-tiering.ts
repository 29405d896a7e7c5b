import { setFlagsFromString } from 'node:v8';

/**
 * How much a function runs (V8's interrupt budget, in bytecode) before V8 compiles it optimized on a
 * background thread: 30 times V8's default. Most psttm runs last a fraction of a second and run
 * most of their code once; optimizing it would cost more CPU than it saves (a sixth of validate's).
 * A long run (a national report) still optimizes its hot code within its first second.
 */
const INTERRUPT_BUDGET = 2_000_000;

/** Set V8's tiering for a command-line run; called before any of psttm is loaded, as V8 flags must be set before the code they govern is compiled. */
export function tierUpForShortRuns(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
