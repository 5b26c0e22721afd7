import { InvalidInputError, invalidOption } from '../../errors/InvalidInputError.js';
import type { InputIssue } from '../../errors/issues.js';
import type { CalibrationHoldoutSummary } from '../../summary/calibrationAndHoldout.js';
import type { BtydCustomer, PurchaseModel } from '../types.js';
import { errorMetrics, type ErrorMetrics } from './errorMetrics.js';

/** One customer in a calibration/holdout split, as the model sees them. */
export interface HoldoutRow<C> {
  /** The calibration-period history (e.g. `{ frequency, recency, T }` for the continuous models). */
  readonly calibration: C;
  /** Purchases observed in the holdout period (for BTYD summaries: purchase periods, `>= 0`). */
  readonly holdoutPurchases: number;
  /** Length of the holdout period in model time units (opportunities for BG/BB), `> 0`. */
  readonly holdoutLength: number;
}

/**
 * Input rows: plain {@link HoldoutRow}s, or (for the continuous-time models) the summaries of
 * `calibrationAndHoldout`, read as `{ calibration: btyd, holdoutPurchases: holdout.frequency,
 * holdoutLength: holdout.duration }`.
 */
export type HoldoutInput<C> = HoldoutRow<C> | (C extends BtydCustomer ? CalibrationHoldoutSummary : never);

/** Options of {@link compareHoldoutByFrequency}. */
export interface CompareHoldoutByFrequencyOptions {
  /**
   * Calibration frequencies from this value up share one bucket (`7` gives 0, 1, …, 6, 7+).
   * @defaultValue 7
   */
  readonly censorAt?: number;
}

/** One calibration-frequency bucket. */
export interface HoldoutBucket {
  /** `'3'`, or `'7+'` for the last, open bucket. */
  readonly label: string;
  /** Smallest calibration frequency in the bucket. */
  readonly frequency: number;
  /** Whether the bucket holds every frequency `>= frequency`. */
  readonly open: boolean;
  /** Number of customers in the bucket. */
  readonly customers: number;
  /** Mean observed holdout purchases per customer (0 for an empty bucket). */
  readonly actualMean: number;
  /** Mean conditional expectation of holdout purchases per customer (0 for an empty bucket). */
  readonly expectedMean: number;
}

/** What {@link compareHoldoutByFrequency} returns. */
export interface CompareHoldoutByFrequencyResult {
  /** Buckets `0 .. censorAt - 1` and `censorAt+`, empty ones included. */
  readonly buckets: readonly HoldoutBucket[];
  /** Total observed and expected holdout purchases. */
  readonly total: { readonly actual: number; readonly expected: number };
  /** MAE and RMSE of the bucket means (each bucket counted once; empty buckets skipped). */
  readonly error: ErrorMetrics;
}

/**
 * Calibration versus holdout: mean actual and expected holdout purchases by calibration frequency.
 *
 * Customers are grouped by their calibration frequency x (0, 1, …, `censorAt - 1`, and
 * `censorAt+`); in each group the mean observed holdout purchases is compared with the mean of
 * the model's conditional expectation `E[X(holdoutLength) | calibration history]`
 * (Fader, Hardie & Lee 2005, "Counting your customers the easy way", figure 4). Cost O(n) model
 * evaluations.
 *
 * @param model - Any purchase model (uses `expectedPurchases`).
 * @param rows - One row per customer: calibration history, holdout purchases and holdout length
 *   (or the customers of `calibrationAndHoldout`).
 * @param options - See {@link CompareHoldoutByFrequencyOptions}.
 * @returns Bucketed means, totals, and MAE/RMSE over buckets.
 * @throws InvalidInputError when a row's holdout values are not finite non-negative numbers or
 *   `censorAt` is not a whole number >= 1.
 * @example
 * ```ts
 * import { compareHoldoutByFrequency } from 'loyalty-score';
 * const model = { expectedPurchases: (t: number, c: { frequency: number }) => (t * c.frequency) / 10 };
 * const rows = [
 *   { calibration: { frequency: 0 }, holdoutPurchases: 0, holdoutLength: 10 },
 *   { calibration: { frequency: 2 }, holdoutPurchases: 3, holdoutLength: 10 },
 *   { calibration: { frequency: 5 }, holdoutPurchases: 4, holdoutLength: 10 },
 * ];
 * const result = compareHoldoutByFrequency(model, rows, { censorAt: 2 });
 * result.buckets.map((b) => b.label); // => ['0', '1', '2+']
 * result.buckets[2]?.expectedMean; // ~> 3.5 (1e-12)
 * ```
 */
export function compareHoldoutByFrequency<C extends { readonly frequency: number }>(
  model: Pick<PurchaseModel<unknown, C>, 'expectedPurchases'>,
  rows: readonly HoldoutInput<C>[],
  options: CompareHoldoutByFrequencyOptions = {},
): CompareHoldoutByFrequencyResult {
  const censorAt = options.censorAt ?? 7;
  if (!(Number.isInteger(censorAt) && censorAt >= 1)) invalidOption('censorAt', 'expected a whole number >= 1');
  const count = new Float64Array(censorAt + 1);
  const actual = new Float64Array(censorAt + 1);
  const expected = new Float64Array(censorAt + 1);
  const issues: InputIssue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const input = rows[i] as HoldoutRow<C> | CalibrationHoldoutSummary;
    const row: HoldoutRow<C> =
      'holdout' in input
        ? { calibration: input.btyd as unknown as C, holdoutPurchases: input.holdout.frequency, holdoutLength: input.holdout.duration }
        : input;
    const x = row.calibration.frequency;
    if (!(Number.isFinite(x) && x >= 0)) issues.push({ code: 'out_of_range', path: [i, 'frequency'], message: 'expected a finite calibration frequency >= 0' });
    if (!(Number.isFinite(row.holdoutPurchases) && row.holdoutPurchases >= 0)) issues.push({ code: 'out_of_range', path: [i, 'holdoutPurchases'], message: 'expected a finite number >= 0' });
    if (!(Number.isFinite(row.holdoutLength) && row.holdoutLength > 0)) issues.push({ code: 'out_of_range', path: [i, 'holdoutLength'], message: 'expected a finite number > 0' });
    if (issues.length > 0) continue;
    const b = Math.min(Math.floor(x), censorAt);
    count[b] = (count[b] as number) + 1;
    actual[b] = (actual[b] as number) + row.holdoutPurchases;
    expected[b] = (expected[b] as number) + model.expectedPurchases(row.holdoutLength, row.calibration);
  }
  if (issues.length > 0) throw new InvalidInputError(issues as [InputIssue, ...InputIssue[]], 'compareHoldoutByFrequency');

  const buckets: HoldoutBucket[] = [];
  const e: number[] = [];
  const a: number[] = [];
  let totalActual = 0;
  let totalExpected = 0;
  for (let b = 0; b <= censorAt; b++) {
    const n = count[b] as number;
    const actualMean = n > 0 ? (actual[b] as number) / n : 0;
    const expectedMean = n > 0 ? (expected[b] as number) / n : 0;
    totalActual += actual[b] as number;
    totalExpected += expected[b] as number;
    if (n > 0) {
      e.push(expectedMean);
      a.push(actualMean);
    }
    buckets.push({ label: b === censorAt ? `${b}+` : String(b), frequency: b, open: b === censorAt, customers: n, actualMean, expectedMean });
  }
  return { buckets, total: { actual: totalActual, expected: totalExpected }, error: errorMetrics(e, a) };
}
