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
