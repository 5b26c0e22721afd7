import { invalidOption } from '../errors/InvalidInputError.js';
import { tierReport, type LorenzPoint } from '../tiers/tierReport.js';
import type { TierAssignment } from '../tiers/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link lorenzCurve}. */
export interface LorenzCurveOptions {
  /**
   * Number of points, evenly spaced in the customer share from 0 to 1, at least 2.
   * @defaultValue `101` (every percent)
   */
  readonly points?: number;
}

/** Result of {@link lorenzCurve}. */
export interface LorenzCurve {
  /** From (0, 0) to (1, 1): the poorest `x` share of customers holds `y` of the value. */
  readonly points: readonly LorenzPoint[];
  /** Gini coefficient, 0 (all equal) to 1 - 1/N. */
  readonly gini: number;
  /** Customers with a negative value (counted as 0). */
  readonly negativeCount: number;
}

/**
 * The Lorenz curve and Gini coefficient of customer values (revenue, profit or lifetime value):
 * the curve of {@link tierReport}, from a plain list or column of values.
 *
 * Values are sorted ascending; the curve joins (i/N, share of the value held by the i poorest
 * customers), interpolated at `points` even steps; negative values count as 0 (see
 * {@link tierReport}). Cost: O(N log N).
 *
 * @param values - One value per customer, currency units.
 * @param options - See {@link LorenzCurveOptions}.
 * @returns The points, the Gini coefficient and the count of negative values.
 * @throws {InvalidInputError} When a value is not finite or `points` is not a whole number >= 2.
 * @example
 * ```ts
 * import { lorenzCurve } from 'loyalty-score';
 * const c = lorenzCurve([1, 2, 3, 4], { points: 5 });
 * c.points.map((p) => p.y); // => [0, 0.1, 0.3, 0.6, 1]
 * c.gini; // ~> 0.25 (1e-12)
 * ```
 */
export function lorenzCurve(values: ArrayLike<number>, options: LorenzCurveOptions = {}): LorenzCurve {
  rejectUnknownKeys(options, LORENZ_CURVE_OPTION_KEYS, 'options', 'lorenzCurve');
  const points = options.points ?? 101;
  if (!(Number.isInteger(points) && points >= 2)) invalidOption('points', 'expected a whole number >= 2');
  const rows = new Array<TierAssignment>(values.length);
  for (let i = 0; i < values.length; i++) rows[i] = { customerId: i, rank: i + 1, percentile: 0, value: values[i]!, tier: 'D' };
  const report = tierReport(rows, { lorenzPoints: points });
  return { points: report.lorenz, gini: report.gini, negativeCount: report.negativeCount };
}

const LORENZ_CURVE_OPTION_KEYS: KeyList<LorenzCurveOptions> = { points: true };
