/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type Axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's chromium, installed by .ci/run; the flags keep it off the (closed) network and sandbox-free as root.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Open a page, collecting console errors and warnings, page errors, failed requests and every request made. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}

/** The axe-core rules of WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * The WCAG 2.1 AA violations axe-core finds in a page at a screen width, each as its rule and the
 * elements that break it. The report's CSP allows no script, so this page bypasses it to run axe.
 */
export async function axeViolations(browser: Browser, url: string, width: number): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: AXE_SOURCE });
    const result = await page.evaluate((tags) => (window as unknown as { axe: typeof Axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_AA_TAGS);
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  } finally {
    await page.close();
  }
}
