/// <reference lib="dom" />
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../helpers/browser.ts';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';

const outputDir = path.join(repoRoot, 'test/output');

describe('the comuni in a real browser', () => {
  let browser: Browser;
  let reportUrl: string;
  let comuneUrl: string;

  beforeAll(async () => {
    // Copied by hand, not with tempPlan: its folders are removed after each test, and both tests read these reports.
    const root = mkdtempSync(path.join(tmpdir(), 'psttm-browser-'));
    cpSync(path.join(repoRoot, 'test/fixtures/base-plan'), root, { recursive: true });
    cpSync(path.join(repoRoot, 'test/fixtures/report-comuni'), path.join(root, 'plan'), { recursive: true });
    for (const extra of [[], ['--comune', '015209']]) {
      const result = await runBinary(['report', '--format', 'html', '--as-of', '2026-11-22', '--plan', root, ...extra], { cwd: root });
      expect(result.code, result.stderr).toBe(0);
    }
    reportUrl = pathToFileURL(path.join(root, 'reports/monitoraggio-2026-11-22.html')).href;
    comuneUrl = pathToFileURL(path.join(root, 'reports/comune-015209-sesto-san-giovanni-2026-11-22.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the heat map with the counts in its cells, coloured by share, with its legend, and no console error', async () => {
    const { page, problems, requests } = await openPage(browser, reportUrl);
    expect(problems).toEqual([]);
    expect(requests).toEqual([reportUrl]);
    const heatmap = page.locator('svg[data-chart="dup-heatmap"]');
    await expect(heatmap.isVisible()).resolves.toBe(true);
    // Nord Milano: Sesto of its 6 comuni serves M1 and M2; its cells are darker than a zone with none.
    const texts = await heatmap.locator('text').allTextContents();
    expect(texts.filter((text) => text === '1/6')).toHaveLength(2);
    const fills = await heatmap.locator('rect').evaluateAll((rects) => [...new Set(rects.map((rect) => rect.getAttribute('fill')))]);
    expect(fills.length).toBeGreaterThan(1);
    expect(await page.locator('[data-legend="dup-heatmap"] li').count()).toBe(5);
    mkdirSync(outputDir, { recursive: true });
    await page.locator('section#comuni').screenshot({ path: path.join(outputDir, 'report-comuni.png') });
    await page.close();
  });

  it("shows the comune's page (layout.test.ts prints it)", async () => {
    const { page, problems, requests } = await openPage(browser, comuneUrl);
    expect(problems).toEqual([]);
    expect(requests).toEqual([comuneUrl]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sesto San Giovanni');
    // The inline stylesheet was allowed by the CSP hash.
    expect(await page.locator('h1').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(31, 58, 95)');
    await page.screenshot({ path: path.join(outputDir, 'comune.png'), fullPage: true });
    await page.close();
  });
});
