import { invalidOption } from '../../errors/InvalidInputError.js';
import { sampleBeta } from '../../math/random.js';
import { checkParams } from '../shared/checkParams.js';
import { simulationRng } from '../shared/simulationRng.js';
import type { DiscreteCustomer } from '../types.js';
import type { BgBbParams, SimulateBgBbOptions } from './types.js';

/**
 * Draws customer histories from the BG/BB model.
 *
 * For each customer: p ~ Beta(α, β), θ ~ Beta(γ, δ); at the start of each of the n opportunities
 * an alive customer drops out with probability θ, and an alive customer transacts with
 * probability p. Returns (x, t_x, n) per customer. Deterministic for a given seed. Cost O(customers * n).
 *
 * @param params - The BG/BB parameters.
 * @param options - Number of customers, opportunities, seed.
 * @returns One history per customer.
 * @throws InvalidInputError for a non-positive parameter or an invalid count.
 * @example
 * ```ts
 * import { simulateBgBb } from 'loyalty-score';
 * const histories = simulateBgBb({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }, { customers: 3, seed: 7 });
 * histories.length; // => 3
 * ```
 */
export function simulateBgBb(params: BgBbParams, options: SimulateBgBbOptions): DiscreteCustomer[] {
  checkParams(params, ['alpha', 'beta', 'gamma', 'delta'], 'simulateBgBb');
  const { customers } = options;
  const periods = options.periods ?? 6;
  if (!(Number.isInteger(customers) && customers >= 0)) invalidOption('customers', 'expected a whole number >= 0');
  if (!(Number.isInteger(periods) && periods >= 0)) invalidOption('periods', 'expected a whole number >= 0');
  const rng = simulationRng(options, 1);
  const out: DiscreteCustomer[] = new Array(customers);
  for (let i = 0; i < customers; i++) {
    const p = sampleBeta(rng, params.alpha, params.beta);
    const theta = sampleBeta(rng, params.gamma, params.delta);
    let x = 0;
    let tx = 0;
    for (let t = 1; t <= periods; t++) {
      if (rng() < theta) break;
      if (rng() < p) {
        x++;
        tx = t;
      }
    }
    out[i] = { frequency: x, recency: tx, periods };
  }
  return out;
}
