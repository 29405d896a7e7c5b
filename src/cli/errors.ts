/**
 * An expected failure: one clear line on stderr, never a stack trace, and its exit code — 2 when
 * the run itself failed (bad usage, unreadable input), 1 when the input has findings that fail.
 * Anything else thrown is a bug and is re-thrown.
 */
export class RunError extends Error {
  override readonly name: string = 'RunError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** Bad command-line usage. */
export class UsageError extends RunError {
  override readonly name = 'UsageError';
}
