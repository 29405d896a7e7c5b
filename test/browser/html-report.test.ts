/// <reference lib="dom" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../helpers/browser.ts';
import { pdfInfo } from '../helpers/pdf-info.ts';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';

describe('the HTML report in a real browser', () => {
  let browser: Browser;
  let reportUrl: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'psttm-browser-'));
    const result = await runBinary(['report', '--format', 'html', '--as-of', '2026-11-22', '--out', dir, '--plan', repoRoot], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    reportUrl = pathToFileURL(path.join(dir, 'monitoraggio-2026-11-22.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console errors (CSP included) and no requests beyond the file, and shows its headings', async () => {
    const { page, problems, requests } = await openPage(browser, reportUrl);
    expect(problems).toEqual([]);
    expect(requests).toEqual([reportUrl]);
    await expect(page.locator('h1').textContent()).resolves.toBe('PSTTM 2025-2027');
    const missionHeadings = await page.locator('section.mission > h2').allTextContents();
    expect(missionHeadings.map((heading) => heading.split(' · ')[0])).toEqual(['Missione M1', 'Missione M2', 'Missione M3', 'Missione M4', 'Missione M5', 'Missione M6']);
    // The inline stylesheet was allowed by the CSP hash: the heading has the report's colour, not the browser's black.
    expect(await page.locator('h1').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(31, 58, 95)');
    // Every chart has a text alternative.
    for (const label of await page.locator('svg[role="img"]').evaluateAll((charts) => charts.map((chart) => chart.getAttribute('aria-label') ?? ''))) expect(label).toMatch(/\S/);
    await page.close();
  });

  it('prints on A4 landscape with each mission on a new page', async () => {
    const page = await browser.newPage();
    await page.goto(reportUrl);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('section.mission').first().evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
    expect(await page.locator('nav.contents').evaluate((element) => getComputedStyle(element).display)).toBe('none');
    const file = path.join(dir, 'report.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true });
    // The PDF's pages are A4 landscape (842 × 595 points), and there is at least one page per mission.
    const { width, height, pages } = pdfInfo(file);
    expect(width).toBeCloseTo(842, 0);
    expect(height).toBeCloseTo(595, 0);
    expect(pages).toBeGreaterThanOrEqual(6);
    await page.close();
  });
});
