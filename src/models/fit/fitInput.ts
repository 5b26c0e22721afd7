import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import type { CustomerRows, WithBtyd } from '../types.js';

/** The one way every fit takes weights: a count of customers per input row. */
export interface FitWeightsOptions {
  /**
   * Number of customers each input row (or column entry) stands for, finite and `>= 0`, one per
   * row: for pre-aggregated data, such as the donations file's `weights` column. A row of weight 0
   * is left out. May be a plain array or a `Float64Array`.
   * @defaultValue 1 for every row
   */
  readonly weights?: ArrayLike<number>;
}

/**
 * The rows of a fit's input when it is an array or `{ customers }`, else `null` (columns).
 * @internal
 */
export function rowsOf<C>(data: unknown): CustomerRows<C> | null {
  if (Array.isArray(data)) return data as CustomerRows<C>;
  if (data !== null && typeof data === 'object' && Array.isArray((data as { customers?: unknown }).customers)) return (data as { customers: CustomerRows<C> }).customers;
  return null;
}

/**
 * The history of one row: its `btyd` field when that is an object ({@link WithBtyd}), else the row.
 * @internal
 */
export function historyOf<C>(row: C | WithBtyd<C>): C {
  const inner = (row as { btyd?: unknown }).btyd;
  return inner !== null && typeof inner === 'object' ? (inner as C) : (row as C);
}

/**
 * Validates the `weights` option against `n` rows; returns it (or `undefined`).
 * @throws {InvalidInputError} `length_mismatch` for a wrong length, `invalid_weight` at `[i, 'weight']`
 *   for a negative or non-finite weight.
 * @internal
 */
export function checkedWeights(weights: ArrayLike<number> | undefined, n: number, fn: string): ArrayLike<number> | undefined {
  if (weights === undefined) return undefined;
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw new InvalidInputError([{ code: 'invalid_option', path: ['options', 'weights'], message: 'expected an array of weights, one per customer' }], fn);
  }
  if (weights.length !== n) {
    throw new InvalidInputError([{ code: 'length_mismatch', path: ['options', 'weights'], message: `expected ${n} weights, got ${weights.length}` }], fn);
  }
  const issues: InputIssue[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) issues.push({ code: 'invalid_weight', path: [i, 'weight'], message: 'expected a finite number of customers >= 0' });
  }
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);
  return weights;
}

/** No customers at all. @internal */
export function noCustomers(fn: string): never {
  throw new InvalidInputError([{ code: 'no_customers', path: ['customers'], message: `${fn} needs at least one customer` }], fn);
}
