import { sampleBeta, sampleExponential, sampleGamma, type Rng } from '../../math/random.js';
import { checkParams } from '../shared/checkParams.js';
import { simulationRng } from '../shared/simulationRng.js';
import { observationLengths } from '../shared/observationLengths.js';
import type { BtydCustomer } from '../types.js';
import type { BgNbdParams, SimulateBtydOptions } from './types.js';

/**
 * Simulates customer histories under the BG/NBD model.
 *
 * Each customer draws λ ~ Gamma(r, α) and p ~ Beta(a, b), buys at exponential(λ) gaps from time 0,
 * and after each repeat purchase drops out with probability p; purchases up to T are recorded as
 * (x, t_x, T). Deterministic for a given seed. Cost O(customers + purchases).
 *
 * @param params - r, alpha, a, b.
 * @param options - Number of customers, T (one value or one per customer) and seed.
 * @returns One (frequency, recency, T) per customer.
 * @throws {InvalidInputError} On invalid parameters, T or customer count.
 * @example
 * ```ts
 * import { simulateBgNbd } from 'loyalty-score';
 * const customers = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: 39, seed: 1 });
 * customers.length; // => 3
 * ```
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulateBtydOptions): BtydCustomer[] {
  const { r, alpha, a, b } = checkParams(params, ['r', 'alpha', 'a', 'b'], 'simulateBgNbd');
  const Ts = observationLengths(options);
  const rng = simulationRng(options);
  return Ts.map((T) => simulateOne(rng, r, alpha, a, b, T, false));
}

/**
 * One BG/NBD (or, with `dropAtStart`, MBG/NBD) history.
 * @internal
 */
export function simulateOne(rng: Rng, r: number, alpha: number, a: number, b: number, T: number, dropAtStart: boolean): BtydCustomer {
  const lambda = sampleGamma(rng, r, alpha);
  const p = sampleBeta(rng, a, b);
  let x = 0;
  let tx = 0;
  if (!(dropAtStart && rng() < p)) {
    let t = 0;
    for (;;) {
      t += sampleExponential(rng, lambda);
      if (!(t <= T)) break;
      x++;
      tx = t;
      if (rng() < p) break;
    }
  }
  return { frequency: x, recency: tx, T };
}
