/**
 * C0 and C1 control characters (ESC, CSI U+009B, BEL, backspace, CR…), DEL, the line and paragraph
 * separators, and the bidi embeddings, overrides and isolates that reorder what a reader sees.
 */
const ABOVE_C0 = '\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f${ABOVE_C0}]`, 'g');
/** The same, but for \n, which multi-line fields keep. */
const UNSAFE_EXCEPT_LINE_BREAKS = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f${ABOVE_C0}]`, 'g');

/**
 * Data made safe to print on a terminal: every character that could move the cursor, restyle or
 * retitle the terminal, or reorder the text is shown escaped (`\x1b`, `\u202e`), so data can only
 * ever print as visible text. `keepLineBreaks` keeps `\n` in multi-line fields (a description).
 */
export function terminalText(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks ? UNSAFE_EXCEPT_LINE_BREAKS : UNSAFE, escapeCharacter);
}

/** `\xHH` for the one-byte range, `\uHHHH` above it. */
function escapeCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
