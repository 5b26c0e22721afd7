import { openSvg, px, seriesColor, TOP, type ChartText } from './frame.js';
import { escapeXml } from './text.js';
import { rejectUnknownKeys, rejectUnknownKeysEach, type KeyList } from '../../errors/knownKeys.js';

/** A pyramid: levels from the top (smallest, most valuable) to the base, each with a label and a detail line. */
export interface PyramidSpec extends ChartText {
  /** Levels top to bottom; `detail` is a second line such as "12 customers · 44% of revenue". */
  readonly levels: readonly { readonly label: string; readonly detail: string }[];
}

/**
 * A pyramid as an SVG string: the drawing of the ABCD tiers and the loyalty pyramid. Every
 * level is a band of equal height (the pyramid shows order, not size; the numbers are in the
 * labels), coloured from the palette, with its label and detail to the right.
 *
 * @param spec - Title, description and the levels.
 * @returns An `<svg>` element as a string.
 * @example
 * ```ts
 * import { pyramidSvg } from 'loyalty-score';
 * const svg = pyramidSvg({ title: 'Tiers', description: 'Four tiers.', levels: [{ label: 'A', detail: '1%' }, { label: 'B', detail: '4%' }] });
 * (svg.match(/<path class="ls-level"/g) ?? []).length; // => 2
 * ```
 */
export function pyramidSvg(spec: PyramidSpec): string {
  rejectUnknownKeys(spec, PYRAMID_SPEC_KEYS, 'spec', 'pyramidSvg');
  rejectUnknownKeysEach(spec.levels, PYRAMID_LEVEL_KEYS, ['spec', 'levels'], 'pyramidSvg');
  const n = Math.max(1, spec.levels.length);
  const band = 56;
  const height = TOP + 8 + band * n + 12;
  const base = 280;
  const cx = 150;
  const parts: string[] = [openSvg(spec, height)];
  spec.levels.forEach((level, i) => {
    const y0 = TOP + 8 + i * band;
    const y1 = y0 + band - 3;
    const w0 = (base * (i + 0.35)) / n;
    const w1 = (base * (i + 1)) / n;
    parts.push(`<path class="ls-level" d="M${px(cx - w0 / 2)},${px(y0)}L${px(cx + w0 / 2)},${px(y0)}L${px(cx + w1 / 2)},${px(y1)}L${px(cx - w1 / 2)},${px(y1)}Z" fill="${seriesColor(i)}"><title>${escapeXml(`${level.label}: ${level.detail}`)}</title></path>`);
    parts.push(`<line x1="${px(cx + w1 / 2 + 4)}" x2="${px(cx + base / 2 + 24)}" y1="${px((y0 + y1) / 2)}" y2="${px((y0 + y1) / 2)}" stroke="currentColor" stroke-opacity="0.3"/>`);
    parts.push(`<text class="ls-level-label" x="${px(cx + base / 2 + 30)}" y="${px((y0 + y1) / 2 - 4)}" font-weight="600">${escapeXml(level.label)}</text>`);
    parts.push(`<text class="ls-level-detail" x="${px(cx + base / 2 + 30)}" y="${px((y0 + y1) / 2 + 12)}">${escapeXml(level.detail)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const PYRAMID_SPEC_KEYS: KeyList<PyramidSpec> = { title: true, description: true, levels: true };
const PYRAMID_LEVEL_KEYS: KeyList<PyramidSpec['levels'][number]> = { label: true, detail: true };
