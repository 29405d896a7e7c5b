/**
 * Expected failures, one class per kind, thrown from any layer: each carries one clear line for
 * stderr, never a stack trace. Only `cli/main` maps them to exit codes; anything else thrown is a
 * bug and is re-thrown.
 */

/** Bad command-line usage: an option value, id or argument the command cannot take. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input that cannot be read or used: a missing plan folder, an unreadable file, a broken template. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A write that failed or that psttm refused, to keep the user's files safe; nothing was written. */
export class WriteError extends Error {
  override readonly name: string = 'WriteError';
}

/** The input has findings that fail the run: errors in the plan, or an edit that would add some. */
export class FailingFindingsError extends Error {
  override readonly name = 'FailingFindingsError';
}

/** The reader of stdout went away (`| head -1`): the run ends quietly, as a pipeline expects. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
}
