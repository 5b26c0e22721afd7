import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { assertIdentified } from '../fit/identification.js';
import { checkedWeights, historyOf, noCustomers, rowsOf } from '../fit/fitInput.js';
import type { SpendColumns } from '../types.js';
import type { SpendCustomer, SpendData } from './types.js';
import { validateSpendCustomer } from './validateSpendCustomer.js';

/** The customers in a Gamma-Gamma likelihood: repeat customers with a positive mean spend and a positive weight. @internal */
export interface SpendFitRows {
  readonly frequency: Float64Array;
  readonly monetaryValue: Float64Array;
  /** Weight of each row (all 1 without the `weights` option). */
  readonly weights: Float64Array;
  /** Sum of the weights. */
  readonly totalWeight: number;
  /** Repeat customers (sum of weights) whose mean spend is 0 or less: left out. */
  readonly zeroSpend: number;
}

/**
 * Validates Gamma-Gamma input and keeps the rows of the likelihood.
 * @throws {InvalidInputError} On an invalid record or weight, no customers, or nobody to fit or
 *   every repeat customer alike (`not_identified`).
 * @internal
 */
export function spendFitRows(data: SpendData, weightsOption: ArrayLike<number> | undefined): SpendFitRows {
  const rows = rowsOf<SpendCustomer>(data);
  let n: number;
  let read: (i: number) => SpendCustomer;
  if (rows !== null) {
    n = rows.length;
    read = (i) => {
      const row = rows[i];
      if (row === null || typeof row !== 'object') {
        throw new InvalidInputError([{ code: 'not_an_object', path: [i], message: 'expected an object with frequency and monetaryValue' }], 'fitGammaGamma');
      }
      return historyOf(row);
    };
  } else {
    const cols = data as SpendColumns;
    if (!(cols !== null && typeof cols === 'object' && cols.frequency instanceof Float64Array && cols.monetaryValue instanceof Float64Array)) {
      throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers, { customers }, or columns { frequency, monetaryValue } as Float64Arrays' }], 'fitGammaGamma');
    }
    n = cols.frequency.length;
    if (cols.monetaryValue.length !== n) {
      throw new InvalidInputError([{ code: 'length_mismatch', path: ['customers', 'monetaryValue'], message: `expected columns of ${n} entries each` }], 'fitGammaGamma');
    }
    const scratch = { frequency: 0, monetaryValue: 0 };
    read = (i) => {
      scratch.frequency = cols.frequency[i]!;
      scratch.monetaryValue = cols.monetaryValue[i]!;
      return scratch;
    };
  }
  if (n === 0) noCustomers('fitGammaGamma');
  const weights = checkedWeights(weightsOption, n, 'fitGammaGamma');
  const X = new Float64Array(n);
  const M = new Float64Array(n);
  const W = new Float64Array(n);
  let k = 0;
  let total = 0;
  let zeroSpend = 0;
  for (let i = 0; i < n; i++) {
    const c = read(i);
    validateSpendCustomer(c, i);
    const w = weights === undefined ? 1 : weights[i]!;
    if (c.frequency === 0 || w === 0) continue;
    if (!(c.monetaryValue > 0)) {
      zeroSpend += w;
      continue;
    }
    X[k] = c.frequency;
    M[k] = c.monetaryValue;
    W[k] = w;
    total += w;
    k++;
  }
  if (k === 0) {
    throw new InvalidInputError([
      zeroSpend > 0
        ? { code: 'not_identified', path: ['customers', 'monetaryValue'], message: 'no repeat customer has a positive mean repeat spend: the Gamma-Gamma model cannot be identified' }
        : { code: 'not_identified', path: ['customers', 'frequency'], message: 'nobody has a repeat purchase (every frequency is 0): the Gamma-Gamma model cannot be identified' },
    ], 'fitGammaGamma');
  }
  let distinct = 1;
  for (let i = 1; i < k && distinct === 1; i++) if (X[i] !== X[0] || M[i] !== M[0]) distinct = 2;
  assertIdentified(distinct, 'fitGammaGamma', 'frequency and mean spend');
  return { frequency: X.subarray(0, k), monetaryValue: M.subarray(0, k), weights: W.subarray(0, k), totalWeight: total, zeroSpend };
}
