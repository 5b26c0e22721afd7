import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { SpendCustomer } from './types.js';

/** Largest total repeat spend x·z̄ Gamma-Gamma accepts: far beyond any real spend, far below overflow. @internal */
export const MAX_TOTAL_SPEND = 1e300;

/**
 * Throws an {@link InvalidInputError} unless `frequency` is a whole number `>= 0` and, when it is
 * positive, `monetaryValue` is a finite number with `|frequency × monetaryValue| <= 1e300` (a mean spend `<= 0`, free orders or returns, is the
 * zero-spend case: left out of fits, and given the model's limit as the mean spend tends to 0).
 * @internal
 */
export function validateSpendCustomer(c: SpendCustomer, where: string | number): void {
  if (!(Number.isFinite(c.frequency) && c.frequency >= 0)) {
    throw new InvalidInputError([{ code: 'out_of_range', path: [where, 'frequency'], message: 'expected a finite number of repeat transactions >= 0' }]);
  }
  if (!Number.isInteger(c.frequency)) {
    throw new InvalidInputError([{ code: 'invalid_frequency', path: [where, 'frequency'], message: 'expected a whole number of repeat transactions' }]);
  }
  if (c.frequency > 0 && Number.isFinite(c.monetaryValue) && !(Math.abs(c.frequency * c.monetaryValue) <= MAX_TOTAL_SPEND)) {
    throw new InvalidInputError([
      { code: 'out_of_range', path: [where, 'monetaryValue'], message: `expected a total repeat spend (frequency × mean spend) of at most ${MAX_TOTAL_SPEND} in size: beyond it the model's sums overflow` },
    ]);
  }
  if (c.frequency > 0 && !Number.isFinite(c.monetaryValue)) {
    throw new InvalidInputError([
      { code: 'out_of_range', path: [where, 'monetaryValue'], message: 'expected a finite mean spend for a customer with repeat transactions' },
    ]);
  }
}
