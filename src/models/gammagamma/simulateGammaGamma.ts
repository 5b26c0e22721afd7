import { invalidOption } from '../../errors/InvalidInputError.js';
import { checkParams } from '../shared/checkParams.js';
import { simulationRng } from '../shared/simulationRng.js';
import { sampleGamma } from '../../math/random.js';
import type { GammaGammaParams, SimulateGammaGammaOptions, SpendCustomer } from './types.js';

/**
 * Draws mean spends from the Gamma-Gamma model for customers with given repeat-transaction counts.
 *
 * For each customer: ν ~ Gamma(q, rate γ); each of the x transactions spends z ~ Gamma(p, rate ν);
 * `monetaryValue` is their mean (0 when x = 0). Deterministic for a given seed. Cost O(Σ x).
 *
 * @param params - The Gamma-Gamma parameters.
 * @param frequencies - Number of repeat transactions x of each customer (whole numbers `>= 0`).
 * @param options - Seed or generator.
 * @returns `{ frequency, monetaryValue }` per customer, in input order.
 * @throws InvalidInputError for a non-positive parameter or an invalid frequency.
 * @example
 * ```ts
 * import { simulateGammaGamma } from 'loyalty-score';
 * const spends = simulateGammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 }, [0, 2, 5], { seed: 3 });
 * spends[0]; // => { frequency: 0, monetaryValue: 0 }
 * ```
 */
export function simulateGammaGamma(params: GammaGammaParams, frequencies: ArrayLike<number>, options: SimulateGammaGammaOptions = {}): SpendCustomer[] {
  checkParams(params, ['p', 'q', 'gamma'], 'simulateGammaGamma');
  const rng = simulationRng(options, 1);
  const out: SpendCustomer[] = new Array(frequencies.length);
  for (let i = 0; i < frequencies.length; i++) {
    const x = frequencies[i] as number;
    if (!(Number.isInteger(x) && x >= 0)) invalidOption('frequencies', `frequency ${i} must be a whole number >= 0`);
    if (x === 0) {
      out[i] = { frequency: 0, monetaryValue: 0 };
      continue;
    }
    const nu = sampleGamma(rng, params.q, params.gamma);
    let sum = 0;
    for (let j = 0; j < x; j++) sum += sampleGamma(rng, params.p, nu);
    out[i] = { frequency: x, monetaryValue: sum / x };
  }
  return out;
}
