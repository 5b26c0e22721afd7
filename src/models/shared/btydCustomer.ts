import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import type { BtydCustomer } from '../types.js';

/**
 * Checks one (x, t_x, T) triple and returns its issues (empty when valid). T = 0 (first purchase
 * on the as-of date) is valid with x = 0 and t_x = 0.
 * @internal
 */
export function btydIssues(x: number, tx: number, T: number, index: number | string): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!Number.isInteger(x) || x < 0) issues.push({ code: 'invalid_frequency', path: [index, 'frequency'], message: 'expected a non-negative integer number of repeat purchases' });
  if (!Number.isFinite(T) || !(T >= 0)) issues.push({ code: 'invalid_T', path: [index, 'T'], message: 'expected a finite age T >= 0' });
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
