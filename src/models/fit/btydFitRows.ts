import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import type { CustomerSummary } from '../../summary/types.js';
import type { BtydCustomer } from '../types.js';
import type { FitOptions } from './fitByMaximumLikelihood.js';
import { groupRows, type GroupedRows } from './groupRows.js';

/** Options of the continuous-time fits: the optimiser's knobs, start, L2 penalty, and row weights. */
export interface FitBtydOptions<K extends string> extends FitOptions<K> {
  /**
   * Count of customers per input row (for pre-aggregated data), finite and >= 0.
   * @defaultValue 1 for every row
   */
  readonly weights?: readonly number[];
}

/** What the continuous-time fits accept: BTYD customers, customer summaries (their `btyd` is used), or an object holding either. */
export type BtydData =
  | readonly (BtydCustomer | CustomerSummary)[]
  | { readonly customers: readonly (BtydCustomer | CustomerSummary)[] };

/**
 * The BTYD triple of one input element: the element itself, or its `btyd` field for a customer summary.
 * @internal
 */
export function btydOf(item: BtydCustomer | CustomerSummary): BtydCustomer {
  return 'btyd' in item ? item.btyd : item;
}

/**
 * Checks one (x, t_x, T) triple and returns its issues (empty when valid).
 * @internal
 */
export function btydIssues(c: BtydCustomer, id: string | number): InputIssue[] {
  const issues: InputIssue[] = [];
  const { frequency: x, recency: tx, T } = c;
  if (!Number.isInteger(x) || x < 0) issues.push({ code: 'invalid_frequency', path: [id, 'frequency'], message: 'expected a non-negative integer number of repeat purchases' });
  if (!Number.isFinite(T) || !(T >= 0)) issues.push({ code: 'invalid_T', path: [id, 'T'], message: 'expected a finite age T >= 0' });
  else if (T === 0 && x !== 0) issues.push({ code: 'invalid_frequency', path: [id, 'frequency'], message: 'expected frequency 0 when T is 0 (a customer first seen on the as-of date has no repeat purchase yet)' });
  if (!Number.isFinite(tx) || tx < 0) issues.push({ code: 'invalid_recency', path: [id, 'recency'], message: 'expected a finite recency >= 0' });
  else if (tx > T) issues.push({ code: 'invalid_recency', path: [id, 'recency'], message: 'expected recency <= T' });
  else if (x === 0 && tx !== 0) issues.push({ code: 'invalid_recency', path: [id, 'recency'], message: 'expected recency 0 when frequency is 0' });
  return issues;
}

/**
 * Throws an {@link InvalidInputError} unless the customer is a valid (x, t_x, T) triple.
 * @internal
 */
export function assertBtydCustomer(c: BtydCustomer, id: string | number = 'customer'): void {
  if (c === null || typeof c !== 'object') {
    throw new InvalidInputError([{ code: 'not_an_object', path: [id], message: 'expected an object with frequency, recency and T' }]);
  }
  const issues = btydIssues(c, id);
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
}

/** Grouped rows of the customers in the likelihood, and how many customers were left out with T = 0. @internal */
export interface BtydFitRows {
  /** Distinct (x, t_x, T) rows with T > 0 and their weights. */
  readonly rows: GroupedRows;
  /** Customers (sum of weights) with T = 0: first purchase on the as-of date, likelihood contribution 1. */
  readonly justAcquired: number;
}

/**
 * Validates BTYD data and groups identical (x, t_x, T) rows for a fit. Customers with T = 0 (first
 * purchase on the as-of date, so frequency 0 and recency 0) have likelihood 1 under every
 * continuous-time model whatever the parameters; they are counted and left out, so the fit is
 * bit-identical to a fit on the customers with T > 0 only.
 *
 * @param data - Customers, summaries, or `{ customers }`.
 * @param weights - Optional count per customer.
 * @returns Grouped columns x, t_x, T with weights, and the count of customers with T = 0.
 * @throws {InvalidInputError} On any invalid row (every issue is listed), when there are no
 * customers, when every customer has T = 0, or when nobody has a repeat purchase (the model is
 * then not identified).
 * @internal
 */
export function btydColumns(data: BtydData, weights: readonly number[] | undefined, model: string): BtydFitRows {
  const items = Array.isArray(data) ? (data as readonly (BtydCustomer | CustomerSummary)[]) : (data as { customers: readonly (BtydCustomer | CustomerSummary)[] }).customers;
  if (!Array.isArray(items) || items.length === 0) {
    throw new InvalidInputError([{ code: 'no_customers', path: ['customers'], message: `${model} needs at least one customer` }]);
  }
  const n = items.length;
  if (weights !== undefined && weights.length !== n) invalidWeights(`expected ${n} weights, got ${weights.length}`);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = weights === undefined ? undefined : new Float64Array(n);
  const issues: InputIssue[] = [];
  let repeaters = 0;
  let kept = 0;
  let justAcquired = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item === null || typeof item !== 'object') {
      issues.push({ code: 'not_an_object', path: [i], message: 'expected an object with frequency, recency and T' });
      continue;
    }
    const c = btydOf(item);
    const id = 'customerId' in item ? item.customerId : i;
    const found = btydIssues(c, id);
    if (found.length > 0) {
      issues.push(...found);
      continue;
    }
    const wi = weights === undefined ? 1 : weights[i]!;
    if (!(wi >= 0) || !Number.isFinite(wi)) {
      issues.push({ code: 'invalid_weight', path: [i, 'weight'], message: 'expected a finite non-negative weight' });
      continue;
    }
    if (c.T === 0) {
      // Likelihood contribution 1 whatever the parameters: counted, not fitted.
      justAcquired += wi;
      continue;
    }
    x[kept] = c.frequency;
    tx[kept] = c.recency;
    T[kept] = c.T;
    if (w !== undefined) w[kept] = wi;
    kept++;
    if (c.frequency > 0 && wi > 0) repeaters++;
  }
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, model);
  if (justAcquired > 0 && !hasPositive(w, kept)) {
    throw new InvalidInputError(
      [{ code: 'not_identified', path: ['customers', 'T'], message: 'every customer has T = 0 (first purchase on the as-of date): their likelihood is 1 whatever the parameters, so nothing can be estimated' }],
      model,
    );
  }
  if (repeaters === 0) {
    throw new InvalidInputError(
      [{ code: 'not_identified', path: ['customers', 'frequency'], message: 'no customer has a repeat purchase (frequency > 0), so purchase and dropout rates cannot be told apart' }],
      model,
    );
  }
  return { rows: groupRows([x.subarray(0, kept), tx.subarray(0, kept), T.subarray(0, kept)], w?.subarray(0, kept)), justAcquired };
}

function hasPositive(w: Float64Array | undefined, k: number): boolean {
  if (w === undefined) return k > 0;
  for (let i = 0; i < k; i++) if (w[i]! > 0) return true;
  return false;
}

function invalidWeights(message: string): never {
  throw new InvalidInputError([{ code: 'invalid_weight', path: ['options', 'weights'], message }]);
}
