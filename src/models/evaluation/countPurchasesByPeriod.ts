import { invalidOption } from '../../errors/InvalidInputError.js';

/** Options of {@link countPurchasesByPeriod}. */
export interface CountPurchasesByPeriodOptions {
  /** Number of periods to count, a whole number `>= 1`. */
  readonly periods: number;
  /**
   * Length of one period, in the unit of the times (e.g. 1 week when times are in weeks).
   * @defaultValue 1
   */
  readonly periodLength?: number;
  /**
   * Start of period 1, in the unit of the times.
   * @defaultValue 0
   */
  readonly origin?: number;
}

/**
 * Counts purchase times per period: the actual side of a tracking plot.
 *
 * Period k (1-based) covers `[origin + (k-1) L, origin + k L)`; times outside all periods are
 * ignored. For repeat-purchase tracking pass the times of repeat purchases only (first purchases
 * excluded), e.g. days since the cohort start divided by 7 for weeks. Cost O(n + periods).
 *
 * @param times - Purchase times, in any unit.
 * @param options - Periods, their length and origin.
 * @returns Purchases per period (incremental counts), length `periods`.
 * @throws InvalidInputError for a bad option or a non-finite time.
 * @example
 * ```ts
 * import { countPurchasesByPeriod } from 'loyalty-score';
 * Array.from(countPurchasesByPeriod([0.5, 1, 1.2, 3.9, 7], { periods: 4 })); // => [1, 2, 0, 1]
 * ```
 */
export function countPurchasesByPeriod(times: ArrayLike<number>, options: CountPurchasesByPeriodOptions): Float64Array {
  const { periods } = options;
  const length = options.periodLength ?? 1;
  const origin = options.origin ?? 0;
  if (!(Number.isInteger(periods) && periods >= 1)) invalidOption('periods', 'expected a whole number >= 1');
  if (!(Number.isFinite(length) && length > 0)) invalidOption('periodLength', 'expected a finite number > 0');
  if (!Number.isFinite(origin)) invalidOption('origin', 'expected a finite number');
  const counts = new Float64Array(periods);
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (!Number.isFinite(t)) invalidOption('times', `time ${i} is not a finite number`, 'not_finite');
    const k = Math.floor((t - origin) / length);
    if (k >= 0 && k < periods) counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}
