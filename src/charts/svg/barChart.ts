import { bandLabels, leftMargin, yAxis } from './axes.js';
import { legend, openSvg, px, seriesColor, TOP, WIDTH, type ChartText } from './frame.js';
import { formatTick, linearScale } from './scale.js';
import { escapeXml } from './text.js';
import { rejectUnknownKeys, rejectUnknownKeysEach, type KeyList } from '../../errors/knownKeys.js';

/** A grouped vertical bar chart: one group per category, one bar per series. */
export interface BarChartSpec extends ChartText {
  /** Category labels along the x axis. */
  readonly categories: readonly string[];
  /** One series per bar colour; `values[i]` belongs to `categories[i]`. */
  readonly series: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
  /** X axis label, with units. */
  readonly xLabel: string;
  /** Y axis label, with units. */
  readonly yLabel: string;
  /** Tick label format of the y axis. @defaultValue compact numbers (1.2k, 3M) */
  readonly format?: (v: number) => string;
  /** Height in px. @defaultValue 320 */
  readonly height?: number;
}

/**
 * A grouped bar chart as an SVG string: the drawing of {@link calibrationVsHoldoutSvg},
 * {@link periodTransactionsSvg} and {@link clvDistributionSvg}, for any plot-ready series.
 * Bars start at 0; the legend names the series. Pure string building, no DOM.
 *
 * @param spec - Title, description, categories, series and axis labels.
 * @returns An `<svg>` element as a string.
 * @example
 * ```ts
 * import { barChartSvg } from 'loyalty-score';
 * const svg = barChartSvg({ title: 'Orders', description: 'Orders per weekday.', categories: ['Mon', 'Tue'], series: [{ name: 'orders', values: [3, 5] }], xLabel: 'weekday', yLabel: 'orders' });
 * svg.startsWith('<svg'); // => true
 * (svg.match(/<rect class="ls-bar"/g) ?? []).length; // => 2
 * ```
 */
export function barChartSvg(spec: BarChartSpec): string {
  rejectUnknownKeys(spec, BAR_CHART_SPEC_KEYS, 'spec', 'barChartSvg');
  rejectUnknownKeysEach(spec.series, BAR_SERIES_KEYS, ['spec', 'series'], 'barChartSvg');
  const height = spec.height ?? 320;
  const format = spec.format ?? formatTick;
  const bottom = height - 44;
  let max = 0;
  for (const s of spec.series) for (let i = 0; i < s.values.length; i++) max = Math.max(max, s.values[i]!);
  const y = linearScale(0, max, bottom, TOP + 8);
  const left = leftMargin(y, format);
  const right = WIDTH - 8;
  const band = (right - left) / Math.max(1, spec.categories.length);
  const inner = band * 0.8;
  const bar = inner / Math.max(1, spec.series.length);
  const parts: string[] = [openSvg(spec, height)];
  if (spec.series.length > 1) parts.push(legend(spec.series.map((s, k) => ({ name: s.name, color: seriesColor(k) }))));
  parts.push(yAxis(y, left, right, spec.yLabel, format));
  spec.series.forEach((s, k) => {
    const color = seriesColor(k);
    for (let i = 0; i < spec.categories.length; i++) {
      const v = s.values[i] ?? 0;
      const x = left + i * band + (band - inner) / 2 + k * bar;
      const top = y(Math.max(0, v));
      parts.push(`<rect class="ls-bar" x="${px(x)}" y="${px(top)}" width="${px(Math.max(0.5, bar - 1))}" height="${px(Math.max(0, bottom - top))}" fill="${color}"><title>${escapeXml(`${spec.categories[i]}, ${s.name}: ${format(v)}`)}</title></rect>`);
    }
  });
  parts.push(`<line x1="${px(left)}" x2="${px(right)}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="currentColor" stroke-opacity="0.6"/>`);
  parts.push(bandLabels(spec.categories, left, band, bottom, spec.xLabel, right));
  parts.push('</svg>');
  return parts.join('');
}

const BAR_CHART_SPEC_KEYS: KeyList<BarChartSpec> = { title: true, description: true, categories: true, series: true, xLabel: true, yLabel: true, format: true, height: true };
const BAR_SERIES_KEYS: KeyList<BarChartSpec['series'][number]> = { name: true, values: true };
