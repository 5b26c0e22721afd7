import { simulateOne } from '../bgnbd/simulateBgNbd.js';
import type { SimulateBtydOptions } from '../bgnbd/types.js';
import { checkParams } from '../shared/checkParams.js';
import { simulationRng } from '../shared/simulationRng.js';
import { observationLengths } from '../shared/observationLengths.js';
import type { BtydCustomer } from '../types.js';
import type { MbgNbdParams } from './types.js';

/**
 * Simulates customer histories under the MBG/NBD model.
 *
 * Each customer draws λ ~ Gamma(r, α) and p ~ Beta(a, b); she may drop out right after her first
 * purchase (probability p) and after each repeat purchase; purchases at exponential(λ) gaps up to
 * T are recorded as (x, t_x, T). Deterministic for a given seed. Cost O(customers + purchases).
 *
 * @param params - r, alpha, a, b.
 * @param options - Number of customers, T (one value or one per customer) and seed.
 * @returns One (frequency, recency, T) per customer.
 * @throws {InvalidInputError} On invalid parameters, T or customer count.
 * @example
 * ```ts
 * import { simulateMbgNbd } from 'loyalty-score';
 * simulateMbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { T: [10, 20], seed: 7 }).length; // => 2
 * ```
 */
export function simulateMbgNbd(params: MbgNbdParams, options: SimulateBtydOptions): BtydCustomer[] {
  const { r, alpha, a, b } = checkParams(params, ['r', 'alpha', 'a', 'b'], 'simulateMbgNbd');
  const Ts = observationLengths(options);
  const rng = simulationRng(options);
  return Ts.map((T) => simulateOne(rng, r, alpha, a, b, T, true));
}
