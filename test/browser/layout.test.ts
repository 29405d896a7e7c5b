/// <reference lib="dom" />
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { pdfInfo } from '../helpers/pdf-info.ts';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';

const outputDir = path.join(repoRoot, 'test/output');
const PHONE = 390;
const TABLET = 768;
const DESKTOP = 1280;
// The print CSS sets A4 landscape with 10 mm margins: 277 mm of printable width, at 96 px per inch.
const PRINTABLE_WIDTH = Math.round((277 / 25.4) * 96);

/** The reports checked, with the pages each prints on (one page per mission and for the comuni section, and what fills them). */
const REPORTS = {
  plan: { pages: 32 },
  year: { pages: 32 },
  comune: { pages: 2 },
} as const;
type ReportName = keyof typeof REPORTS;

describe('the HTML reports on a phone, a tablet, a desktop and A4', () => {
  let browser: Browser;
  let dir: string;
  const urls = {} as Record<ReportName, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'psttm-layout-'));
    // The comune page needs DUPs: the base plan with the comuni fixture, as in dup-report.test.ts.
    const comuni = path.join(dir, 'comuni');
    cpSync(path.join(repoRoot, 'test/fixtures/base-plan'), comuni, { recursive: true });
    cpSync(path.join(repoRoot, 'test/fixtures/report-comuni'), path.join(comuni, 'plan'), { recursive: true });
    const runs: [ReportName, string[], string][] = [
      // The shipped plan: its --year report has the widest table (the overview with the change columns).
      ['plan', ['--as-of', '2026-11-22', '--plan', repoRoot, '--out', 'plan'], 'plan/monitoraggio-2026-11-22.html'],
      ['year', ['--year', '2026', '--plan', repoRoot, '--out', 'year'], 'year/monitoraggio-2026-12-31.html'],
      ['comune', ['--as-of', '2026-11-22', '--plan', comuni, '--comune', '015209', '--out', 'comune'], 'comune/comune-015209-sesto-san-giovanni-2026-11-22.html'],
    ];
    const results = await Promise.all(runs.map(([, argv]) => runBinary(['report', '--format', 'html', ...argv], { cwd: dir })));
    runs.forEach(([name, , file], index) => {
      expect(results[index]!.code, results[index]!.stderr).toBe(0);
      urls[name] = pathToFileURL(path.join(dir, file)).href;
    });
    browser = await launchChromium();
    mkdirSync(outputDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const screens = (Object.keys(REPORTS) as ReportName[]).flatMap((name) => [PHONE, TABLET, DESKTOP].map((width) => [name, width] as const));

  it.each(screens)('the %s report reads on a %i px screen: no page scrolling sideways, wide tables in their own region', async (name, width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(urls[name]);
    const layout = await page.evaluate(() => {
      const regions = [...document.querySelectorAll<HTMLElement>('.table-scroll')];
      return {
        pageWidth: document.documentElement.scrollWidth,
        // Tables outside a region would widen the page; every region can be reached and scrolled with the keyboard and is named.
        tablesOutside: [...document.querySelectorAll('table')].filter((table) => !table.closest('.table-scroll')).length,
        badRegions: regions.filter((region) => region.getAttribute('role') !== 'region' || region.tabIndex !== 0 || !/\S/.test(region.getAttribute('aria-label') ?? '')).length,
        regionsScrolling: regions.filter((region) => region.scrollWidth > region.clientWidth).length,
        headerPositions: [...new Set([...document.querySelectorAll('thead th')].map((header) => getComputedStyle(header).position))],
        // A heat map keeps its drawn size (12-13 px labels, 30 px cells) and scrolls, rather than shrinking to illegible.
        shrunkCharts: [...document.querySelectorAll<SVGSVGElement>('.table-scroll > svg.chart')].filter((chart) => Math.abs(chart.getBoundingClientRect().width - Number(chart.getAttribute('width'))) > 0.5).length,
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(width);
    expect(layout.tablesOutside).toBe(0);
    expect(layout.badRegions).toBe(0);
    expect(layout.headerPositions).toEqual(['sticky']);
    expect(layout.shrunkCharts).toBe(0);
    // On a desktop nothing needs to scroll, the --year overview included; on a phone the wide tables do, inside their regions.
    if (width === DESKTOP) expect(layout.regionsScrolling).toBe(0);
    if (width === PHONE && name !== 'comune') expect(layout.regionsScrolling).toBeGreaterThan(10);
    if (name === 'plan' && width !== TABLET) await page.screenshot({ path: path.join(outputDir, width === DESKTOP ? 'report-desktop.png' : 'report-phone.png') });
    await page.close();
  });

  it.each(Object.keys(REPORTS) as ReportName[])('the %s report prints on A4 landscape with no table clipped', async (name) => {
    // Laid out at the printable width, in print media, as Chromium lays out the printed page.
    const page = await browser.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 700 } });
    await page.goto(urls[name]);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      tablesTooWide: [...document.querySelectorAll('table')].filter((table) => table.getBoundingClientRect().right > innerWidth + 0.5 || table.scrollWidth > table.clientWidth).map((table) => table.dataset.table),
      regionsCutting: [...document.querySelectorAll('.table-scroll')].filter((region) => getComputedStyle(region).overflowX !== 'visible' || region.scrollWidth > region.clientWidth).length,
    }));
    expect(print).toEqual({ pageWidth: PRINTABLE_WIDTH, tablesTooWide: [], regionsCutting: 0 });
    const file = path.join(dir, `${name}.pdf`);
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(file);
    expect({ width: Math.round(info.width), height: Math.round(info.height), pages: info.pages }).toEqual({ width: 842, height: 595, pages: REPORTS[name].pages });
    await page.close();
  });

  const audits = (Object.keys(REPORTS) as ReportName[]).flatMap((name) => [PHONE, DESKTOP].map((width) => [name, width] as const));

  it.each(audits)('the %s report at %i px has no WCAG 2.1 AA violation axe-core can find', async (name, width) => {
    expect(await axeViolations(browser, urls[name], width)).toEqual([]);
  });

  it('prints the report to PDF with psttm report --format pdf: A4, titled, in the report language', async () => {
    const result = await runBinary(['report', '--format', 'pdf', '--as-of', '2026-11-22', '--plan', repoRoot, '--out', 'pdf'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'pdf/monitoraggio-2026-11-22.pdf\n' });
    const file = path.join(dir, 'pdf/monitoraggio-2026-11-22.pdf');
    const info = pdfInfo(file);
    expect(info).toEqual({ title: 'PSTTM 2025-2027 · Rapporto di monitoraggio · 22 novembre 2026', pages: REPORTS.plan.pages, width: 841.92, height: 594.96 });
    // Tagged, so the catalog names the document's language.
    expect(readFileSync(file).toString('latin1')).toContain('/Lang (it)');
  });

  it('exits 2 with one line, writing nothing, when --chromium names no program', async () => {
    const result = await runBinary(['report', '--format', 'pdf', '--plan', repoRoot, '--out', 'missing', '--chromium', '/nonexistent'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'psttm: --chromium /nonexistent: no executable file there; pass the path of Chromium or Chrome (e.g. /usr/bin/chromium)\n' });
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });
});
