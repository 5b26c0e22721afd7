import { CATEGORICAL } from './palette.js';
import { escapeXml, FONT, textWidth } from './text.js';

/** What every chart states: a title and a plain-language description for screen readers. */
export interface ChartText {
  /** Shown at the top of the chart and as its `<title>`. */
  readonly title: string;
  /** The `<desc>` and part of the `aria-label`: what the chart shows, in words. */
  readonly description: string;
}

/** Chart width in px (the SVG scales down with its container). @internal */
export const WIDTH = 640;
/** Top of the plot area: title and legend above it. @internal */
export const TOP = 56;

/** The opening of a chart: `<svg>` with role, aria-label, `<title>`, `<desc>` and the title text. @internal */
export function openSvg(text: ChartText, height: number, width = WIDTH): string {
  const label = escapeXml(`${text.title}. ${text.description}`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="ls-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT}" fill="currentColor">` +
    `<title>${escapeXml(text.title)}</title><desc>${escapeXml(text.description)}</desc>` +
    `<text class="ls-title" x="0" y="18" font-size="15" font-weight="600">${escapeXml(text.title)}</text>`
  );
}

/** A legend row of swatches and names at the top right, under the title. @internal */
export function legend(items: readonly { readonly name: string; readonly color: string; readonly line?: boolean; readonly dashed?: boolean }[], width = WIDTH): string {
  let x = width;
  const parts: string[] = [];
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k]!;
    const w = textWidth(item.name);
    x -= w;
    parts.push(`<text class="ls-legend" x="${x.toFixed(1)}" y="42">${escapeXml(item.name)}</text>`);
    x -= 18;
    parts.push(
      item.line
        ? `<line x1="${x.toFixed(1)}" x2="${(x + 14).toFixed(1)}" y1="38" y2="38" stroke="${item.color}" stroke-width="2.5"${item.dashed ? ' stroke-dasharray="5 3"' : ''}/>`
        : `<rect x="${x.toFixed(1)}" y="32" width="12" height="12" fill="${item.color}"/>`,
    );
    x -= 16;
  }
  return `<g class="ls-legend-row">${parts.join('')}</g>`;
}

/** Series colour k of the colour-blind-safe palette. @internal */
export function seriesColor(k: number): string {
  return CATEGORICAL[k % CATEGORICAL.length]!;
}

/** Rounds a pixel coordinate for compact output. @internal */
export function px(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
