import { sampleExponential, sampleGamma } from '../../math/random.js';
import type { SimulateBtydOptions } from '../bgnbd/types.js';
import { checkParams } from '../shared/checkParams.js';
import { simulationRng } from '../shared/simulationRng.js';
import { observationLengths } from '../shared/observationLengths.js';
import type { BtydCustomer } from '../types.js';
import type { ParetoNbdParams } from './types.js';

/**
 * Simulates customer histories under the Pareto/NBD model.
 *
 * Each customer draws λ ~ Gamma(r, α) and μ ~ Gamma(s, β), a lifetime τ ~ Exponential(μ), and buys
 * at exponential(λ) gaps from time 0 until min(τ, T); recorded as (x, t_x, T). Deterministic for a
 * given seed. Cost O(customers + purchases).
 *
 * @param params - r, alpha, s, beta.
 * @param options - Number of customers, T (one value or one per customer) and seed.
 * @returns One (frequency, recency, T) per customer.
 * @throws {InvalidInputError} On invalid parameters, T or customer count.
 * @example
 * ```ts
 * import { simulateParetoNbd } from 'loyalty-score';
 * simulateParetoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { customers: 5, T: 39, seed: 3 }).length; // => 5
 * ```
 */
export function simulateParetoNbd(params: ParetoNbdParams, options: SimulateBtydOptions): BtydCustomer[] {
  const { r, alpha, s, beta } = checkParams(params, ['r', 'alpha', 's', 'beta'], 'simulateParetoNbd');
  const Ts = observationLengths(options);
  const rng = simulationRng(options);
  return Ts.map((T) => {
    const lambda = sampleGamma(rng, r, alpha);
    const mu = sampleGamma(rng, s, beta);
    const end = Math.min(sampleExponential(rng, mu), T);
    let x = 0;
    let tx = 0;
    let t = 0;
    for (;;) {
      t += sampleExponential(rng, lambda);
      if (!(t <= end)) break;
      x++;
      tx = t;
    }
    return { frequency: x, recency: tx, T };
  });
}
