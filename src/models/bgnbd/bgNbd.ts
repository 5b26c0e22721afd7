import { checkParams } from '../shared/checkParams.js';
import { continuousModel } from '../shared/continuousModel.js';
import { isValidHistory } from '../shared/btydCustomer.js';
import { LogCache } from '../shared/logCache.js';
import { bgExpectedNew, bgPmfNew } from './betaGeometricFormulas.js';
import { simulateBgNbd } from './simulateBgNbd.js';
import type { BgNbdModel, BgNbdParams } from './types.js';

/** Frequencies below this get their parameter-only terms cached in the vectorised forms. */
const SMALL_X = 1024;

/**
 * A BG/NBD model (Fader, Hardie & Lee 2005) at known parameters.
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat
 * purchase she drops out with probability p ~ Beta(a, b). Times are in the unit of the data (weeks
 * for the published CDNOW fits). Methods:
 * - `probabilityAlive(c)` = 1 / (1 + [x > 0] · a/(b+x-1) · ((α+T)/(α+t_x))^(r+x)) (FHL 2008 note eq. 1);
 * - `expectedPurchases(t, c)`: E[Y(t) | x, t_x, T] (FHL 2005 eq. 10), evaluated as P(alive) times
 *   the new-customer expectation at the posterior parameters (r+x, α+T, a, b+x);
 * - `purchaseProbability(n, t, c?)`: P(X(t) = n) (FHL 2005 eq. 8), or for customer c the
 *   conditional P(Y(t) = n | history) = P(alive) · P_posterior(n) + (1 - P(alive)) · [n = 0];
 * - `expectedPurchasesNewCustomer(t)` = (a+b-1)/(a-1) · [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))].
 * All run in O(1) except the hypergeometric series (O(terms), more as t/(α+t) nears 1).
 *
 * @param params - r, alpha, a, b (all > 0).
 * @returns The model.
 * @throws {InvalidInputError} When a parameter is not a positive finite number.
 * @example
 * ```ts
 * import { bgNbd } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * model.purchaseProbability(0, 39); // ~> 0.5737864 (1e-6)
 * model.probabilityAlive({ frequency: 0, recency: 0, T: 38.86 }); // => 1
 * ```
 */
export function bgNbd(params: BgNbdParams): BgNbdModel {
  const { r, alpha, a, b } = checkParams(params, ['r', 'alpha', 'a', 'b'], 'bgNbd');
  const model = continuousModel({
    model: 'bgnbd',
    params: { r, alpha, a, b },
    aliveOf: (x, tx, T) => {
      if (x === 0) return 1;
      const logD = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
      return 1 / (1 + Math.exp(logD));
    },
    aliveMany: (xs, txs, Ts, out) => {
      // The same arithmetic as aliveOf, with log(a / (b + x - 1)) computed once per small whole x.
      const logRatio = new Float64Array(SMALL_X).fill(Number.NaN);
      const logAge = new LogCache(alpha);
      const logRecency = new LogCache(alpha);
      for (let i = 0; i < out.length; i++) {
        const x = xs[i]!;
        const tx = txs[i]!;
        const T = Ts[i]!;
        // The validity test of every history, fused into this pass (NaN fails it).
        if (!isValidHistory(x, tx, T)) return false;
        if (x === 0) {
          out[i] = 1;
          continue;
        }
        let lr: number;
        if (x < SMALL_X) {
          lr = logRatio[x]!;
          if (lr !== lr) lr = logRatio[x] = Math.log(a / (b + x - 1));
        } else lr = Math.log(a / (b + x - 1));
        const logD = lr + (r + x) * (logAge.log(T) - logRecency.log(tx));
        out[i] = 1 / (1 + Math.exp(logD));
      }
      return true;
    },
    expectedIfAlive: (t, x, T) => bgExpectedNew(t, r + x, alpha + T, a, b + x),
    pmfIfAlive: (n, t, c) => bgPmfNew(n, t, r + c.frequency, alpha + c.T, a, b + c.frequency),
    pmfNew: (n, t) => bgPmfNew(n, t, r, alpha, a, b),
    expectedNew: (t) => bgExpectedNew(t, r, alpha, a, b),
  });
  return { ...model, simulate: (options) => simulateBgNbd({ r, alpha, a, b }, options) };
}
