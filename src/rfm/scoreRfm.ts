import { summaryList, type SummaryInput } from '../summary/summaryInput.js';
import { scoreRfmColumns } from './scoreRfmColumns.js';
import type { ScoreRfmOptions } from './scoreRfmOptions.js';
import type { RfmScore, ScoreRfmResult } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

export type { ScoreRfmOptions } from './scoreRfmOptions.js';

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
 * Formulas and the segment tables: docs/rfm.md. A thin layer over {@link scoreRfmColumns}, which
 * does the scoring; this reads the measures into columns and builds one object per customer.
 * Cost: O(n) plus O(n k) scoring (see {@link scoreRfmColumns}).
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
  rejectUnknownKeys(options, SCORE_RFM_OPTION_KEYS, 'options', 'scoreRfm');
  const list = summaryList(summaries, options.revealValues === true);
  const n = list.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const ids = new Array<RfmScore['customerId']>(n);
  for (let i = 0; i < n; i++) {
    const s = list[i]!;
    ids[i] = s.customerId;
    const rfm = s.rfm as { recency?: unknown; frequency?: unknown; monetary?: unknown } | undefined;
    // anything but a number becomes NaN, which scoreRfmColumns reports as not finite
    recency[i] = typeof rfm?.recency === 'number' ? rfm.recency : Number.NaN;
    frequency[i] = typeof rfm?.frequency === 'number' ? rfm.frequency : Number.NaN;
    monetary[i] = typeof rfm?.monetary === 'number' ? rfm.monetary : Number.NaN;
  }
  const cols = scoreRfmColumns({ recency, frequency, monetary }, { ...options, customerIds: ids });
  const customers = new Array<RfmScore>(n);
  for (let i = 0; i < n; i++) {
    customers[i] = { customerId: ids[i]!, r: cols.r[i]!, f: cols.f[i]!, m: cols.m[i]!, cell: cols.cell(i), segment: cols.segment(i) };
  }
  const { k, recency: rec, frequency: freq, monetary: mon, segments } = cols;
  return { k, customers, recency: rec, frequency: freq, monetary: mon, segments };
}

/** The option names of {@link ScoreRfmOptions}. @internal */
export const SCORE_RFM_OPTION_KEYS: KeyList<ScoreRfmOptions> = {
  k: true,
  revealValues: true,
  method: true,
  breaks: true,
  segments: true,
};
