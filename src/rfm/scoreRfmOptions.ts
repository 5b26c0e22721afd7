import { invalidOption } from '../errors/InvalidInputError.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import { compileSegmentTable, type CompiledSegments } from './compileSegmentTable.js';
import { rfmSegmentPreset } from './rfmSegmentPreset.js';
import type { RfmBinningMethod, RfmDimension, RfmPerDimension, RfmSegmentPreset, RfmSegmentTable } from './types.js';

/**
 * Options of `scoreRfm` and `scoreRfmColumns`. `revealValues` (default `false`) puts customer
 * ids in issues and messages; without it they name the customer's index only.
 */
export interface ScoreRfmOptions extends Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * Number of score levels per dimension, an integer from 2 to 9 (scores run 1..k, k best).
   * @defaultValue `5`
   */
  k?: number;
  /**
   * Binning method, for all three dimensions or per dimension (see {@link RfmBinningMethod}).
   * A dimension given `breaks` but no method uses `'fixed'`.
   * @defaultValue `'quantile'`
   */
  method?: RfmBinningMethod | Partial<RfmPerDimension<RfmBinningMethod>>;
  /**
   * Fixed cut points per dimension: k - 1 finite, strictly increasing values on the dimension's
   * own scale (time units for recency, purchases for frequency, money for monetary). A value equal
   * to a cut point goes to the lower bin. Recency breaks are ascending too: with breaks
   * `[30, 90, 180, 365]` (days), a recency of 30 or less scores 5.
   * @defaultValue none
   */
  breaks?: Partial<RfmPerDimension<readonly number[]>>;
  /**
   * Segment table: a preset name, a table of your own (validated: every cell exactly once), or
   * `'none'` for no segments. Presets are defined for k = 5 only.
   * @defaultValue `'default'` when k = 5, `'none'` otherwise
   */
  segments?: RfmSegmentPreset | 'none' | RfmSegmentTable;
}

/** The three dimensions, in r, f, m order. @internal */
export const DIMENSIONS: readonly RfmDimension[] = ['recency', 'frequency', 'monetary'];
const METHODS: readonly RfmBinningMethod[] = ['quantile', 'rank', 'fixed'];

/** Validated {@link ScoreRfmOptions}. @internal */
export interface ResolvedRfmOptions {
  readonly k: number;
  readonly methods: RfmPerDimension<RfmBinningMethod>;
  readonly breaks: Partial<RfmPerDimension<readonly number[]>>;
  readonly segments: CompiledSegments | null;
}

/**
 * Fills in the defaults of {@link ScoreRfmOptions} and validates them: k, then the methods, the
 * breaks and the segment table, in that order.
 * @internal
 */
export function resolveRfmOptions(options: ScoreRfmOptions): ResolvedRfmOptions {
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2 || k > 9) invalidOption('k', 'expected an integer from 2 to 9');
  const methods = resolveMethods(options);
  const breaks = resolveBreaks(options, methods, k);
  const segments = resolveSegments(options.segments, k);
  return { k, methods, breaks, segments };
}

function resolveMethods(options: ScoreRfmOptions): RfmPerDimension<RfmBinningMethod> {
  const m = options.method;
  const pick = (d: RfmDimension): RfmBinningMethod => {
    const given = typeof m === 'string' ? m : m === undefined ? undefined : m[d];
    const method = given ?? (options.breaks?.[d] !== undefined ? 'fixed' : 'quantile');
    if (!METHODS.includes(method)) invalidOption('method', `expected 'quantile', 'rank' or 'fixed' for ${d}`);
    return method;
  };
  if (m !== undefined && typeof m !== 'string' && (m === null || typeof m !== 'object' || !onlyDimensionKeys(m))) {
    invalidOption('method', "expected 'quantile', 'rank', 'fixed' or an object { recency?, frequency?, monetary? } of them");
  }
  return { recency: pick('recency'), frequency: pick('frequency'), monetary: pick('monetary') };
}

function resolveBreaks(
  options: ScoreRfmOptions,
  methods: RfmPerDimension<RfmBinningMethod>,
  k: number,
): Partial<RfmPerDimension<readonly number[]>> {
  if (options.breaks !== undefined && (options.breaks === null || typeof options.breaks !== 'object' || !onlyDimensionKeys(options.breaks))) {
    invalidOption('breaks', 'expected an object { recency?, frequency?, monetary? } of break lists');
  }
  const out: { -readonly [D in RfmDimension]?: readonly number[] } = {};
  for (const d of DIMENSIONS) {
    const b = options.breaks?.[d];
    if (methods[d] !== 'fixed') {
      if (b !== undefined) invalidOption('breaks', `breaks given for ${d}, whose method is '${methods[d]}' (expected method 'fixed')`);
      continue;
    }
    if (b === undefined) invalidOption('breaks', `method 'fixed' needs breaks for ${d}`);
    const ok =
      Array.isArray(b) &&
      b.length === k - 1 &&
      b.every((x, i) => typeof x === 'number' && Number.isFinite(x) && (i === 0 || x > (b[i - 1] as number)));
    if (!ok) invalidOption('breaks', `expected ${k - 1} finite, strictly increasing breaks for ${d} (k = ${k})`);
    out[d] = b;
  }
  return out;
}

/** Whether every key of a per-dimension option is a dimension name (a typo must not pass silently). */
function onlyDimensionKeys(o: object): boolean {
  return Object.keys(o).every((key) => (DIMENSIONS as readonly string[]).includes(key));
}

function resolveSegments(segments: ScoreRfmOptions['segments'], k: number): CompiledSegments | null {
  const s = segments ?? (k === 5 ? 'default' : 'none');
  if (s === 'none') return null;
  if (typeof s === 'string') {
    if (k !== 5) invalidOption('segments', `preset '${s}' is defined for k = 5 (got k = ${k}); pass a table of your own`);
    return compileSegmentTable(rfmSegmentPreset(s), 5);
  }
  return compileSegmentTable(s, k);
}
