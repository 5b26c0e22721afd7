import { invalidOption } from '../../errors/InvalidInputError.js';
import type { PurchaseModel } from '../types.js';
import { errorMetrics, type ErrorMetrics } from './errorMetrics.js';

/** Options of {@link trackRepeatPurchases}. */
export interface TrackRepeatPurchasesOptions {
  /**
   * Each customer's first-purchase time, in model time units since the tracking origin (e.g.
   * `(firstPurchaseDay - cohortStartDay) / 7` for a weekly model). One entry per customer.
   */
  readonly firstPurchaseTimes: ArrayLike<number>;
  /** Observed repeat purchases per period, `periods` values, incremental or cumulative (see `actualKind`). */
  readonly actual: ArrayLike<number>;
  /**
   * Whether `actual` holds per-period counts or running totals.
   * @defaultValue 'incremental'
   */
  readonly actualKind?: 'incremental' | 'cumulative';
  /**
   * Number of tracking periods; defaults to the length of `actual`.
   * @defaultValue actual.length
   */
  readonly periods?: number;
  /**
   * Length of one period in model time units (whole numbers for BG/BB).
   * @defaultValue 1
   */
  readonly periodLength?: number;
}

/** What {@link trackRepeatPurchases} returns; every array has one value per period. */
export interface TrackRepeatPurchasesResult {
  /** End of each period, model time units since the origin. */
  readonly periodEnd: Float64Array;
  readonly expectedIncremental: Float64Array;
  readonly expectedCumulative: Float64Array;
  readonly actualIncremental: Float64Array;
  readonly actualCumulative: Float64Array;
  /** Errors of the per-period (incremental) forecast. */
  readonly incrementalError: ErrorMetrics;
  /** Errors of the running-total (cumulative) forecast. */
  readonly cumulativeError: ErrorMetrics;
}

/**
 * Tracking plot: expected versus actual repeat purchases of a cohort, per period, incremental and cumulative.
 *
 * A customer who first bought at time `s` is expected to have made `E[X(t - s)]` repeat purchases
 * by time `t > s` (the model's {@link PurchaseModel.expectedPurchasesNewCustomer}), so the cohort's
 * expected cumulative repeat purchases at the end of period k are
 * `sum_i E[X(max(0, k L - s_i))]` (Fader, Hardie & Lee 2005, BG/NBD tracking plots). Customers
 * sharing a first-purchase time are grouped. Cost O(distinct first-purchase times * periods)
 * model evaluations.
 *
 * @param model - Any purchase model (only `expectedPurchasesNewCustomer` is used).
 * @param options - First-purchase times, actual counts and the period grid.
 * @returns Expected and actual series with MAE and RMSE of both forms.
 * @throws InvalidInputError when an option is invalid, a time is not finite, or `actual` has the wrong length.
 * @example
 * ```ts
 * import { trackRepeatPurchases } from 'loyalty-score';
 * const steady = { expectedPurchasesNewCustomer: (t: number) => 0.5 * t }; // half a purchase per period
 * const r = trackRepeatPurchases(steady, { firstPurchaseTimes: [0, 1], actual: [1, 1, 1] });
 * Array.from(r.expectedCumulative); // => [0.5, 1.5, 2.5]
 * r.cumulativeError.mae; // ~> 0.5 (1e-12)
 * ```
 */
export function trackRepeatPurchases(
  model: Pick<PurchaseModel<unknown, unknown>, 'expectedPurchasesNewCustomer'>,
  options: TrackRepeatPurchasesOptions,
): TrackRepeatPurchasesResult {
  const periods = options.periods ?? options.actual.length;
  const length = options.periodLength ?? 1;
  if (!(Number.isInteger(periods) && periods >= 1)) invalidOption('periods', 'expected a whole number >= 1');
  if (!(Number.isFinite(length) && length > 0)) invalidOption('periodLength', 'expected a finite number > 0');
  const actualKind = options.actualKind ?? 'incremental';
  if (actualKind !== 'incremental' && actualKind !== 'cumulative') invalidOption('actualKind', "expected 'incremental' or 'cumulative'");
  if (options.actual.length !== periods) invalidOption('actual', `expected ${periods} values, one per period`, 'length_mismatch');

  // Group identical first-purchase times.
  const groups = new Map<number, number>();
  const firsts = options.firstPurchaseTimes;
  for (let i = 0; i < firsts.length; i++) {
    const s = firsts[i] as number;
    if (!Number.isFinite(s)) invalidOption('firstPurchaseTimes', `time ${i} is not a finite number`, 'not_finite');
    groups.set(s, (groups.get(s) ?? 0) + 1);
  }

  const periodEnd = new Float64Array(periods);
  const expectedCumulative = new Float64Array(periods);
  for (let k = 0; k < periods; k++) periodEnd[k] = (k + 1) * length;
  for (const [s, count] of groups) {
    for (let k = 0; k < periods; k++) {
      const age = (periodEnd[k] as number) - s;
      if (age > 0) expectedCumulative[k] = (expectedCumulative[k] as number) + count * model.expectedPurchasesNewCustomer(age);
    }
  }
  const expectedIncremental = differences(expectedCumulative);

  const actual = Float64Array.from(options.actual as ArrayLike<number>);
  for (let k = 0; k < periods; k++) {
    if (!Number.isFinite(actual[k] as number)) invalidOption('actual', `value ${k} is not a finite number`, 'not_finite');
  }
  const cumulativeInput = actualKind === 'cumulative';
  const actualCumulative = cumulativeInput ? actual : runningTotal(actual);
  const actualIncremental = cumulativeInput ? differences(actual) : actual;

  return {
    periodEnd,
    expectedIncremental,
    expectedCumulative,
    actualIncremental,
    actualCumulative,
    incrementalError: errorMetrics(expectedIncremental, actualIncremental),
    cumulativeError: errorMetrics(expectedCumulative, actualCumulative),
  };
}

function differences(cumulative: Float64Array): Float64Array {
  const out = new Float64Array(cumulative.length);
  let previous = 0;
  for (let k = 0; k < cumulative.length; k++) {
    const c = cumulative[k] as number;
    out[k] = c - previous;
    previous = c;
  }
  return out;
}

function runningTotal(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    sum += values[k] as number;
    out[k] = sum;
  }
  return out;
}
