import { leftMargin, xAxis, yAxis } from './axes.js';
import { legend, openSvg, px, seriesColor, TOP, WIDTH, type ChartText } from './frame.js';
import { formatTick, linearScale } from './scale.js';
import { escapeXml } from './text.js';
import { rejectUnknownKeys, rejectUnknownKeysEach, type KeyList } from '../../errors/knownKeys.js';

/** A line chart: series of (x, y) points on linear axes. */
export interface LineChartSpec extends ChartText {
  /** One line per series, in palette order; `dashed` for a model line beside observed data. */
  readonly series: readonly { readonly name: string; readonly x: ArrayLike<number>; readonly y: ArrayLike<number>; readonly dashed?: boolean }[];
  /** X axis label, with units. */
  readonly xLabel: string;
  /** Y axis label, with units. */
  readonly yLabel: string;
  /** Vertical marker lines with a short label (e.g. the end of the calibration period). @defaultValue none */
  readonly markers?: readonly { readonly x: number; readonly label: string }[];
  /** Draw the diagonal y = x (for a Lorenz curve). @defaultValue false */
  readonly diagonal?: boolean;
  /** Tick label formats. @defaultValue compact numbers */
  readonly formatX?: (v: number) => string;
  readonly formatY?: (v: number) => string;
  /** Height in px. @defaultValue 320 */
  readonly height?: number;
}

/**
 * A line chart as an SVG string: the drawing of {@link repeatPurchaseTrackingSvg} and
 * {@link lorenzCurveSvg}, for any series. One `<path>` per series, whatever its length.
 *
 * @param spec - Title, description, series and axis labels.
 * @returns An `<svg>` element as a string.
 * @example
 * ```ts
 * import { lineChartSvg } from 'loyalty-score';
 * const svg = lineChartSvg({ title: 'Growth', description: 'Customers per week.', series: [{ name: 'customers', x: [1, 2, 3], y: [10, 20, 15] }], xLabel: 'week', yLabel: 'customers' });
 * (svg.match(/<path class="ls-line"/g) ?? []).length; // => 1
 * ```
 */
export function lineChartSvg(spec: LineChartSpec): string {
  rejectUnknownKeys(spec, LINE_CHART_SPEC_KEYS, 'spec', 'lineChartSvg');
  rejectUnknownKeysEach(spec.series, LINE_SERIES_KEYS, ['spec', 'series'], 'lineChartSvg');
  rejectUnknownKeysEach(spec.markers, LINE_MARKER_KEYS, ['spec', 'markers'], 'lineChartSvg');
  const height = spec.height ?? 320;
  const bottom = height - 44;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, 0, -Infinity];
  for (const s of spec.series) {
    for (let i = 0; i < s.x.length; i++) {
      x0 = Math.min(x0, s.x[i]!);
      x1 = Math.max(x1, s.x[i]!);
      y0 = Math.min(y0, s.y[i]!);
      y1 = Math.max(y1, s.y[i]!);
    }
  }
  if (!Number.isFinite(x0)) [x0, x1, y1] = [0, 1, 1];
  const formatY = spec.formatY ?? formatTick;
  const y = linearScale(y0, y1, bottom, TOP + 8);
  const left = leftMargin(y, formatY);
  const right = WIDTH - 14;
  const x = linearScale(x0, x1, left, right, 8);
  const parts: string[] = [openSvg(spec, height)];
  parts.push(legend(spec.series.map((s, k) => ({ name: s.name, color: seriesColor(k), line: true, dashed: s.dashed === true }))));
  parts.push(yAxis(y, left, right, spec.yLabel, formatY));
  parts.push(xAxis(x, bottom, spec.xLabel, spec.formatX ?? formatTick));
  if (spec.diagonal) parts.push(`<line x1="${px(x(0))}" y1="${px(y(0))}" x2="${px(x(1))}" y2="${px(y(1))}" stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="2 3"/>`);
  for (const m of spec.markers ?? []) {
    const xx = x(m.x);
    parts.push(`<line class="ls-marker" x1="${px(xx)}" x2="${px(xx)}" y1="${px(TOP + 8)}" y2="${px(bottom)}" stroke="currentColor" stroke-opacity="0.5" stroke-dasharray="4 3"/>`);
    parts.push(`<text class="ls-marker-label" x="${px(xx + 4)}" y="${px(TOP + 20)}">${escapeXml(m.label)}</text>`);
  }
  spec.series.forEach((s, k) => {
    let d = '';
    for (let i = 0; i < s.x.length; i++) d += `${i === 0 ? 'M' : 'L'}${px(x(s.x[i]!))},${px(y(s.y[i]!))}`;
    parts.push(`<path class="ls-line" d="${d}" fill="none" stroke="${seriesColor(k)}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 3"' : ''}><title>${escapeXml(s.name)}</title></path>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const LINE_CHART_SPEC_KEYS: KeyList<LineChartSpec> = {
  title: true,
  description: true,
  series: true,
  xLabel: true,
  yLabel: true,
  markers: true,
  diagonal: true,
  formatX: true,
  formatY: true,
  height: true,
};
const LINE_SERIES_KEYS: KeyList<LineChartSpec['series'][number]> = { name: true, x: true, y: true, dashed: true };
const LINE_MARKER_KEYS: KeyList<NonNullable<LineChartSpec['markers']>[number]> = { x: true, label: true };
