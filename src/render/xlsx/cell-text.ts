/** The most characters an Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * Characters XML 1.0 forbids in a document (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) and
 * lone surrogates, which cannot be encoded as UTF-8: one of them makes the whole workbook unreadable.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text XML 1.0 can hold: each forbidden character is replaced by U+FFFD, so the reader sees where one was. */
export function xmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}

/**
 * Text for a cell: XML-safe, and cut to Excel's limit with `marker` at its end (a visible note that
 * the cell was cut). The cut never splits a surrogate pair.
 */
export function cellText(text: string, marker: string): string {
  const safe = xmlText(text);
  if (safe.length <= EXCEL_CELL_LIMIT) return safe;
  let end = EXCEL_CELL_LIMIT - marker.length;
  if (/[\ud800-\udbff]/.test(safe[end - 1]!)) end -= 1;
  return safe.slice(0, end) + marker;
}
