import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** How experience compares with expectation (DOMAIN §8). */
export type ExpectationGap = 'delight' | 'satisfied' | 'disappointed';

/** Options of {@link expectationGap}. */
export interface ExpectationGapOptions {
  /**
   * Largest difference, in the scores' own units, still read as "equal to expectation".
   * @defaultValue `0`
   */
  tolerance?: number;
}

/**
 * Compares a customer's experience with their expectation (DOMAIN §8, seed 000).
 *
 * Above expectation the customer is delighted (repeat visits, recommendations); equal, satisfied
 * but not necessarily loyal; below, disappointed (possible permanent loss, negative word of
 * mouth). With `gap = experience - expectation`: `gap > tolerance` gives delight,
 * `gap < -tolerance` disappointed, otherwise satisfied. Both scores must be on the same scale.
 *
 * Cost: O(1).
 *
 * @param experience - The experienced quality, a finite number.
 * @param expectation - The expected quality on the same scale, a finite number.
 * @param options - See {@link ExpectationGapOptions}.
 * @returns The gap's reading.
 * @throws {@link InvalidInputError} when a score is not finite or the tolerance is negative.
 * @example
 * ```ts
 * import { expectationGap } from 'loyalty-score';
 * expectationGap(5, 4); // => 'delight'
 * expectationGap(4, 4); // => 'satisfied'
 * expectationGap(3, 4); // => 'disappointed'
 * expectationGap(7.8, 8, { tolerance: 0.5 }); // => 'satisfied'
 * ```
 */
export function expectationGap(experience: number, expectation: number, options: ExpectationGapOptions = {}): ExpectationGap {
  rejectUnknownKeys(options, EXPECTATION_GAP_OPTION_KEYS, 'options', 'expectationGap');
  const tolerance = options.tolerance ?? 0;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) invalidOption('tolerance', 'expected a finite number >= 0');
  for (const [name, v] of [
    ['experience', experience],
    ['expectation', expectation],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidInputError([{ code: 'not_finite', path: [name], message: 'expected a finite number' }]);
    }
  }
  const gap = experience - expectation;
  return gap > tolerance ? 'delight' : gap < -tolerance ? 'disappointed' : 'satisfied';
}

/** The option names of {@link ExpectationGapOptions}. @internal */
export const EXPECTATION_GAP_OPTION_KEYS: KeyList<ExpectationGapOptions> = {
  tolerance: true,
};
