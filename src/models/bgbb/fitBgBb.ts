import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { rejectUnknownKeys } from '../../errors/knownKeys.js';
import { FIT_OPTION_KEYS } from '../fit/fitOptionKeys.js';
import { fitByMaximumLikelihood, type FitOptions } from '../fit/fitByMaximumLikelihood.js';
import { withDiagnostics } from '../fit/fitGroupedRows.js';
import { groupRows } from '../fit/groupRows.js';
import { assertIdentified } from '../fit/identification.js';
import { bgBb } from './bgBb.js';
import { bgBbConstants, bgBbLogL } from './bgBbMath.js';
import { checkedWeights, rowsOf, type FitWeightsOptions } from '../fit/fitInput.js';
import type { DiscreteCustomer } from '../types.js';
import type { BgBbFit, BgBbParams, DiscreteData } from './types.js';
import { validateDiscreteCustomer } from './validateDiscreteCustomer.js';

/** Options of {@link fitBgBb}: the optimiser's knobs, start values, L2 penalty and row weights. */
export interface FitBgBbOptions extends FitOptions<keyof BgBbParams>, FitWeightsOptions {}

const PARAM_NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;
const DEFAULT_START: Readonly<Record<keyof BgBbParams, number>> = { alpha: 1, beta: 1, gamma: 1, delta: 1 };

/**
 * Fits the BG/BB model to discrete-opportunity histories by maximum likelihood.
 *
 * Maximises the total log-likelihood Σ w_i log L(α, β, γ, δ | x_i, t_x,i, n_i) of Fader, Hardie &
 * Shang (2010, eq. 5) over the four positive parameters, by BFGS in log-parameter space (the
 * library's generic maximum-likelihood driver). Identical histories are grouped first, so the
 * cost is O(distinct (x, t_x, n) patterns * n) per evaluation, independent of the number of
 * customers beyond one O(rows) pass. Standard errors come from the numerical Hessian. On the
 * donations data (11,104 donors, n = 6) it gives α = 1.2035, β = 0.7498, γ = 0.6568, δ = 2.7839,
 * log-likelihood −33225.58, as published.
 *
 * @param data - One history per customer (or per pattern, with its count in `options.weights`), or `{ customers }`.
 * @param options - See {@link FitBgBbOptions}.
 * @returns The fitted model ({@link bgBb} methods) with `params`, `logLikelihood`,
 *   `standardErrors`, `iterations`, `converged`, `gradientNorm` and `customers`.
 * @throws InvalidInputError when a row is not a valid history, a weight is negative, there are no
 *   rows of positive weight, nobody ever transacts (every x = 0), or every customer has the same
 *   history (the model is then not identified).
 * @example
 * ```ts
 * import { fitBgBb } from 'loyalty-score';
 * const fit = fitBgBb(
 *   [
 *     { frequency: 0, recency: 0, periods: 6 },
 *     { frequency: 1, recency: 1, periods: 6 },
 *     { frequency: 3, recency: 5, periods: 6 },
 *     { frequency: 6, recency: 6, periods: 6 },
 *   ],
 *   { weights: [3464, 1091, 225, 1203] },
 * );
 * fit.converged; // => true
 * ```
 */
export function fitBgBb(data: DiscreteData, options: FitBgBbOptions = {}): BgBbFit {
  rejectUnknownKeys(options, FIT_OPTION_KEYS, 'options', 'fitBgBb');
  const rows = rowsOf<DiscreteCustomer>(data);
  if (rows === null) {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of histories or { customers }' }], 'fitBgBb');
  }
  const m = rows.length;
  const weights = checkedWeights(options.weights, m, 'fitBgBb');
  const x = new Float64Array(m);
  const tx = new Float64Array(m);
  const n = new Float64Array(m);
  const w = new Float64Array(m);
  let anyPurchase = false;
  let justAcquired = 0;
  for (let i = 0; i < m; i++) {
    const row = rows[i] as DiscreteCustomer;
    if (row === null || typeof row !== 'object') {
      throw new InvalidInputError([{ code: 'not_an_object', path: [i], message: 'expected an object with frequency, recency and periods' }], 'fitBgBb');
    }
    validateDiscreteCustomer(row, i);
    const weight = weights === undefined ? 1 : (weights[i] as number);
    x[i] = row.frequency;
    tx[i] = row.recency;
    n[i] = row.periods;
    // No opportunity yet (n = 0): likelihood contribution 1 whatever the parameters; counted, not fitted.
    if (row.periods === 0) justAcquired += weight;
    w[i] = row.periods === 0 ? 0 : weight;
    if (row.frequency > 0 && weight > 0) anyPurchase = true;
  }
  const grouped = groupRows([x, tx, n], w);
  if (grouped.size === 0 && justAcquired > 0) {
    throw new InvalidInputError([
      { code: 'not_identified', path: ['customers', 'periods'], message: 'every customer has 0 transaction opportunities: their likelihood is 1 whatever the parameters, so nothing can be estimated' },
    ]);
  }
  if (grouped.size === 0) {
    throw new InvalidInputError([{ code: 'no_customers', path: ['customers'], message: 'expected at least one customer with a positive weight' }]);
  }
  if (!anyPurchase) {
    throw new InvalidInputError([
      { code: 'not_identified', path: ['customers', 'frequency'], message: 'nobody made a repeat transaction (every frequency is 0): BG/BB cannot be identified' },
    ]);
  }
  assertIdentified(grouped.size, 'fitBgBb', 'history (frequency, recency, periods)');
  const [gx, gtx, gn] = grouped.columns as [Float64Array, Float64Array, Float64Array];
  const gw = grouped.weights;
  const size = grouped.size;
  let repeatBuyers = 0;
  for (let i = 0; i < size; i++) if ((gx[i] as number) > 0) repeatBuyers += gw[i] as number;

  const fit = fitByMaximumLikelihood({
    paramNames: PARAM_NAMES,
    start: DEFAULT_START,
    customers: grouped.totalWeight,
    repeatBuyers,
    options,
    logLikelihood(theta) {
      const c = bgBbConstants({ alpha: theta[0] as number, beta: theta[1] as number, gamma: theta[2] as number, delta: theta[3] as number });
      if (!Number.isFinite(c.logNorm)) return -Infinity;
      let ll = 0;
      for (let i = 0; i < size; i++) ll += (gw[i] as number) * bgBbLogL(c, gx[i] as number, gtx[i] as number, gn[i] as number);
      return ll;
    },
  });
  return withDiagnostics(bgBb(fit.params), fit, { justAcquired });
}
