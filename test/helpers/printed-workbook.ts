import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'cheerio';

const run = promisify(execFile);

/** Succeeds when the shell command does. */
function succeeds(command: string, ...args: string[]): boolean {
  try {
    execFileSync('sh', ['-c', command, ...args], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why workbooks cannot be printed here as CI prints them, or undefined when they can: LibreOffice's
 * soffice, poppler's pdftotext, and the Carlito font that stands in for Calibri (without
 * it LibreOffice draws another font, and lines break elsewhere).
 */
export function printingUnavailable(): string | undefined {
  const missing = ['soffice', 'pdftotext'].filter((command) => !succeeds('command -v "$0"', command));
  if (!succeeds('fc-list -q Carlito')) missing.push('the Carlito font');
  return missing.length > 0 ? `${missing.join(', ')} not installed; .ci/run installs libreoffice-calc-nogui, poppler-utils and fonts-crosextra-carlito` : undefined;
}

/**
 * Convert files with LibreOffice headless into `format` (pdf, xlsx…), each to `<name>.<format>` in
 * `outdir`. A profile of its own keeps this run apart from any other soffice on the machine.
 */
export async function convertWithLibreOffice(files: readonly string[], format: string, outdir: string): Promise<string[]> {
  const profile = mkdtempSync(path.join(tmpdir(), 'psttm-soffice-'));
  try {
    await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', format, '--outdir', outdir, ...files], { timeout: 180_000 });
    return files.map((file) => path.join(outdir, `${path.parse(file).name}.${format}`));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Print workbooks to PDF with LibreOffice headless, each to `<name>.pdf` beside it. */
export async function printToPdf(workbooks: readonly string[]): Promise<string[]> {
  return convertWithLibreOffice(workbooks, 'pdf', path.dirname(workbooks[0]!));
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  /** The page's footer: the sheet's name and the page's number of the document's pages. */
  footer: { sheet: string; page: number; pages: number } | undefined;
  /** Text in drawing order, each cell's lines together. */
  raw: string;
  words: PdfWord[];
}

/** The pages of a PDF as poppler reads them: size, footer, text and words with their boxes (in points, y down). */
export async function readPdf(file: string): Promise<PdfPage[]> {
  const [bbox, layout, raw] = await Promise.all([
    run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 }),
    run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }),
    run('pdftotext', ['-raw', file, '-'], { maxBuffer: 64 * 1024 * 1024 }),
  ]);
  // pdftotext ends every page with a form feed.
  const layoutPages = layout.stdout.split('\f');
  const rawPages = raw.stdout.split('\f');
  const $ = load(bbox.stdout, { xml: true });
  return $('page')
    .toArray()
    .map((page, index) => ({
      width: Number($(page).attr('width')),
      height: Number($(page).attr('height')),
      footer: footerOf(layoutPages[index]!),
      raw: rawPages[index]!,
      words: $(page)
        .find('word')
        .toArray()
        .map((word) => ({ text: $(word).text(), ...Object.fromEntries(['xMin', 'yMin', 'xMax', 'yMax'].map((key) => [key, Number($(word).attr(key))])) }) as PdfWord),
    }));
}

/** The last line of a page laid out as text: `<sheet>   <page> / <pages>`. */
function footerOf(layoutPage: string): PdfPage['footer'] {
  const last = layoutPage.split('\n').filter((line) => line.trim() !== '').at(-1) ?? '';
  const match = /^\s*(\S.*?)\s+(\d+)\s*\/\s*(\d+)\s*$/.exec(last);
  return match ? { sheet: match[1]!, page: Number(match[2]), pages: Number(match[3]) } : undefined;
}

/**
 * Words drawn over other words: pairs whose boxes, shrunk to their middle half in height (a box holds
 * the font's whole ascent and descent, so boxes of consecutive lines touch), intersect.
 */
export function overlappingWords(words: readonly PdfWord[]): [string, string][] {
  const inner = words.map((word) => {
    const quarter = (word.yMax - word.yMin) / 4;
    return { ...word, yMin: word.yMin + quarter, yMax: word.yMax - quarter };
  });
  const overlaps: [string, string][] = [];
  inner.forEach((a, index) => {
    for (const b of inner.slice(index + 1)) {
      if (a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax) overlaps.push([a.text, b.text]);
    }
  });
  return overlaps;
}
