import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import { binDimension } from './binDimension.js';
import { cellLabel, compileSegmentTable, type CompiledSegments } from './compileSegmentTable.js';
import { rfmSegmentPreset } from './rfmSegmentPreset.js';
import { notFiniteIssue, summaryList, type SummaryInput } from '../summary/summaryInput.js';
import type {
  RfmBinningMethod,
  RfmDimension,
  RfmPerDimension,
  RfmScore,
  RfmSegmentCount,
  RfmSegmentPreset,
  RfmSegmentTable,
  ScoreRfmResult,
} from './types.js';

/** Options of {@link scoreRfm}. */
export interface ScoreRfmOptions {
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

const DIMENSIONS: readonly RfmDimension[] = ['recency', 'frequency', 'monetary'];
const METHODS: readonly RfmBinningMethod[] = ['quantile', 'rank', 'fixed'];

/**
 * Scores every customer 1..k on recency, frequency and monetary value, and names the segment
 * of each R-F-M cell.
 *
 * Reads the RFM-scoring measures of each summary (`rfm.recency`: time since the last purchase,
 * lower is better; `rfm.frequency`: purchases; `rfm.monetary`: spend) and bins each dimension by
 * quantiles of the customer base (default), by a tie-robust mid-rank rule, or by fixed breaks.
 *
 * Tie rule: a score depends only on the value and the cut points (a value equal to a cut point
 * goes to the lower bin), so equal values always get equal scores. When ties leave some scores
 * empty (say 60% of customers bought once), the labels are not shifted: each dimension's result
 * reports the scores actually used (`bins`, `scoresUsed`) and the cut points (`thresholds`).
 * Formulas and the segment tables: docs/rfm.md. Cost: O(n log n) (three sorts of n numbers).
 *
 * @param summaries - Customer summaries: an array, or an object with a `customers` array.
 * @param options - See {@link ScoreRfmOptions}.
 * @returns Per-customer scores in input order, per-dimension binning, segment counts.
 * @throws {InvalidInputError} On a missing or non-finite RFM measure, a duplicate customer id,
 *   an invalid option, or a segment table that misses or double-covers a cell.
 *
 * @example
 * ```ts
 * import { scoreRfm } from 'loyalty-score';
 * const customer = (id: number, recency: number, frequency: number, monetary: number) => ({
 *   customerId: id, firstPurchase: '2024-01-01', lastPurchase: '2024-06-01', revenue: monetary,
 *   cost: null, profit: null, rfm: { recency, frequency, monetary },
 *   btyd: { frequency: frequency - 1, recency: 0, T: 0, monetaryValue: 0 },
 * });
 * const result = scoreRfm([customer(1, 2, 9, 900), customer(2, 40, 1, 20), customer(3, 10, 3, 150)], { k: 3 });
 * result.customers.map((c) => c.cell); // => ['333', '111', '222']
 * result.frequency.thresholds.map((t) => Math.round(t * 100) / 100); // => [2.33, 5]
 * result.frequency.bins; // => 3
 * ```
 */
export function scoreRfm(summaries: SummaryInput, options: ScoreRfmOptions = {}): ScoreRfmResult {
  const list = summaryList(summaries);
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2 || k > 9) invalidOption('k', 'expected an integer from 2 to 9');
  const methods = resolveMethods(options);
  const breaks = resolveBreaks(options, methods, k);
  const segments = resolveSegments(options.segments, k);

  const n = list.length;
  const cols: RfmPerDimension<Float64Array> = {
    recency: new Float64Array(n),
    frequency: new Float64Array(n),
    monetary: new Float64Array(n),
  };
  const issues: InputIssue[] = [];
  for (let i = 0; i < n; i++) {
    const s = list[i]!;
    const rfm = s.rfm as { recency?: unknown; frequency?: unknown; monetary?: unknown } | undefined;
    const r = rfm?.recency;
    const f = rfm?.frequency;
    const m = rfm?.monetary;
    if (typeof r === 'number' && Number.isFinite(r)) cols.recency[i] = r;
    else if (issues.length < 100) issues.push(notFiniteIssue(i, s.customerId, 'rfm.recency'));
    if (typeof f === 'number' && Number.isFinite(f)) cols.frequency[i] = f;
    else if (issues.length < 100) issues.push(notFiniteIssue(i, s.customerId, 'rfm.frequency'));
    if (typeof m === 'number' && Number.isFinite(m)) cols.monetary[i] = m;
    else if (issues.length < 100) issues.push(notFiniteIssue(i, s.customerId, 'rfm.monetary'));
  }
  const [first, ...rest] = issues;
  if (first) throw new InvalidInputError([first, ...rest], 'scoreRfm');

  const rec = binDimension(cols.recency, k, methods.recency, breaks.recency, false);
  const freq = binDimension(cols.frequency, k, methods.frequency, breaks.frequency, true);
  const mon = binDimension(cols.monetary, k, methods.monetary, breaks.monetary, true);

  const labels: string[] = [];
  for (let r = 1; r <= k; r++) for (let f = 1; f <= k; f++) for (let m = 1; m <= k; m++) labels.push(cellLabel(r, f, m));
  const segmentCounts = segments ? new Array<number>(segments.names.length).fill(0) : [];
  const customers = new Array<RfmScore>(n);
  for (let i = 0; i < n; i++) {
    const r = rec.scores[i]!;
    const f = freq.scores[i]!;
    const m = mon.scores[i]!;
    const c = (r - 1) * k * k + (f - 1) * k + (m - 1);
    let segment: string | null = null;
    if (segments) {
      const idx = segments.cellSegment[c]!;
      segment = segments.names[idx]!;
      segmentCounts[idx]!++;
    }
    customers[i] = { customerId: list[i]!.customerId, r, f, m, cell: labels[c]!, segment };
  }
  const segmentsOut: RfmSegmentCount[] = segments
    ? segments.names.map((segment, i) => ({ segment, count: segmentCounts[i]! }))
    : [];
  return { k, customers, recency: rec.binning, frequency: freq.binning, monetary: mon.binning, segments: segmentsOut };
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
