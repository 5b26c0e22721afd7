import { invalidOption } from '../../errors/InvalidInputError.js';

/** Mean absolute and root-mean-square error of a forecast. */
export interface ErrorMetrics {
  /** Mean absolute error: `mean |expected - actual|`. */
  readonly mae: number;
  /** Root-mean-square error: `sqrt(mean (expected - actual)^2)`. */
  readonly rmse: number;
}

/**
 * Mean absolute error and root-mean-square error between expected and actual values.
 *
 * Both are in the unit of the values (purchases). Cost O(n). Degenerate case: two empty arrays
 * give `{ mae: 0, rmse: 0 }`.
 *
 * @param expected - Forecast values.
 * @param actual - Observed values, same length.
 * @returns `{ mae, rmse }`.
 * @throws InvalidInputError when the lengths differ or a value is not finite.
 * @example
 * ```ts
 * import { errorMetrics } from 'loyalty-score';
 * errorMetrics([1, 2, 3], [1, 4, 0]).mae; // ~> 1.666667 (1e-6)
 * errorMetrics([1, 2, 3], [1, 4, 0]).rmse; // ~> 2.081666 (1e-6)
 * ```
 */
export function errorMetrics(expected: ArrayLike<number>, actual: ArrayLike<number>): ErrorMetrics {
  if (expected.length !== actual.length) invalidOption('actual', `expected ${expected.length} values, as many as the forecast, got ${actual.length}`, 'length_mismatch');
  let abs = 0;
  let sq = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (!Number.isFinite(e) || !Number.isFinite(a)) invalidOption(Number.isFinite(e) ? 'actual' : 'expected', `value ${i} is not a finite number`, 'not_finite');
    const d = e - a;
    abs += Math.abs(d);
    sq += d * d;
  }
  const n = expected.length;
  return n === 0 ? { mae: 0, rmse: 0 } : { mae: abs / n, rmse: Math.sqrt(sq / n) };
}
