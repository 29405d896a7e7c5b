import { describe, expect, it } from 'vitest';
import { heatCell, heatmapGrid, progressBar, relativeLuminance, statusSegments } from '../../src/render/html/charts.ts';

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const rgb = (hex: string) => [1, 3, 5].map((index) => Number.parseInt(hex.slice(index, index + 2), 16));

describe('progressBar', () => {
  it('clamps the bar to 0..100 but keeps the marker on the expected progress', () => {
    expect(progressBar(0.25, 0.5, 'at_risk')).toEqual({ fill: 25, marker: 49.5, colour: '#b45309' });
    expect(progressBar(1.3, 1, 'achieved').fill).toBe(100);
    expect(progressBar(1.3, 1, 'achieved').marker).toBe(99);
    expect(progressBar(-0.2, 0, 'off_track')).toMatchObject({ fill: 0, marker: 0 });
    expect(progressBar(null, null, 'no_data')).toMatchObject({ fill: 0, marker: undefined });
  });
});

describe('heatCell', () => {
  it('runs from light (0) to dark (1), grey for no value', () => {
    expect(heatCell(0).fill).toBe('#eff5fb');
    expect(heatCell(1).fill).toBe('#084594');
    expect(heatCell(null).fill).toBe('#f2f2f2');
  });

  it('gives every cell text with at least WCAG AA contrast (4.5:1)', () => {
    for (let step = 0; step <= 100; step++) {
      const cell = heatCell(step / 100);
      expect(contrast(relativeLuminance(rgb(cell.fill)), relativeLuminance(rgb(cell.text)))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('statusSegments', () => {
  it('splits 100 units by count, leaving out empty statuses', () => {
    const segments = statusSegments([
      { status: 'on_track', count: 1 },
      { status: 'at_risk', count: 0 },
      { status: 'no_data', count: 3 },
    ]);
    expect(segments.map(({ status, x, width }) => ({ status, x, width }))).toEqual([
      { status: 'on_track', x: 0, width: 25 },
      { status: 'no_data', x: 25, width: 75 },
    ]);
  });
});

describe('heatmapGrid', () => {
  it('lays cells out row by row after the row labels and the header', () => {
    const grid = heatmapGrid(['A', 'B'], ['x', 'y', 'z'], (row, column) => ({ intensity: row, label: `${row}${column}` }), { rowLabelWidth: 50, cellWidth: 10, cellHeight: 20, headerHeight: 30 });
    expect(grid).toMatchObject({ width: 80, height: 70 });
    expect(grid.rows[1]!.cells[2]).toMatchObject({ x: 70, y: 50, width: 10, height: 20, label: '12', fill: '#084594' });
  });
});
