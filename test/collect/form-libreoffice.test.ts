import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFormMetadata } from '../../src/load/spreadsheet/form-metadata.ts';
import { readSpreadsheet } from '../../src/load/spreadsheet/spreadsheet-file.ts';
import { convertWithLibreOffice, readPdf } from '../helpers/printed-workbook.ts';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

/** A4 in PostScript points, as pdfinfo prints it. */
const A4 = { short: 595.3, long: 841.9 };

describe('a form opened by LibreOffice', () => {
  it('converts to a PDF of A4 pages, and saved again as .xlsx keeps its metadata readable', { timeout: 180_000 }, async () => {
    const root = tempPlan(path.join(repoRoot, 'test/fixtures/collect-bounds'));
    const made = await runBinary(['collect', 'forms', '--plan', root, '--as-of', '2026-11-22', '--lead', 'Ufficio Gamma'], { cwd: root });
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const form = path.join(root, made.stdout.trim());
    const convert = async (format: string) => (await convertWithLibreOffice([form], format, path.join(root, format)))[0]!;

    const sizes = (await readPdf(await convert('pdf'))).map((page) => [page.width, page.height] as const);
    // Instructions (portrait), then indicators, milestones and facts (landscape), each on one page for one project; the metadata sheet is not printed.
    expect(sizes).toHaveLength(4);
    const [first, ...tables] = sizes;
    expect(first![0]).toBeCloseTo(A4.short, 0);
    expect(first![1]).toBeCloseTo(A4.long, 0);
    for (const [width, height] of tables) {
      expect(width).toBeCloseTo(A4.long, 0);
      expect(height).toBeCloseTo(A4.short, 0);
    }

    // LibreOffice turns the very hidden sheet into a hidden one: the reader finds it by its first key, not its state.
    const original = readFormMetadata(await readSpreadsheet(readFileSync(form), 'form.xlsx'));
    const saved = readFormMetadata(await readSpreadsheet(readFileSync(await convert('xlsx')), 'saved.xlsx'));
    expect(original).toHaveProperty('metadata.lead', 'Ufficio Gamma');
    expect(saved).toEqual(original);
  });
});
