/// <reference lib="dom" />
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../helpers/browser.ts';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';

const outputDir = path.join(repoRoot, 'test/output');

describe('the HTML report in a real browser', () => {
  let browser: Browser;
  let reportUrl: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psttm-browser-'));
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

    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: path.join(outputDir, 'report.png'), fullPage: false });
    await page.close();
  });

  it('prints on A4 with each mission on a new page', async () => {
    const page = await browser.newPage();
    await page.goto(reportUrl);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('section.mission').first().evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
    expect(await page.locator('nav.contents').evaluate((element) => getComputedStyle(element).display)).toBe('none');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // The PDF's first page is A4 (595 × 842 points), and there is at least one page per mission.
    const text = pdf.toString('latin1');
    const [width, height] = (/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text) ?? []).slice(1).map(Number);
    expect(width).toBeCloseTo(595, 0);
    expect(height).toBeCloseTo(842, 0);
    expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(6);
    await page.close();
  });
});
