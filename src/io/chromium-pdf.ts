import { InputError } from '../core/errors.js';

// Keep Chromium off the network and quiet; playwright adds --headless and --no-sandbox (needed to run as root in containers).
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LAUNCH_TIMEOUT_MS = 60_000;

/**
 * Print a self-contained HTML page to PDF through the Chromium at `executablePath`: on the page size
 * its print CSS sets (A4), with backgrounds, tagged (so the PDF carries the page's language) and with
 * an outline of its headings; the PDF's title is the page's <title>. Nothing is written: the bytes
 * come back, to be saved with the other outputs.
 */
export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  let browser: import('playwright-core').Browser;
  try {
    // Signals stay psttm's (playwright's own handlers would call process.exit); Chromium, on a pipe, ends with psttm.
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (error) {
    const reason = String((error as Error).message ?? error).split('\n')[0];
    throw new InputError(`cannot start ${executablePath} to print the PDF (${reason}); install Debian's chromium or pass --chromium PATH`);
  }
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
