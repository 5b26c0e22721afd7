import { bgBbAliveAt } from '../bgbb/bgBbFuture.js';
import type { BgBbParams } from '../bgbb/types.js';
import { betaGeometricSurvival } from '../bgnbd/betaGeometricFuture.js';
import type { BgNbdParams } from '../bgnbd/types.js';
import { paretoNbdSurvival } from '../paretonbd/paretoNbdFuture.js';
import type { ParetoNbdParams } from '../paretonbd/types.js';
import type { BtydCustomer, DiscreteCustomer } from '../types.js';
import { checkFutureQuery, type FutureModel } from './futureModel.js';

/**
 * P(alive at T + t | history): the probability that the customer is still active `t` after the end
 * of observation. At t = 0 it is the model's `probabilityAlive`; it falls with t.
 *
 * - BG/NBD: P(alive) · ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x; t/(α+T+t)). Alive at T, the
 *   customer drops out only right after a purchase, so at rate λp with λ ~ Gamma(r+x, α+T) and
 *   p ~ Beta(a, b+x) a posteriori; the factor is E[exp(−λ p t)].
 * - MBG/NBD: the same with b + x + 1 (the coin at the first purchase is part of the history).
 * - Pareto/NBD: P(alive) · ((β+T)/(β+T+t))^s: lifetimes are memoryless with μ ~ Gamma(s, β+T).
 * - BG/BB: P(alive at opportunity n + 1 + t) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1+t)/B(γ,δ) / L,
 *   FHS 2010 eq. 11 carried t opportunities on (t = 0 is eq. 11 itself; their appendix eq. A10
 *   with m = t + 1).
 * Times are in the model's unit (whole opportunities for BG/BB). O(1), plus the hypergeometric
 * series for the BG/NBD family.
 *
 * @param model - A fitted or constructed BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param customer - The history: `{ frequency, recency, T }`, or `{ frequency, recency, periods }` for BG/BB.
 * @param t - Time after T, `>= 0`.
 * @returns A probability in [0, 1].
 * @throws {InvalidInputError} For an invalid history or time, or an object that is not one of these models.
 * @example
 * ```ts
 * import { paretoNbd, probabilityAliveAt } from 'loyalty-score';
 * const model = paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * const c = { frequency: 2, recency: 30, T: 39 };
 * probabilityAliveAt(model, c, 0) === model.probabilityAlive(c); // => true
 * probabilityAliveAt(model, c, 52) / model.probabilityAlive(c); // ~> 0.65184 (1e-5)
 * ```
 */
export function probabilityAliveAt(model: FutureModel, customer: BtydCustomer | DiscreteCustomer, t: number): number {
  checkFutureQuery(model, customer, t);
  if (model.model === 'bgbb') {
    const c = customer as DiscreteCustomer;
    return bgBbAliveAt(model.params as BgBbParams, c.frequency, c.recency, c.periods, t);
  }
  const c = customer as BtydCustomer;
  const alive = model.probabilityAlive(c);
  if (t === 0) return alive;
  if (model.model === 'paretonbd') return alive * paretoNbdSurvival(model.params as ParetoNbdParams, c.T, t);
  return alive * betaGeometricSurvival(model.params as BgNbdParams, model.model, c.frequency, c.T, t);
}
