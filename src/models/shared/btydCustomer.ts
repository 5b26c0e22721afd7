import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import type { BtydCustomer } from '../types.js';

/** Most repeat purchases one customer may have: far beyond any real history, far below where the likelihoods lose precision. @internal */
export const MAX_FREQUENCY = 1e9;
/** Largest age T (in any time unit: 1e9 days are 2.7 million years) the models accept. @internal */
export const MAX_AGE = 1e9;

/**
 * Whether (x, t_x, T) is a valid history, in one cheap test (NaN fails every comparison): the fast
 * path of the vectorised methods; {@link btydIssues} says what is wrong otherwise.
 * @internal
 */
export function isValidHistory(x: number, tx: number, T: number): boolean {
  return x >= 0 && x <= MAX_FREQUENCY && tx >= 0 && tx <= T && T <= MAX_AGE && Math.floor(x) === x && (x > 0 || tx === 0) && (T > 0 || x === 0);
}

/**
 * Checks one (x, t_x, T) triple and returns its issues (empty when valid). T = 0 (first purchase
 * on the as-of date) is valid with x = 0 and t_x = 0.
 * @internal
 */
export function btydIssues(x: number, tx: number, T: number, index: number | string): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!Number.isInteger(x) || x < 0) issues.push({ code: 'invalid_frequency', path: [index, 'frequency'], message: 'expected a non-negative integer number of repeat purchases' });
  else if (x > MAX_FREQUENCY) issues.push({ code: 'invalid_frequency', path: [index, 'frequency'], message: `expected at most ${MAX_FREQUENCY} repeat purchases (larger counts overflow the models' sums)` });
  if (!Number.isFinite(T) || !(T >= 0)) issues.push({ code: 'invalid_T', path: [index, 'T'], message: 'expected a finite age T >= 0' });
  else if (T > MAX_AGE) issues.push({ code: 'invalid_T', path: [index, 'T'], message: `expected an age T of at most ${MAX_AGE} time units` });
  else if (T === 0 && x !== 0) issues.push({ code: 'invalid_frequency', path: [index, 'frequency'], message: 'expected frequency 0 when T is 0 (a customer first seen on the as-of date has no repeat purchase yet)' });
  if (!Number.isFinite(tx) || tx < 0) issues.push({ code: 'invalid_recency', path: [index, 'recency'], message: 'expected a finite recency >= 0' });
  else if (tx > T) issues.push({ code: 'invalid_recency', path: [index, 'recency'], message: 'expected recency <= T' });
  else if (x === 0 && tx !== 0) issues.push({ code: 'invalid_recency', path: [index, 'recency'], message: 'expected recency 0 when frequency is 0' });
  return issues;
}

/**
 * Throws an {@link InvalidInputError} unless the customer is a valid (x, t_x, T) triple.
 * @internal
 */
export function assertBtydCustomer(c: BtydCustomer, index: number | string = 'customer'): void {
  if (c === null || typeof c !== 'object') {
    throw new InvalidInputError([{ code: 'not_an_object', path: [index], message: 'expected an object with frequency, recency and T' }]);
  }
  const issues = btydIssues(c.frequency, c.recency, c.T, index);
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
}
