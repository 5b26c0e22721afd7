import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import type { CompareHoldoutByFrequencyResult, HoldoutBucket } from '../models/evaluation/compareHoldoutByFrequency.js';
import { errorMetrics } from '../models/evaluation/errorMetrics.js';
import type { BtydColumns, PurchaseModel } from '../models/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** A calibration/holdout split by column: what {@link calibrationVsHoldout} compares. */
export interface HoldoutSplitColumns {
  /** Calibration-period histories (frequency, recency, T in model time units), one entry per customer. */
  readonly calibration: BtydColumns;
  /** Purchases of each customer in the holdout period, `>= 0`. */
  readonly holdoutPurchases: ArrayLike<number>;
  /** Length of the holdout period, model time units, `> 0`. */
  readonly holdoutLength: number;
}

/** Options of {@link calibrationVsHoldout}. */
export interface CalibrationVsHoldoutOptions {
  /**
   * Calibration frequencies from this value up share one bucket (`7` gives 0, 1, …, 6, 7+).
   * @defaultValue `7`
   */
  readonly censorAt?: number;
}

/**
 * Calibration versus holdout by column: per calibration frequency, the mean purchases customers
 * made in the holdout and the mean the model expected (Fader, Hardie & Lee 2005, figure 4;
 * lifetimes' `plot_calibration_purchases_vs_holdout_purchases`).
 *
 * The same buckets and means as {@link compareHoldoutByFrequency}, from typed columns (one
 * `expectedPurchasesMany` pass, no object per customer), for bases of millions. Units: purchases
 * per customer over the holdout period. Cost: O(n).
 *
 * @param model - A purchase model fitted on the calibration period.
 * @param split - Calibration histories, holdout purchases and the holdout length.
 * @param options - See {@link CalibrationVsHoldoutOptions}.
 * @returns Buckets `0 .. censorAt - 1` and `censorAt+` with customers and mean actual and expected purchases, totals and the bucket MAE and RMSE.
 * @throws {InvalidInputError} When the columns differ in length, a value is out of range, or `censorAt` is not a whole number >= 1.
 * @example
 * ```ts
 * import { bgNbd, calibrationVsHoldout } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const calibration = { frequency: Float64Array.of(0, 2, 9), recency: Float64Array.of(0, 20, 35), T: Float64Array.of(38, 38, 38) };
 * const r = calibrationVsHoldout(model, { calibration, holdoutPurchases: [0, 1, 6], holdoutLength: 39 }, { censorAt: 3 });
 * r.buckets.map((b) => [b.label, b.customers, b.actualMean]); // => [['0', 1, 0], ['1', 0, 0], ['2', 1, 1], ['3+', 1, 6]]
 * r.total.actual; // => 7
 * ```
 */
export function calibrationVsHoldout(
  model: Pick<PurchaseModel<unknown>, 'expectedPurchasesMany'>,
  split: HoldoutSplitColumns,
  options: CalibrationVsHoldoutOptions = {},
): CompareHoldoutByFrequencyResult {
  rejectUnknownKeys(split, HOLDOUT_SPLIT_KEYS, 'split', 'calibrationVsHoldout');
  rejectUnknownKeys(options, CALIBRATION_VS_HOLDOUT_OPTION_KEYS, 'options', 'calibrationVsHoldout');
  const censorAt = options.censorAt ?? 7;
  if (!(Number.isInteger(censorAt) && censorAt >= 1)) invalidOption('censorAt', 'expected a whole number >= 1');
  const { calibration, holdoutPurchases, holdoutLength } = split;
  const n = calibration.frequency.length;
  if (!(Number.isFinite(holdoutLength) && holdoutLength > 0)) invalidOption('holdoutLength', 'expected a finite number > 0 (model time units)');
  if (holdoutPurchases.length !== n || calibration.recency.length !== n || calibration.T.length !== n) {
    invalidOption('holdoutPurchases', `expected ${n} values, one per calibration customer`, 'length_mismatch');
  }
  const issues: InputIssue[] = [];
  for (let i = 0; i < n && issues.length < 10; i++) {
    const x = calibration.frequency[i]!;
    const h = holdoutPurchases[i]!;
    if (!(Number.isFinite(x) && x >= 0)) issues.push({ code: 'out_of_range', path: [i, 'frequency'], message: 'expected a finite calibration frequency >= 0' });
    if (!(Number.isFinite(h) && h >= 0)) issues.push({ code: 'out_of_range', path: [i, 'holdoutPurchases'], message: 'expected a finite number >= 0' });
  }
  if (issues.length > 0) throw new InvalidInputError(issues as [InputIssue, ...InputIssue[]], 'calibrationVsHoldout');
  const expected = model.expectedPurchasesMany(holdoutLength, calibration);
  const count = new Float64Array(censorAt + 1);
  const actualSum = new Float64Array(censorAt + 1);
  const expectedSum = new Float64Array(censorAt + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.min(Math.floor(calibration.frequency[i]!), censorAt);
    count[b]!++;
    actualSum[b]! += holdoutPurchases[i]!;
    expectedSum[b]! += expected[i]!;
  }
  const buckets: HoldoutBucket[] = [];
  const e: number[] = [];
  const a: number[] = [];
  let totalActual = 0;
  let totalExpected = 0;
  for (let b = 0; b <= censorAt; b++) {
    const customers = count[b]!;
    const actualMean = customers > 0 ? actualSum[b]! / customers : 0;
    const expectedMean = customers > 0 ? expectedSum[b]! / customers : 0;
    totalActual += actualSum[b]!;
    totalExpected += expectedSum[b]!;
    if (customers > 0) {
      e.push(expectedMean);
      a.push(actualMean);
    }
    buckets.push({ label: b === censorAt ? `${b}+` : String(b), frequency: b, open: b === censorAt, customers, actualMean, expectedMean });
  }
  return { buckets, total: { actual: totalActual, expected: totalExpected }, error: errorMetrics(e, a) };
}

const HOLDOUT_SPLIT_KEYS: KeyList<HoldoutSplitColumns> = { calibration: true, holdoutPurchases: true, holdoutLength: true };
const CALIBRATION_VS_HOLDOUT_OPTION_KEYS: KeyList<CalibrationVsHoldoutOptions> = { censorAt: true };
