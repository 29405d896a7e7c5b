import type { Font, HeaderFooter, PageSetup } from 'exceljs';

/**
 * How every table sheet looks on screen and on paper: the report's and the comune's workbooks alike.
 *
 * The font is Calibri, Excel's own default, named on every cell so no program falls back to another
 * (LibreOffice used a serif for cells naming no font). LibreOffice draws Calibri with Carlito, which has
 * the same metrics, so lines break and pages end where they do in Excel; column widths are counted in
 * the width of a digit of this font.
 */
const FONT_NAME = 'Calibri';
const FONT_SIZE = 11;

export const CELL_FONT: Partial<Font> = { name: FONT_NAME, size: FONT_SIZE };
export const HEADER_FONT: Partial<Font> = { ...CELL_FONT, bold: true, color: { argb: 'FFFFFFFF' } };
/** The colour and underline of Excel's built-in Hyperlink cell style. */
export const LINK_FONT: Partial<Font> = { ...CELL_FONT, color: { argb: 'FF0563C1' }, underline: true };

/**
 * A4 landscape, every column on the width of one page (as many pages down as it takes), the header
 * row on each page, half-inch margins but at the foot, which holds a footer naming the sheet and the page
 * (LibreOffice prints a blank page after some tables when the footer has less room): &A is the sheet's
 * name, &P the page, &N the pages.
 */
export const PAGE_SETUP: Partial<PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.75, header: 0.3, footer: 0.3 },
};
export const HEADER_FOOTER: Partial<HeaderFooter> = { oddFooter: `&L&"${FONT_NAME},Regular"&9&A&R&"${FONT_NAME},Regular"&9&P / &N` };

/** The widest a text column gets, in digit widths: longer text wraps within it instead of running under the next column. */
export const TEXT_WIDTH_CAP = 50;

/** Points per line of 11-point Calibri: Excel's default row height, and the height per line it fits a wrapped row to. */
const LINE_HEIGHT = 15;
/** Digit widths a cell keeps free at its edges. */
const CELL_MARGIN = 1;

/**
 * The advance widths of the characters from space (U+0020) to tilde (U+007E) in digit widths, the
 * unit of column widths: the wider of Carlito Regular and Bold, read from the fonts (Calibri's metrics).
 */
const ASCII_WIDTHS = [
  0.45, 0.64, 0.87, 0.98, 1, 1.44, 1.39, 0.46, 0.61, 0.61, 0.98, 0.98, 0.51, 0.6, 0.53, 0.85,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.54, 0.54, 0.98, 0.98, 0.98, 0.91,
  1.77, 1.2, 1.11, 1.05, 1.24, 0.96, 0.91, 1.26, 1.24, 0.53, 0.65, 1.08, 0.83, 1.72, 1.3, 1.33,
  1.05, 1.35, 1.11, 0.93, 0.98, 1.29, 1.17, 1.79, 1.09, 1.03, 0.94, 0.64, 0.85, 0.64, 0.98, 0.98,
  0.59, 0.97, 1.06, 0.83, 1.06, 0.99, 0.62, 0.94, 1.06, 0.48, 0.5, 0.95, 0.48, 1.61, 1.06, 1.06,
  1.06, 1.06, 0.7, 0.79, 0.68, 1.06, 0.93, 1.47, 0.91, 0.93, 0.78, 0.68, 0.94, 0.68, 0.98,
];
/** Any other letter or symbol; East Asian characters (U+2E80 on) take two digits. */
const OTHER_WIDTH = 1.1;
const WIDE_FROM = 0x2e80;
const SPACE_WIDTH = ASCII_WIDTHS[0]!;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** No character is wider than this many digits. */
const WIDEST = 2;

/** The width of `text` in digit widths; an accented letter counts as its letter. */
export function textWidth(text: string): number {
  let width = 0;
  // Printable ASCII, most of a plan's text, has nothing to normalise: a table lookup per character.
  if (PRINTABLE_ASCII.test(text)) {
    for (let index = 0; index < text.length; index++) width += ASCII_WIDTHS[text.charCodeAt(index) - 0x20]!;
    return width;
  }
  for (const character of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    const code = character.codePointAt(0)!;
    width += ASCII_WIDTHS[code - 0x20] ?? (code >= WIDE_FROM ? 2 : OTHER_WIDTH);
  }
  return width;
}

/** Lines `text` takes when wrapped at spaces in a column `width` digit widths wide; a word longer than a line is broken. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - CELL_MARGIN);
  if (text.length * WIDEST <= room && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ').filter((part) => part !== '')) {
      const wordWidth = textWidth(word);
      if (used > 0 && used + SPACE_WIDTH + wordWidth <= room) {
        used += SPACE_WIDTH + wordWidth;
        continue;
      }
      if (used > 0) lines += 1;
      const brokenLines = Math.max(1, Math.ceil(wordWidth / room));
      lines += brokenLines - 1;
      used = wordWidth - (brokenLines - 1) * room;
    }
  }
  return lines;
}

/** The lines of the tallest of a row's cells, holding `texts` in columns of `widths`. */
export function rowLines(texts: readonly string[], widths: readonly number[]): number {
  return Math.max(1, ...texts.map((text, index) => wrappedLines(text, widths[index]!)));
}

/** The height in points of a row of `lines` lines of text. */
export function rowHeight(lines: number): number {
  return lines * LINE_HEIGHT;
}
