import { openSvg, px, TOP, WIDTH, type ChartText } from './frame.js';
import { sequential, textOnSequential } from './palette.js';
import { formatTick } from './scale.js';
import { escapeXml, textWidth } from './text.js';
import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';

/** A heatmap: a grid of values coloured on a sequential, colour-blind-safe ramp. */
export interface HeatmapSpec extends ChartText {
  /** Row labels, top to bottom. */
  readonly rows: readonly string[];
  /** Column labels, left to right. */
  readonly columns: readonly string[];
  /** `values[row][column]`; `null` for an empty cell (drawn blank). */
  readonly values: readonly (readonly (number | null)[])[];
  /** X axis label, with units. */
  readonly xLabel: string;
  /** Y axis label, with units. */
  readonly yLabel: string;
  /** What the colour means, with units (the legend's caption). */
  readonly legendLabel: string;
  /** Text in a cell, or `null` for none. @defaultValue the value, when cells are wide enough */
  readonly cellText?: (value: number | null, row: number, column: number) => string | null;
  /** Value format of the legend and default cell text. @defaultValue compact numbers */
  readonly format?: (v: number) => string;
  /** Height in px. @defaultValue 360 */
  readonly height?: number;
}

/**
 * A heatmap as an SVG string: the drawing of the frequency/recency and P(alive) matrices, the
 * RFM grid and the tier migration matrix. Colours are viridis from the smallest to the largest
 * value, with a legend bar; cell text is black or white by the cell's lightness and is left
 * out when it would not fit.
 *
 * @param spec - Title, description, labels, values and the legend caption.
 * @returns An `<svg>` element as a string.
 * @example
 * ```ts
 * import { heatmapSvg } from 'loyalty-score';
 * const svg = heatmapSvg({ title: 'Visits', description: 'Visits by day and hour.', rows: ['Mon', 'Tue'], columns: ['9h', '10h'], values: [[1, 2], [3, null]], xLabel: 'hour', yLabel: 'day', legendLabel: 'visits' });
 * (svg.match(/<rect class="ls-cell"/g) ?? []).length; // => 3
 * ```
 */
export function heatmapSvg(spec: HeatmapSpec): string {
  rejectUnknownKeys(spec, HEATMAP_SPEC_KEYS, 'spec', 'heatmapSvg');
  const height = spec.height ?? 360;
  const format = spec.format ?? formatTick;
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of spec.values) for (const v of row) if (v !== null && Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const t = (v: number): number => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const left = Math.ceil(Math.max(0, ...spec.rows.map((r) => textWidth(r)))) + 32;
  const legendWidth = 64;
  const right = WIDTH - legendWidth - 12;
  const bottom = height - 44;
  const cw = (right - left) / Math.max(1, spec.columns.length);
  const ch = (bottom - TOP) / Math.max(1, spec.rows.length);
  const cellText = spec.cellText ?? ((v: number | null) => (v === null ? null : format(v)));
  const parts: string[] = [openSvg(spec, height)];
  spec.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const x = left + c * cw;
      const y = TOP + r * ch;
      parts.push(`<rect class="ls-cell" x="${px(x)}" y="${px(y)}" width="${px(cw - 1)}" height="${px(ch - 1)}" fill="${sequential(t(v))}"><title>${escapeXml(`${spec.yLabel} ${spec.rows[r]}, ${spec.xLabel} ${spec.columns[c]}: ${format(v)}`)}</title></rect>`);
      const label = cellText(v, r, c);
      if (label !== null && textWidth(label) + 4 <= cw && ch >= 14) {
        parts.push(`<text class="ls-cell-text" x="${px(x + cw / 2)}" y="${px(y + ch / 2 + 4)}" text-anchor="middle" fill="${textOnSequential(t(v))}">${escapeXml(label)}</text>`);
      }
    });
  });
  const rowStride = Math.max(1, Math.ceil(15 / ch));
  spec.rows.forEach((l, r) => {
    if (r % rowStride === 0) parts.push(`<text class="ls-tick" x="${px(left - 6)}" y="${px(TOP + (r + 0.5) * ch + 4)}" text-anchor="end">${escapeXml(l)}</text>`);
  });
  const widest = Math.max(0, ...spec.columns.map((l) => textWidth(l)));
  const colStride = Math.max(1, Math.ceil((widest + 6) / cw));
  spec.columns.forEach((l, c) => {
    if (c % colStride === 0) parts.push(`<text class="ls-tick" x="${px(left + (c + 0.5) * cw)}" y="${px(bottom + 16)}" text-anchor="middle">${escapeXml(l)}</text>`);
  });
  parts.push(`<text class="ls-axis-label" x="${px((left + right) / 2)}" y="${px(bottom + 36)}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  parts.push(`<text class="ls-axis-label" transform="translate(12 ${px((TOP + bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  // Legend: a vertical ramp with the extremes.
  const lx = WIDTH - legendWidth + 4;
  const steps = 24;
  const lh = (bottom - TOP - 60) / steps;
  for (let k = 0; k < steps; k++) parts.push(`<rect x="${px(lx)}" y="${px(TOP + 30 + k * lh)}" width="14" height="${px(lh + 0.5)}" fill="${sequential(1 - k / (steps - 1))}"/>`);
  parts.push(`<text class="ls-legend" x="${px(lx + 18)}" y="${px(TOP + 34)}">${escapeXml(format(hi))}</text>`);
  parts.push(`<text class="ls-legend" x="${px(lx + 18)}" y="${px(TOP + 30 + steps * lh)}">${escapeXml(format(lo))}</text>`);
  parts.push(`<text class="ls-legend" x="${px(WIDTH)}" y="42" text-anchor="end">${escapeXml(spec.legendLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

const HEATMAP_SPEC_KEYS: KeyList<HeatmapSpec> = {
  title: true,
  description: true,
  rows: true,
  columns: true,
  values: true,
  xLabel: true,
  yLabel: true,
  legendLabel: true,
  cellText: true,
  format: true,
  height: true,
};
