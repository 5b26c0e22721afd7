import { assertBtydCustomer } from '../fit/btydColumns.js';
import { checkParams } from '../fit/checkParams.js';
import { validateQuery } from '../fit/validateQuery.js';
import type { BtydCustomer } from '../types.js';
import { bgExpectedNew, bgPmfNew } from './betaGeometricFormulas.js';
import { simulateBgNbd } from './simulateBgNbd.js';
import type { BgNbdModel, BgNbdParams } from './types.js';

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
  const aliveOf = (c: BtydCustomer): number => {
    if (c.frequency === 0) return 1;
    const logD = Math.log(a / (b + c.frequency - 1)) + (r + c.frequency) * (Math.log(alpha + c.T) - Math.log(alpha + c.recency));
    return 1 / (1 + Math.exp(logD));
  };
  const probabilityAlive = (c: BtydCustomer): number => {
    assertBtydCustomer(c);
    return aliveOf(c);
  };
  const expectedPurchases = (t: number, c: BtydCustomer): number => {
    validateQuery(t);
    assertBtydCustomer(c);
    const x = c.frequency;
    return aliveOf(c) * bgExpectedNew(t, r + x, alpha + c.T, a, b + x);
  };
  return {
    model: 'bgnbd',
    params: { r, alpha, a, b },
    probabilityAlive,
    expectedPurchases,
    purchaseProbability(n: number, t: number, c?: BtydCustomer): number {
      validateQuery(t, n);
      if (c === undefined) return bgPmfNew(n, t, r, alpha, a, b);
      assertBtydCustomer(c);
      const x = c.frequency;
      const pa = aliveOf(c);
      return pa * bgPmfNew(n, t, r + x, alpha + c.T, a, b + x) + (n === 0 ? 1 - pa : 0);
    },
    expectedPurchasesNewCustomer(t: number): number {
      validateQuery(t);
      return bgExpectedNew(t, r, alpha, a, b);
    },
    probabilityAliveMany: (cs) => Float64Array.from(cs, probabilityAlive),
    expectedPurchasesMany: (t, cs) => Float64Array.from(cs, (c) => expectedPurchases(t, c)),
    simulate: (options) => simulateBgNbd({ r, alpha, a, b }, options),
  };
}
