import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { customerOf } from '../../errors/issues.js';
import { rejectUnknownKeys } from '../../errors/knownKeys.js';
import { BTYD_FIT_OPTION_KEYS } from '../fit/fitOptionKeys.js';
import { btydFitRows, isColumns, type BtydData } from '../fit/btydFitRows.js';
import { historyOf, rowsOf } from '../fit/fitInput.js';
import { groupRows, type GroupedRows } from '../fit/groupRows.js';
import type { BtydCustomer } from '../types.js';
import { checkCovariateOptions, covariateDesign } from './covariateDesign.js';
import type { CovariateDesign, CovariateOptions } from './types.js';

/** Grouped rows of a covariate fit: columns x, t_x, T, then the purchase and the dropout design columns. @internal */
export interface CovariateFitRows {
  readonly rows: GroupedRows;
  readonly design: CovariateDesign;
  /** Number of purchase columns (they follow x, t_x, T); the dropout columns follow them. */
  readonly purchaseColumns: number;
  readonly dropoutColumns: number;
  /**
   * The factor each design column (purchase, then dropout) was divided by in `rows`: its weighted
   * root mean square, so that the optimiser sees covariates of order 1 whatever their unit (ages
   * in years, spend in cents); the coefficient of the raw column is the fitted one divided by it.
   */
  readonly scales: Float64Array;
  /** Customers (sum of weights) with T = 0, left out of the likelihood. */
  readonly justAcquired: number;
}

/** Option names of a fit with covariates: those of every fit, and `covariates`. */
const COVARIATE_FIT_OPTION_KEYS: readonly string[] = [...Object.keys(BTYD_FIT_OPTION_KEYS), 'covariates'];

/**
 * Rejects an option a fit with covariates does not know (`unknown_option` naming the nearest).
 * @internal
 */
export function rejectUnknownCovariateFitOptions(options: object, fn: string): void {
  rejectUnknownKeys(options, COVARIATE_FIT_OPTION_KEYS, 'options', fn);
}

/**
 * Validates the histories (as the plain fits do, with the same errors) and the covariates, and
 * groups identical (x, t_x, T, z) rows of the customers in the likelihood (T > 0, weight > 0).
 * @throws {InvalidInputError} As `btydFitRows`, as `covariateDesign`, and `invalid_type` at
 * `['customers', field]` for a covariate column of the columns form that is not an array of the
 * right length.
 * @internal
 */
export function covariateFitRows(data: BtydData, covariates: CovariateOptions, weights: ArrayLike<number> | undefined, fn: string, reveal = false): CovariateFitRows {
  const fields = checkCovariateOptions(covariates, fn);
  const { justAcquired } = btydFitRows(data, weights, fn, reveal);
  const rows = rowsOf<BtydCustomer>(data);
  const n = rows !== null ? rows.length : (data as { frequency: Float64Array }).frequency.length;
  let history: (i: number) => BtydCustomer;
  let valueAt: (i: number, field: string) => unknown;
  let idAt: (i: number) => string | number | undefined;
  if (rows !== null) {
    history = (i) => historyOf(rows[i]!);
    valueAt = (i, field) => (rows[i] as unknown as Record<string, unknown>)[field];
    // ids name customers in issues only under revealValues: otherwise the index does
    idAt = (i) => customerOf((rows[i] as { customerId?: unknown }).customerId, reveal).customerId;
  } else {
    const cols = data as unknown as Record<string, unknown>;
    if (!isColumns(cols)) throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected customers or columns' }], fn);
    for (const field of new Set([...fields.purchase, ...fields.dropout])) {
      const col = cols[field] as ArrayLike<unknown> | undefined;
      if (col === null || typeof col !== 'object' || col.length !== n) {
        throw new InvalidInputError([{ code: 'invalid_type', path: ['customers', field], message: `expected a column ${field} of ${n} covariate values beside frequency, recency and T` }], fn);
      }
    }
    const scratch = { frequency: 0, recency: 0, T: 0 };
    history = (i) => {
      scratch.frequency = cols.frequency[i]!;
      scratch.recency = cols.recency[i]!;
      scratch.T = cols.T[i]!;
      return scratch;
    };
    valueAt = (i, field) => (cols[field] as ArrayLike<unknown>)[i];
    idAt = () => undefined;
  }
  const used: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    const wi = weights === undefined ? 1 : weights[i]!;
    if (history(i).T > 0 && wi > 0) {
      used.push(i);
      w.push(wi);
    }
  }
  const matrix = covariateDesign(fields, n, valueAt, idAt, used, w, fn);
  const m = used.length;
  const x = new Float64Array(m);
  const tx = new Float64Array(m);
  const T = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const h = history(used[k]!);
    x[k] = h.frequency;
    tx[k] = h.recency;
    T[k] = h.T;
  }
  const design = [...matrix.purchase, ...matrix.dropout];
  const scales = new Float64Array(design.length);
  let total = 0;
  for (let k = 0; k < m; k++) total += w[k]!;
  design.forEach((col, j) => {
    let ss = 0;
    for (let k = 0; k < m; k++) ss += w[k]! * col[k]! * col[k]!;
    const s = Math.sqrt(ss / total);
    scales[j] = s > 0 && Number.isFinite(s) ? s : 1;
    for (let k = 0; k < m; k++) col[k] = col[k]! / scales[j]!;
  });
  return {
    rows: groupRows([x, tx, T, ...design], weights === undefined ? undefined : w),
    design: matrix.design,
    purchaseColumns: matrix.purchase.length,
    dropoutColumns: matrix.dropout.length,
    scales,
    justAcquired,
  };
}
