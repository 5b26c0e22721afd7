import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { logGamma } from '../../math/logGamma.js';
import { checkParams } from '../shared/checkParams.js';
import { simulateGammaGamma } from './simulateGammaGamma.js';
import type { SpendColumns } from '../types.js';
import type { GammaGammaModel, GammaGammaParams, SpendCustomer } from './types.js';
import { validateSpendCustomer } from './validateSpendCustomer.js';

/**
 * A Gamma-Gamma spend model with given parameters (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value").
 *
 * Each transaction's spend is Gamma(p, ν); ν varies across customers as Gamma(q, γ). The mean
 * spend z̄ of a customer's x transactions then has the log-density
 * `lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)`,
 * and the expected spend per transaction given (x, z̄) is the posterior mean
 * `E[Z | x, z̄] = p (γ + x z̄) / (p x + q − 1)`, a weighted average of the population mean
 * `p γ / (q − 1)` and the customer's own z̄. For x = 0 it is the population mean. A repeat customer
 * whose mean repeat spend is 0 or less (free orders, returns) gets the limit as z̄ tends to 0,
 * `p γ / (p x + q − 1)`; fits leave such customers out (`zeroSpend`). Cost O(1) per customer.
 *
 * @param params - p, q, gamma, all finite and `> 0`.
 * @returns The model.
 * @throws InvalidInputError when a parameter is not a finite positive number. `expectedAverageSpend`
 *   throws it for an invalid customer, and when the posterior mean does not exist
 *   (`p x + q <= 1`, e.g. `q <= 1` for a customer without repeat purchases).
 * @example
 * ```ts
 * import { gammaGamma } from 'loyalty-score';
 * const model = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
 * model.expectedAverageSpend({ frequency: 2, monetaryValue: 22.35 }); // ~> 24.66 (0.01)
 * model.expectedAverageSpend({ frequency: 0, monetaryValue: 0 }); // ~> 35.22 (0.01)
 * ```
 */
export function gammaGamma(params: GammaGammaParams): GammaGammaModel {
  const { p, q, gamma } = checkParams(params, ['p', 'q', 'gamma'], 'gammaGamma');
  const frozen: GammaGammaParams = Object.freeze({ p, q, gamma });
  const logNorm = -logGamma(q) + q * Math.log(gamma);

  const spend = (c: SpendCustomer, where: string | number): number => {
    validateSpendCustomer(c, where);
    const x = c.frequency;
    const denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new InvalidInputError([
        { code: 'no_mean', path: [where, 'frequency'], message: 'the expected spend does not exist for this customer (p * frequency + q <= 1)' },
      ]);
    }
    // No repeats, or a zero (or negative) mean repeat spend: the limit z̄ -> 0, p γ / (p x + q - 1).
    return x === 0 || !(c.monetaryValue > 0) ? (p * gamma) / denominator : (p * (gamma + x * c.monetaryValue)) / denominator;
  };

  return {
    model: 'gammagamma',
    params: frozen,
    expectedAverageSpend(customer) {
      return spend(customer, 'customer');
    },
    expectedAverageSpendMany(customers) {
      if (Array.isArray(customers)) {
        const cs = customers as readonly SpendCustomer[];
        const out = new Float64Array(cs.length);
        for (let i = 0; i < cs.length; i++) out[i] = spend(cs[i] as SpendCustomer, i);
        return out;
      }
      const cols = customers as SpendColumns;
      if (!(cols !== null && typeof cols === 'object' && cols.frequency instanceof Float64Array && cols.monetaryValue instanceof Float64Array)) {
        throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers or columns { frequency, monetaryValue } as Float64Arrays' }]);
      }
      const xs = cols.frequency;
      const ms = cols.monetaryValue;
      const n = xs.length;
      if (ms.length !== n) throw new InvalidInputError([{ code: 'length_mismatch', path: ['customers', 'monetaryValue'], message: `expected columns of ${n} entries each` }]);
      const out = new Float64Array(n);
      const scratch = { frequency: 0, monetaryValue: 0 };
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        const m = ms[i]!;
        // Fast path for the valid, existing case; anything else goes through the checked form.
        const denominator = p * x + q - 1;
        if (x >= 0 && x < Infinity && denominator > 0 && (x === 0 || Number.isFinite(m))) {
          out[i] = x === 0 || !(m > 0) ? (p * gamma) / denominator : (p * (gamma + x * m)) / denominator;
        } else {
          scratch.frequency = x;
          scratch.monetaryValue = m;
          out[i] = spend(scratch, i);
        }
      }
      return out;
    },
    simulate(frequencies, options) {
      return simulateGammaGamma(frozen, frequencies, options);
    },
    customerLogLikelihood(customer) {
      validateSpendCustomer(customer, 'customer');
      const x = customer.frequency;
      const m = customer.monetaryValue;
      if (x === 0 || !(m > 0)) return 0;
      const px = p * x;
      return logGamma(px + q) - logGamma(px) + logNorm + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + x * m);
    },
  };
}
