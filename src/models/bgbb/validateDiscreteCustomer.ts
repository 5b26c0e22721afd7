import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { DiscreteCustomer } from '../types.js';

/**
 * Throws an {@link InvalidInputError} unless `c` is a valid BG/BB history: whole numbers with
 * `0 <= x <= t_x <= n`, and `t_x = 0` exactly when `x = 0`.
 * @internal
 */
export function validateDiscreteCustomer(c: DiscreteCustomer, where: string | number): void {
  const { frequency: x, recency: tx, periods: n } = c;
  let field: 'frequency' | 'recency' | 'periods' | null = null;
  let message = '';
  if (!(Number.isInteger(n) && n >= 0)) {
    field = 'periods';
    message = 'expected a whole number of opportunities >= 0';
  } else if (!(Number.isInteger(x) && x >= 0 && x <= n)) {
    field = 'frequency';
    message = 'expected a whole number of repeat transactions between 0 and periods';
  } else if (!(Number.isInteger(tx) && tx >= x && tx <= n && (x > 0 || tx === 0))) {
    field = 'recency';
    message = 'expected the opportunity of the last transaction: a whole number with frequency <= recency <= periods, and 0 when frequency is 0';
  }
  if (field !== null) throw new InvalidInputError([{ code: 'invalid_history', path: [where, field], message }]);
}

/** Validates a whole number of opportunities `t >= 0` passed as `name`. @internal */
export function validateOpportunities(t: number, name: string): void {
  if (!(Number.isInteger(t) && t >= 0)) {
    throw new InvalidInputError([{ code: 'out_of_range', path: ['options', name], message: 'expected a whole number of transaction opportunities >= 0' }]);
  }
}
