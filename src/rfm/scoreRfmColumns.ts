import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import { notFiniteIssue } from '../summary/summaryInput.js';
import type { CustomerId } from '../transactions/types.js';
import { binDimension } from './binDimension.js';
import { cellLabel } from './compileSegmentTable.js';
import { DIMENSIONS, resolveRfmOptions, type ScoreRfmOptions } from './scoreRfmOptions.js';
import type { RfmDimensionBinning, RfmPerDimension, RfmSegmentCount } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** The RFM measures by column, one entry per customer (such as `SummaryColumns.rfm`). */
export type RfmMeasureColumns = RfmPerDimension<Float64Array>;

/** Options of {@link scoreRfmColumns}: those of `scoreRfm`, and ids for the error messages. */
export interface ScoreRfmColumnsOptions extends ScoreRfmOptions {
  /**
   * The customers' ids, one per entry of the columns, used only to name customers in issues and
   * error messages under `revealValues: true` (issue paths hold the index either way).
   * @defaultValue none: messages name the index
   */
  customerIds?: readonly CustomerId[];
}

/**
 * RFM scores by column: customer `i` of the input columns is entry `i` of every array. The same
 * scores, cells, segments and binning that `scoreRfm` gives the same customers.
 */
export interface RfmColumns {
  /** Number of customers. */
  readonly length: number;
  /** Number of score levels per dimension. */
  readonly k: number;
  /** Recency scores, 1..k (k = most recent). */
  readonly r: Uint8Array;
  /** Frequency scores, 1..k (k = most frequent). */
  readonly f: Uint8Array;
  /** Monetary scores, 1..k (k = highest spend). */
  readonly m: Uint8Array;
  /** Each customer's segment as an index into `segmentNames`; -1 when scoring ran without a segment table. */
  readonly segmentIndex: Int16Array;
  /** The segment names, in the segment table's order of first appearance; empty without a table. */
  readonly segmentNames: readonly string[];
  readonly recency: RfmDimensionBinning;
  readonly frequency: RfmDimensionBinning;
  readonly monetary: RfmDimensionBinning;
  /** Customers per segment, in the order of `segmentNames`; empty without a table. */
  readonly segments: readonly RfmSegmentCount[];
  /**
   * The cell label of customer `index`, R first: `'545'`.
   * @throws {RangeError} When `index` is not an integer in 0..length-1.
   */
  cell(index: number): string;
  /**
   * The segment of customer `index`, or `null` without a segment table.
   * @throws {RangeError} When `index` is not an integer in 0..length-1.
   */
  segment(index: number): string | null;
}

/**
 * Scores customers 1..k on recency, frequency and monetary value from columns of their RFM
 * measures, and names the segment of each R-F-M cell: the columnar form of `scoreRfm`, which
 * runs on it.
 *
 * `columns.recency` is the time since the last purchase (lower is better), `frequency` the
 * purchases, `monetary` the spend, all three `Float64Array`s of one length, customer `i` at
 * index `i` (the pipeline passes them in `compareCustomerIds` order; scores never depend on
 * order). Binning, tie rule and segment tables as in `scoreRfm` (docs/rfm.md). Nothing is built
 * per customer: the scores are typed arrays and the cell and segment are read on demand.
 * Cost: O(n) (a histogram for small-range integers such as days and purchase counts, an O(n)
 * selection or radix sort otherwise) plus O(n k) scoring. The columns are not modified.
 *
 * @param columns - The measures: `{ recency, frequency, monetary }`, finite values.
 * @param options - See {@link ScoreRfmColumnsOptions}.
 * @returns Scores, segment indices, per-dimension binning and segment counts.
 * @throws {InvalidInputError} When a column is not a `Float64Array`, the columns differ in length,
 *   a value is not finite (code `not_finite`, path `[index, 'rfm.recency']` and so on), an option
 *   is invalid, or a segment table misses or double-covers a cell.
 *
 * @example
 * ```ts
 * import { scoreRfmColumns } from 'loyalty-score';
 * const rfm = scoreRfmColumns(
 *   { recency: Float64Array.of(2, 40, 10), frequency: Float64Array.of(9, 1, 3), monetary: Float64Array.of(900, 20, 150) },
 *   { k: 3 },
 * );
 * [...rfm.r]; // => [3, 1, 2]
 * rfm.cell(0); // => '333'
 * rfm.frequency.bins; // => 3
 * const one = scoreRfmColumns({ recency: Float64Array.of(3), frequency: Float64Array.of(5), monetary: Float64Array.of(80) });
 * [one.cell(0), one.segment(0)]; // => ['511', 'New customers']
 * ```
 */
