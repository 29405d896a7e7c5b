/** Line arithmetic on a file's text, for edits that must keep every line ending as it is. */

/** The line ending most lines of `text` use (`\r\n` or `\n`); what an edit writes in the lines it adds. */
export function dominantLineEnding(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line ending of the line holding `offset` (the text's length on a last line without one). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** `lineEnd`, but an offset right after a line ending is already the end of its line. */
export function endOfLineAt(text: string, offset: number): number {
  return text[offset - 1] === '\n' ? offset : lineEnd(text, offset);
}

/** The length of the line ending just before `offset` (0 at the start of the text). */
export function lineEndingBefore(text: string, offset: number): number {
  if (text[offset - 1] !== '\n') return 0;
  return text[offset - 2] === '\r' ? 2 : 1;
}

/** 1-based line and column of an offset, as editors show them. */
export function linePosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - lineStart(text, offset) + 1 };
}

/** A replacement of `text.slice(start, end)`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Insert whole lines at `offset` (a line start, or the end of a text without a final line ending). */
export function linesSplice(text: string, offset: number, lines: readonly string[], eol: string): Splice {
  const atUnendedEnd = offset === text.length && text.length > 0 && !text.endsWith('\n');
  return { start: offset, end: offset, text: atUnendedEnd ? eol + lines.join(eol) : lines.map((line) => line + eol).join('') };
}

/** Apply non-overlapping splices, last first so earlier offsets stay valid (at one offset, a removal before an insertion). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  return [...splices].sort((a, b) => b.start - a.start || b.end - a.end).reduce((result, splice) => result.slice(0, splice.start) + splice.text + result.slice(splice.end), text);
}
