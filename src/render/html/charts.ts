import type { Status } from '../../compute/status.js';

/** Geometry of the inline SVG charts, computed from the data; the partials in templates/ draw them. */

const STATUS_COLOURS: Record<Status, string> = {
  achieved: '#1b5e20',
  on_track: '#2e7d32',
  at_risk: '#b45309',
  off_track: '#b71c1c',
  insufficient_data: '#0d47a1',
  stale: '#6a1b9a',
  no_data: '#616161',
};

export interface ProgressBar {
  /** Width of the filled part, 0..100 (progress clamped: the bar cannot overflow or go negative). */
  fill: number;
  /** Left edge of the expected-progress marker (1 unit wide, centred on the expected value), when there is one. */
  marker: number | undefined;
  colour: string;
}

export function progressBar(progress: number | null, expected: number | null, status: Status): ProgressBar {
  const scale = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10;
  return { fill: progress === null ? 0 : scale(progress), marker: expected === null ? undefined : Math.min(99, Math.max(0, scale(expected) - 0.5)), colour: STATUS_COLOURS[status] };
}

export interface HeatCell {
  fill: string;
  /** Text colour with enough contrast on the fill (WCAG AA). */
  text: string;
}

const EMPTY_CELL: HeatCell = { fill: '#f2f2f2', text: '#333333' };

/** A sequential blue scale for 0..1; no value gets a neutral grey. The text is black or white, whichever contrasts more. */
export function heatCell(value: number | null | undefined): HeatCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  const t = Math.min(1, Math.max(0, value));
  const [from, to] = [[0xef, 0xf5, 0xfb], [0x08, 0x45, 0x94]] as const;
  const rgb = [0, 1, 2].map((index) => Math.round(from[index as 0] + (to[index as 0] - from[index as 0]) * t));
  const luminance = relativeLuminance(rgb);
  // WCAG contrast against white is 1.05 / (L + 0.05), against black (L + 0.05) / 0.05: pick the larger.
  const text = 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
  return { fill: `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`, text };
}

/** WCAG 2 relative luminance of an sRGB colour (channels 0..255). */
export function relativeLuminance(rgb: readonly number[]): number {
  const linear = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

export interface StatusSegment {
  status: Status;
  count: number;
  x: number;
  width: number;
  colour: string;
}

/** A 100-unit stacked bar of the statuses with a count above zero. */
export function statusSegments(counts: readonly { status: Status; count: number }[]): StatusSegment[] {
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  let x = 0;
  return counts
    .filter(({ count }) => count > 0)
    .map(({ status, count }) => {
      const width = (count / total) * 100;
      const segment = { status, count, x: Math.round(x * 100) / 100, width: Math.round(width * 100) / 100, colour: STATUS_COLOURS[status] };
      x += width;
      return segment;
    });
}

export interface HeatmapGrid {
  width: number;
  height: number;
  columns: { x: number; label: string }[];
  rows: { y: number; textY: number; label: string; cells: (HeatCell & { x: number; y: number; width: number; height: number; textX: number; textY: number; label: string })[] }[];
}

/** A grid of coloured cells: `intensity` (0..1, or null for no value) sets the colour, `label` the text shown in the cell. */
export function heatmapGrid(
  rowLabels: readonly string[],
  columnLabels: readonly string[],
  cell: (row: number, column: number) => { intensity: number | null; label: string },
  size: { rowLabelWidth: number; cellWidth: number; cellHeight: number; headerHeight: number },
): HeatmapGrid {
  const { rowLabelWidth, cellWidth, cellHeight, headerHeight } = size;
  return {
    width: rowLabelWidth + columnLabels.length * cellWidth,
    height: headerHeight + rowLabels.length * cellHeight,
    columns: columnLabels.map((label, index) => ({ x: rowLabelWidth + index * cellWidth + cellWidth / 2, label })),
    rows: rowLabels.map((label, row) => {
      const y = headerHeight + row * cellHeight;
      return {
        y,
        textY: y + cellHeight / 2 + 4,
        label,
        cells: columnLabels.map((_, column) => {
          const { intensity, label: text } = cell(row, column);
          const x = rowLabelWidth + column * cellWidth;
          return { ...heatCell(intensity), x, y, width: cellWidth, height: cellHeight, textX: x + cellWidth / 2, textY: y + cellHeight / 2 + 4, label: text };
        }),
      };
    }),
  };
}

/** The legend of the heat scale: swatches at 0, 25, 50, 75 and 100 %, each with the share it stands for. */
export function heatLegend(): (HeatCell & { share: number })[] {
  return [0, 0.25, 0.5, 0.75, 1].map((share) => ({ share, ...heatCell(share) }));
}
