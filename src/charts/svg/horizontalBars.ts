import { xAxis } from './axes.js';
import { legend, openSvg, px, seriesColor, TOP, WIDTH, type ChartText } from './frame.js';
import { formatTick, linearScale } from './scale.js';
import { escapeXml, textWidth } from './text.js';
import { rejectUnknownKeys, rejectUnknownKeysEach, type KeyList } from '../../errors/knownKeys.js';

/** Horizontal bars: one row per category (long names read best this way), one bar per series. */
export interface HorizontalBarsSpec extends ChartText {
  /** Category labels, top to bottom. */
  readonly categories: readonly string[];
  /** One series per bar colour; `values[i]` belongs to `categories[i]`. */
  readonly series: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
  /** Value axis label, with units. */
  readonly xLabel: string;
  /** Tick label format. @defaultValue compact numbers */
  readonly format?: (v: number) => string;
}

/**
 * Horizontal bars as an SVG string: the drawing of segment sizes, missing signals and CLV by
 * group. The height grows with the number of categories (22 px per row and series).
 *
 * @param spec - Title, description, categories, series and the axis label.
 * @returns An `<svg>` element as a string.
 * @example
 * ```ts
 * import { horizontalBarsSvg } from 'loyalty-score';
 * const svg = horizontalBarsSvg({ title: 'Segments', description: 'Customers per segment.', categories: ['Champions', 'Lost'], series: [{ name: 'customers', values: [40, 60] }], xLabel: 'customers' });
 * (svg.match(/<rect class="ls-bar"/g) ?? []).length; // => 2
 * ```
 */
export function horizontalBarsSvg(spec: HorizontalBarsSpec): string {
  rejectUnknownKeys(spec, HORIZONTAL_BARS_SPEC_KEYS, 'spec', 'horizontalBarsSvg');
  rejectUnknownKeysEach(spec.series, HORIZONTAL_BARS_SERIES_KEYS, ['spec', 'series'], 'horizontalBarsSvg');
  const format = spec.format ?? formatTick;
  const rowHeight = 8 + 14 * Math.max(1, spec.series.length);
  const height = TOP + 8 + rowHeight * spec.categories.length + 44;
  const bottom = height - 44;
  const left = Math.ceil(Math.max(0, ...spec.categories.map((c) => textWidth(c)))) + 10;
  const right = WIDTH - 16;
  let max = 0;
  for (const s of spec.series) for (let i = 0; i < s.values.length; i++) max = Math.max(max, s.values[i]!);
  const x = linearScale(0, max, left, right, 6);
  const parts: string[] = [openSvg(spec, height)];
  if (spec.series.length > 1) parts.push(legend(spec.series.map((s, k) => ({ name: s.name, color: seriesColor(k) }))));
  for (const t of x.ticks) parts.push(`<line class="ls-grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(TOP + 8)}" y2="${px(bottom)}" stroke="currentColor" stroke-opacity="0.15"/>`);
  spec.categories.forEach((c, i) => {
    const y0 = TOP + 8 + i * rowHeight;
    parts.push(`<text class="ls-tick" x="${px(left - 6)}" y="${px(y0 + rowHeight / 2 + 4)}" text-anchor="end">${escapeXml(c)}</text>`);
    spec.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      parts.push(`<rect class="ls-bar" x="${px(left)}" y="${px(y0 + 4 + k * 14)}" width="${px(Math.max(0, x(Math.max(0, v)) - left))}" height="12" fill="${seriesColor(k)}"><title>${escapeXml(`${c}, ${s.name}: ${format(v)}`)}</title></rect>`);
    });
  });
  parts.push(xAxis(x, bottom, spec.xLabel, format));
  parts.push('</svg>');
  return parts.join('');
}

const HORIZONTAL_BARS_SPEC_KEYS: KeyList<HorizontalBarsSpec> = { title: true, description: true, categories: true, series: true, xLabel: true, format: true };
const HORIZONTAL_BARS_SERIES_KEYS: KeyList<HorizontalBarsSpec['series'][number]> = { name: true, values: true };