export function scoreRfmColumns(columns: RfmMeasureColumns, options: ScoreRfmColumnsOptions = {}): RfmColumns {
  rejectUnknownKeys(options, SCORE_RFM_COLUMNS_OPTION_KEYS, 'options', 'scoreRfmColumns');
  const n = checkColumns(columns);
  const given = options.customerIds;
  if (given !== undefined && (!Array.isArray(given) || given.length !== n)) {
    invalidOption('customerIds', `expected an array of ${n} customer ids, one per entry of the columns`, 'length_mismatch');
  }
  // ids name customers in issues only when the caller asked for it: otherwise the index does
  const ids = options.revealValues === true ? given : undefined;
  const { k, methods, breaks, segments } = resolveRfmOptions(options);

  const issues: InputIssue[] = [];
  const { recency, frequency, monetary } = columns;
  for (let i = 0; i < n && issues.length < 100; i++) {
    if (!Number.isFinite(recency[i])) issues.push(issueAt(i, ids, 'rfm.recency'));
    if (!Number.isFinite(frequency[i]) && issues.length < 100) issues.push(issueAt(i, ids, 'rfm.frequency'));
    if (!Number.isFinite(monetary[i]) && issues.length < 100) issues.push(issueAt(i, ids, 'rfm.monetary'));
  }
  const [first, ...rest] = issues;
  if (first) throw new InvalidInputError([first, ...rest], 'scoreRfm');

  const rec = binDimension(recency, k, methods.recency, breaks.recency, false);
  const freq = binDimension(frequency, k, methods.frequency, breaks.frequency, true);
  const mon = binDimension(monetary, k, methods.monetary, breaks.monetary, true);
  const r = rec.scores;
  const f = freq.scores;
  const m = mon.scores;

  const labels: string[] = [];
  for (let a = 1; a <= k; a++) for (let b = 1; b <= k; b++) for (let c = 1; c <= k; c++) labels.push(cellLabel(a, b, c));
  const segmentIndex = new Int16Array(n);
  const segmentNames = segments ? segments.names : [];
  let segmentsOut: RfmSegmentCount[] = [];
  if (segments) {
    const table = segments.cellSegment;
    const tally = new Int32Array(segmentNames.length);
    const kk = k * k;
    const offset = kk + k + 1; // cell index (r-1)k^2 + (f-1)k + (m-1)
    for (let i = 0; i < n; i++) {
      const s = table[(r[i] as number) * kk + (f[i] as number) * k + (m[i] as number) - offset] as number;
      segmentIndex[i] = s;
      tally[s]!++;
    }
    segmentsOut = segmentNames.map((segment, s) => ({ segment, count: tally[s] as number }));
  } else segmentIndex.fill(-1);

  const at = (index: number): number => {
    if (!(Number.isInteger(index) && index >= 0 && index < n)) throw new RangeError(`customer index ${index} is outside 0..${n - 1}`);
    return index;
  };
  return {
    length: n,
    k,
    r,
    f,
    m,
    segmentIndex,
    segmentNames,
    recency: rec.binning,
    frequency: freq.binning,
    monetary: mon.binning,
    segments: segmentsOut,
    cell: (index) => {
      const i = at(index);
      return labels[((r[i] as number) - 1) * k * k + ((f[i] as number) - 1) * k + (m[i] as number) - 1] as string;
    },
    segment: (index) => {
      const s = segmentIndex[at(index)] as number;
      return s < 0 ? null : (segmentNames[s] as string);
    },
  };
}

/** The common length of the three columns, after checking that they are `Float64Array`s. */
function checkColumns(columns: RfmMeasureColumns): number {
  if (columns === null || typeof columns !== 'object') {
    throw new InvalidInputError([
      { code: 'invalid_type', path: ['columns'], message: 'expected { recency, frequency, monetary } Float64Array columns' },
    ]);
  }
  const n = columns.recency?.length ?? 0;
  for (const d of DIMENSIONS) {
    const col: unknown = columns[d];
    if (!(col instanceof Float64Array)) {
      throw new InvalidInputError([{ code: 'invalid_type', path: ['columns', d], message: 'expected a Float64Array' }]);
    }
    if (col.length !== n) {
      throw new InvalidInputError([
        { code: 'length_mismatch', path: ['columns', d], message: `column ${d} has ${col.length} entries, expected ${n} as recency has` },
      ]);
    }
  }
  return n;
}

function issueAt(index: number, ids: readonly CustomerId[] | undefined, field: string): InputIssue {
  if (ids !== undefined) return notFiniteIssue(index, ids[index] as CustomerId, field, true);
  return { code: 'not_finite', path: [index, field], message: `customer at index ${index}: expected a finite number` };
}

/** The option names of {@link ScoreRfmColumnsOptions}. @internal */
export const SCORE_RFM_COLUMNS_OPTION_KEYS: KeyList<ScoreRfmColumnsOptions> = {
  customerIds: true,
  k: true,
  revealValues: true,
  method: true,
  breaks: true,
  segments: true,
};
