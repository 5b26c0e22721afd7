import { bgExpectedNew, bgPmfNew } from '../bgnbd/betaGeometricFormulas.js';
import { checkParams } from '../shared/checkParams.js';
import { continuousModel } from '../shared/continuousModel.js';
import { isValidHistory } from '../shared/btydCustomer.js';
import { LogCache } from '../shared/logCache.js';
import { simulateMbgNbd } from './simulateMbgNbd.js';
import type { MbgNbdModel, MbgNbdParams } from './types.js';

/** Frequencies below this get their parameter-only terms cached in the vectorised forms. */
const SMALL_X = 1024;

/**
 * An MBG/NBD model (Batislam, Denizel & Filiztekin 2007) at known parameters.
 *
 * As BG/NBD, except that a customer may also drop out right after her first purchase, so a
 * customer with no repeat purchase can be inactive. Methods:
 * - `probabilityAlive(c)` = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)), for every x;
 * - `expectedPurchases(t, c)` = P(alive) · (a+b+x)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; t/(α+T+t))];
 * - `purchaseProbability(n, t)` = B(a, b+n+1)/B(a, b) · NB(n) + B(a+1, b+n)/B(a, b) · P(NB ≥ n),
 *   and for a customer P(alive) · P_posterior(n) + (1 - P(alive)) · [n = 0], the posterior being
 *   (r+x, α+T, a, b+x+1);
 * - `expectedPurchasesNewCustomer(t)` = b/(a-1) · [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))].
 *
 * @param params - r, alpha, a, b (all > 0).
 * @returns The model.
 * @throws {InvalidInputError} When a parameter is not a positive finite number.
 * @example
 * ```ts
 * import { mbgNbd } from 'loyalty-score';
 * const model = mbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
 * model.probabilityAlive({ frequency: 0, recency: 0, T: 38.86 }) < 1; // => true
 * ```
 */
export function mbgNbd(params: MbgNbdParams): MbgNbdModel {
  const { r, alpha, a, b } = checkParams(params, ['r', 'alpha', 'a', 'b'], 'mbgNbd');
  // A new customer survives the coin tossed at her first purchase with probability b / (a + b);
  // then she is a BG/NBD customer with b + 1.
  const survivesFirst = b / (a + b);
  const model = continuousModel({
    model: 'mbgnbd',
    params: { r, alpha, a, b },
    aliveOf: (x, tx, T) => {
      // T = 0: just acquired, alive unless the coin at the first purchase said otherwise.
      if (T === 0) return survivesFirst;
      const logD = Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
      return 1 / (1 + Math.exp(logD));
    },
    aliveMany: (xs, txs, Ts, out) => {
      // The same arithmetic as aliveOf, with log(a / (b + x)) once per small whole x and cached logarithms.
      const logRatio = new Float64Array(SMALL_X).fill(Number.NaN);
      const logAge = new LogCache(alpha);
      const logRecency = new LogCache(alpha);
      for (let i = 0; i < out.length; i++) {
        const x = xs[i]!;
        const tx = txs[i]!;
        const T = Ts[i]!;
        if (!isValidHistory(x, tx, T)) return false;
        if (T === 0) {
          out[i] = survivesFirst;
          continue;
        }
        let lr: number;
        if (x < SMALL_X) {
          lr = logRatio[x]!;
          if (lr !== lr) lr = logRatio[x] = Math.log(a / (b + x));
        } else lr = Math.log(a / (b + x));
        const logD = lr + (r + x) * (logAge.log(T) - logRecency.log(tx));
        out[i] = 1 / (1 + Math.exp(logD));
      }
      return true;
    },
    expectedIfAlive: (t, x, T) => bgExpectedNew(t, r + x, alpha + T, a, b + x + 1),
    pmfIfAlive: (n, t, c) => bgPmfNew(n, t, r + c.frequency, alpha + c.T, a, b + c.frequency + 1),
    pmfNew: (n, t) => survivesFirst * bgPmfNew(n, t, r, alpha, a, b + 1) + (n === 0 ? 1 - survivesFirst : 0),
    expectedNew: (t) => survivesFirst * bgExpectedNew(t, r, alpha, a, b + 1),
  });
  return { ...model, simulate: (options) => simulateMbgNbd({ r, alpha, a, b }, options) };
}
