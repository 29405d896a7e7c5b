/** A stream the CLI writes to; process.stdout and test buffers both fit. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI takes from the outside world, so tests can run `main` in-process. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock: only for defaults (today as the as-of date), never inside computations. */
  now: () => Date;
}
