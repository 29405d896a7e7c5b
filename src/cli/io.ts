/** A stream the CLI writes to; process.stdout and test buffers both fit. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The stream the CLI reads keys from (dup review); process.stdin and test streams both fit. */
export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
}

/** Everything the CLI takes from the outside world, so tests can run `main` in-process. */
export interface Io {
  /** Absent where nothing can be typed (in-process runs that give none). */
  stdin?: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The system clock's date (UTC, YYYY-MM-DD), read once by the bin: today when neither --today nor SOURCE_DATE_EPOCH says otherwise. */
  today: string;
}
