import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { customerOf, type InputIssue, type NonEmptyArray } from '../../errors/issues.js';
import type { RowPolicyOptions } from '../../transactions/options.js';
import { btydIssues } from '../shared/btydCustomer.js';
import type { BtydColumns, BtydCustomer, FitData } from '../types.js';
import type { FitOptions } from './fitByMaximumLikelihood.js';
import { checkedWeights, historyOf, noCustomers, rowsOf, type FitWeightsOptions } from './fitInput.js';
import { groupRows, type GroupedRows } from './groupRows.js';
import { assertIdentified } from './identification.js';

/**
 * Options of the continuous-time fits: the optimiser's knobs, start, L2 penalty, row weights, and
 * `revealValues` (default `false`; with `true`, an issue about a row that carries a `customerId`,
 * such as a customer summary, names that id beside the row's index).
 */
export interface FitBtydOptions<K extends string> extends FitOptions<K>, FitWeightsOptions, Pick<RowPolicyOptions, 'revealValues'> {}

/**
 * What the continuous-time fits accept: an array of `{ frequency, recency, T }` (or of elements
 * carrying one in `btyd`, such as customer summaries), `{ customers }` holding such an array, or
 * {@link BtydColumns}.
 */
export type BtydData = FitData<BtydCustomer, BtydColumns>;

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
 * @param data - Customers, elements with `btyd`, `{ customers }`, or columns.
 * @param weights - Optional count per customer.
 * @param reveal - Put a row's `customerId` in its issues (the caller's `revealValues`).
 * @returns Grouped columns x, t_x, T with weights, and the count of customers with T = 0.
 * @throws {InvalidInputError} On any invalid row (every issue is listed), when there are no
 * customers, when every customer has T = 0, when nobody has a repeat purchase, or when every
 * customer has the same history (the model is then not identified).
 * @internal
 */
export function btydFitRows(data: BtydData, weightsOption: ArrayLike<number> | undefined, fn: string, reveal = false): BtydFitRows {
  const rows = rowsOf<BtydCustomer>(data);
  let n: number;
  let read: (i: number) => BtydCustomer | null;
  if (rows !== null) {
    n = rows.length;
    read = (i) => {
      const item = rows[i];
      if (item === null || typeof item !== 'object') return null;
      return historyOf(item);
    };
  } else {
    const cols = data as BtydColumns;
    if (!isColumns(cols)) {
      throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers, { customers }, or columns { frequency, recency, T } as Float64Arrays' }], fn);
    }
    n = cols.frequency.length;
    if (cols.recency.length !== n || cols.T.length !== n) {
      throw new InvalidInputError([{ code: 'length_mismatch', path: ['customers', 'recency'], message: `expected columns of ${n} entries each` }], fn);
    }
    const scratch = { frequency: 0, recency: 0, T: 0 };
    read = (i) => {
      scratch.frequency = cols.frequency[i]!;
      scratch.recency = cols.recency[i]!;
      scratch.T = cols.T[i]!;
      return scratch;
    };
  }
  if (n === 0) noCustomers(fn);
  const weights = checkedWeights(weightsOption, n, fn);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = weights === undefined ? undefined : new Float64Array(n);
  const issues: InputIssue[] = [];
  let repeaters = 0;
  let kept = 0;
  let justAcquired = 0;
  for (let i = 0; i < n; i++) {
    const c = read(i);
    if (c === null) {
      issues.push({ code: 'not_an_object', path: [i], message: 'expected an object with frequency, recency and T' });
      continue;
    }
    const xi = c.frequency;
    const txi = c.recency;
    const Ti = c.T;
    const found = btydIssues(xi, txi, Ti, i);
    if (found.length > 0) {
      // A row that names its customer (a summary) has the id in the issue, beside its index, when
      // the caller asked for it (revealValues)
      const who = rows === null ? {} : customerOf((rows[i] as { customerId?: unknown }).customerId, reveal);
      for (const f of found) issues.push({ ...f, ...who });
      continue;
    }
    const wi = weights === undefined ? 1 : weights[i]!;
    if (Ti === 0) {
      // Likelihood contribution 1 whatever the parameters: counted, not fitted.
      justAcquired += wi;
      continue;
    }
    x[kept] = xi;
    tx[kept] = txi;
    T[kept] = Ti;
    if (w !== undefined) w[kept] = wi;
    kept++;
    if (xi > 0 && wi > 0) repeaters++;
  }
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);
  if (justAcquired > 0 && !hasPositive(w, kept)) {
    throw new InvalidInputError(
      [{ code: 'not_identified', path: ['customers', 'T'], message: 'every customer has T = 0 (first purchase on the as-of date): their likelihood is 1 whatever the parameters, so nothing can be estimated' }],
      fn,
    );
  }
  if (repeaters === 0) {
    throw new InvalidInputError(
      [{ code: 'not_identified', path: ['customers', 'frequency'], message: 'no customer has a repeat purchase (frequency > 0), so purchase and dropout rates cannot be told apart' }],
      fn,
    );
  }
  const grouped = groupRows([x.subarray(0, kept), tx.subarray(0, kept), T.subarray(0, kept)], w?.subarray(0, kept));
  assertIdentified(grouped.size, fn, 'history (frequency, recency, T)');
  return { rows: grouped, justAcquired };
}

/** Whether `data` is {@link BtydColumns}. @internal */
export function isColumns(data: unknown): data is BtydColumns {
  const c = data as Partial<BtydColumns> | null;
  return c !== null && typeof c === 'object' && c.frequency instanceof Float64Array && c.recency instanceof Float64Array && c.T instanceof Float64Array;
}

function hasPositive(w: Float64Array | undefined, k: number): boolean {
  if (w === undefined) return k > 0;
  for (let i = 0; i < k; i++) if (w[i]! > 0) return true;
  return false;
}
