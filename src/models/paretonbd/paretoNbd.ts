import { oneMinusPowOverK } from '../../math/oneMinusPowOverK.js';
import { checkParams } from '../shared/checkParams.js';
import { continuousModel } from '../shared/continuousModel.js';
import { isValidHistory } from '../shared/btydCustomer.js';
import { HistoryCache } from '../shared/logCache.js';
import { paretoNbdLogBracket, paretoNbdScratch } from './paretoNbdCore.js';
import { paretoNbdPmfNew } from './paretoNbdPmf.js';
import { simulateParetoNbd } from './simulateParetoNbd.js';
import type { ParetoNbdModel, ParetoNbdParams } from './types.js';

/**
 * A Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) at known parameters.
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); her lifetime is
 * exponential with rate μ ~ Gamma(s, β). Formulas from Fader & Hardie's 2005 note on the
 * Pareto/NBD, all in log space:
 * - `probabilityAlive(c)` = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0), A0 by the note's
 *   hypergeometric terms with the transformation chosen by α ≥ β or α < β; A0 = 0 exactly when
 *   t_x = T, so P(alive) = 1 then;
 * - `expectedPurchases(t, c)` = P(alive) · (r+x)(β+T) / ((α+T)(s-1)) · [1 - ((β+T)/(β+T+t))^(s-1)]
 *   (the s = 1 limit (r+x)(β+T)/(α+T) · log(1 + t/(β+T)) is handled);
 * - `purchaseProbability(n, t)`: P(X(t) = n) for a new customer (one-dimensional integral over the
 *   dropout time, adaptive quadrature, relative error about 1e-13); with a customer, P(alive) times
 *   that at the posterior (r+x, α+T, s, β+T), plus (1 - P(alive)) for n = 0;
 * - `expectedPurchasesNewCustomer(t)` = rβ/(α(s-1)) · [1 - (β/(β+t))^(s-1)].
 *
 * @param params - r, alpha, s, beta (all > 0).
 * @returns The model.
 * @throws {InvalidInputError} When a parameter is not a positive finite number.
 * @example
 * ```ts
 * import { paretoNbd } from 'loyalty-score';
 * const model = paretoNbd({ r: 0.55, alpha: 10.56, s: 0.61, beta: 11.64 });
 * model.expectedPurchasesNewCustomer(1); // ~> 0.05077821 (1e-8)
 * ```
 */
export function paretoNbd(params: ParetoNbdParams): ParetoNbdModel {
  const { r, alpha, s, beta } = checkParams(params, ['r', 'alpha', 's', 'beta'], 'paretoNbd');
  const scratch = paretoNbdScratch();
  const work = new Float64Array(12);
  // E[X(t)] of a new customer at (r1, α1, s, β1): r1 β1 / (α1 (s - 1)) · [1 - (β1/(β1+t))^(s-1)].
  const expectedNew = (t: number, r1: number, a1: number, b1: number): number => ((r1 * b1) / a1) * oneMinusPowOverK(t / b1, s - 1);
  const aliveOf = (x: number, tx: number, T: number): number => {
    paretoNbdLogBracket(r, alpha, s, beta, x, tx, T, false, scratch, work);
    return scratch.pAlive;
  };
  const model = continuousModel({
    model: 'paretonbd',
    params: { r, alpha, s, beta },
    aliveOf,
    aliveMany: (xs, txs, Ts, out) => {
      // Each distinct history's series once (whole-day histories repeat), validated in the same pass.
      const cache = new HistoryCache();
      for (let i = 0; i < out.length; i++) {
        const x = xs[i]!;
        const tx = txs[i]!;
        const T = Ts[i]!;
        if (!isValidHistory(x, tx, T)) return false;
        out[i] = cache.get(x, tx, T, aliveOf);
      }
      return true;
    },
    expectedIfAlive: (t, x, T) => expectedNew(t, r + x, alpha + T, beta + T),
    pmfIfAlive: (n, t, c) => paretoNbdPmfNew(n, t, r + c.frequency, alpha + c.T, s, beta + c.T),
    pmfNew: (n, t) => paretoNbdPmfNew(n, t, r, alpha, s, beta),
    expectedNew: (t) => expectedNew(t, r, alpha, beta),
  });
  return { ...model, simulate: (options) => simulateParetoNbd({ r, alpha, s, beta }, options) };
}
