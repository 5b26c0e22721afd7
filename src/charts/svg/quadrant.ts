import { openSvg, px, seriesColor, TOP, WIDTH, type ChartText } from './frame.js';
import { escapeXml, wrapText } from './text.js';
import { rejectUnknownKeys, rejectUnknownKeysEach, type KeyList } from '../../errors/knownKeys.js';

/** A two-axis quadrant: four boxes, each with a name and a few lines of numbers. */
export interface QuadrantSpec extends ChartText {
  /** X axis label, read left (low) to right (high). */
  readonly xLabel: string;
  /** Y axis label, read bottom (low) to top (high). */
  readonly yLabel: string;
  /** The boxes by position: top-left, top-right, bottom-left, bottom-right. */
  readonly cells: readonly [QuadrantCellSpec, QuadrantCellSpec, QuadrantCellSpec, QuadrantCellSpec];
}

/** One box of a {@link QuadrantSpec}. */
export interface QuadrantCellSpec {
  readonly name: string;
  /** Lines under the name, e.g. "412 customers (13.7%)"; long lines wrap, and at most five lines are drawn. */
  readonly lines: readonly string[];
  /** Share 0..1 that sets the box's colour strength. */
  readonly share: number;
}

/**
 * A 2 x 2 quadrant as an SVG string: the drawing of the attitude x repeat loyalty quadrant and
 * the value x loyalty groups. Each box is tinted by its share of customers.
 *
 * @param spec - Title, description, axis labels and the four boxes.
 * @returns An `<svg>` element as a string.
 * @example
 * ```ts
 * import { quadrantSvg } from 'loyalty-score';
 * const cell = (name: string) => ({ name, lines: ['10 customers'], share: 0.25 });
 * const svg = quadrantSvg({ title: 'Q', description: 'Four groups.', xLabel: 'repeat', yLabel: 'attitude', cells: [cell('latent'), cell('true'), cell('none'), cell('spurious')] });
 * (svg.match(/<rect class="ls-quadrant"/g) ?? []).length; // => 4
 * ```
 */
export function quadrantSvg(spec: QuadrantSpec): string {
  rejectUnknownKeys(spec, QUADRANT_SPEC_KEYS, 'spec', 'quadrantSvg');
  rejectUnknownKeysEach(spec.cells, QUADRANT_CELL_KEYS, ['spec', 'cells'], 'quadrantSvg');
  const left = 40;
  const right = WIDTH - 8;
  const boxW = (right - left) / 2;
  const boxH = 118;
  const height = TOP + 8 + 2 * boxH + 44;
  const parts: string[] = [openSvg(spec, height)];
  spec.cells.forEach((cell, k) => {
    const x = left + (k % 2) * boxW;
    const y = TOP + 8 + Math.floor(k / 2) * boxH;
    parts.push(`<rect class="ls-quadrant" x="${px(x + 2)}" y="${px(y + 2)}" width="${px(boxW - 4)}" height="${px(boxH - 4)}" fill="${seriesColor(k)}" fill-opacity="${(0.12 + 0.6 * Math.min(1, Math.max(0, cell.share))).toFixed(2)}" stroke="${seriesColor(k)}"/>`);
    parts.push(`<text class="ls-quadrant-name" x="${px(x + 12)}" y="${px(y + 22)}" font-weight="600">${escapeXml(cell.name)}</text>`);
    const lines = cell.lines.flatMap((line) => wrapText(line, boxW - 24)).slice(0, 5);
    lines.forEach((line, j) => parts.push(`<text class="ls-quadrant-line" x="${px(x + 12)}" y="${px(y + 40 + j * 16)}">${escapeXml(line)}</text>`));
  });
  const bottom = TOP + 8 + 2 * boxH;
  parts.push(`<text class="ls-axis-label" x="${px((left + right) / 2)}" y="${px(bottom + 18)}" text-anchor="middle">${escapeXml(`${spec.xLabel}: low ← → high`)}</text>`);
  parts.push(`<text class="ls-axis-label" transform="translate(16 ${px((TOP + 8 + bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(`${spec.yLabel}: low ← → high`)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

const QUADRANT_SPEC_KEYS: KeyList<QuadrantSpec> = { title: true, description: true, xLabel: true, yLabel: true, cells: true };
const QUADRANT_CELL_KEYS: KeyList<QuadrantCellSpec> = { name: true, lines: true, share: true };
