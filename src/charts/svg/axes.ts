import { formatTick, type LinearScale } from './scale.js';
import { escapeXml, textWidth } from './text.js';
import { px } from './frame.js';

/** The y axis: gridlines, tick labels right-aligned left of `left`, and the rotated axis label. @internal */
export function yAxis(y: LinearScale, left: number, right: number, label: string, format: (v: number) => string = formatTick): string {
  const parts: string[] = [];
  for (const t of y.ticks) {
    const yy = y(t);
    parts.push(`<line class="ls-grid" x1="${px(left)}" x2="${px(right)}" y1="${px(yy)}" y2="${px(yy)}" stroke="currentColor" stroke-opacity="0.15"/>`);
    parts.push(`<text class="ls-tick" x="${px(left - 6)}" y="${px(yy + 4)}" text-anchor="end">${escapeXml(format(t))}</text>`);
  }
  const [top, bottom] = [y(y.domain[1]), y(y.domain[0])];
  parts.push(`<text class="ls-axis-label" transform="translate(12 ${px((top + bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(label)}</text>`);
  return parts.join('');
}

/** The x axis of a linear scale: baseline, ticks with labels under `bottom`, the axis label. @internal */
export function xAxis(x: LinearScale, bottom: number, label: string, format: (v: number) => string = formatTick): string {
  const parts: string[] = [`<line x1="${px(x(x.domain[0]))}" x2="${px(x(x.domain[1]))}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="currentColor" stroke-opacity="0.6"/>`];
  for (const t of x.ticks) {
    const xx = x(t);
    parts.push(`<line x1="${px(xx)}" x2="${px(xx)}" y1="${px(bottom)}" y2="${px(bottom + 4)}" stroke="currentColor" stroke-opacity="0.6"/>`);
    parts.push(`<text class="ls-tick" x="${px(xx)}" y="${px(bottom + 17)}" text-anchor="middle">${escapeXml(format(t))}</text>`);
  }
  parts.push(`<text class="ls-axis-label" x="${px((x(x.domain[0]) + x(x.domain[1])) / 2)}" y="${px(bottom + 36)}" text-anchor="middle">${escapeXml(label)}</text>`);
  return parts.join('');
}

/** Left margin that fits the widest y tick label and the rotated axis label. @internal */
export function leftMargin(y: LinearScale, format: (v: number) => string = formatTick): number {
  return Math.ceil(Math.max(...y.ticks.map((t) => textWidth(format(t))))) + 34;
}

/** Category labels under evenly spaced bands; every `stride`-th label when they would collide. @internal */
export function bandLabels(labels: readonly string[], left: number, band: number, bottom: number, axisLabel: string, right: number): string {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l)));
  const stride = Math.max(1, Math.ceil((widest + 6) / band));
  const parts: string[] = [];
  labels.forEach((l, i) => {
    // Keep the label inside the chart: a wide last label is pulled left of the right edge.
    const x = Math.min(left + (i + 0.5) * band, right + 6 - textWidth(l) / 2);
    if (i % stride === 0) parts.push(`<text class="ls-tick" x="${px(x)}" y="${px(bottom + 17)}" text-anchor="middle">${escapeXml(l)}</text>`);
  });
  parts.push(`<text class="ls-axis-label" x="${px((left + right) / 2)}" y="${px(bottom + 36)}" text-anchor="middle">${escapeXml(axisLabel)}</text>`);
  return parts.join('');
}
