import { betaGeometricPurchaseIfAlive } from '../bgnbd/betaGeometricFuture.js';
import type { BgNbdParams } from '../bgnbd/types.js';
import type { BtydCustomer, DiscreteCustomer } from '../types.js';
import { checkFutureQuery, type FutureModel } from './futureModel.js';

/**
 * P(at least one purchase in (T, T + t] | history): will this customer buy again within `t`?
 *
 * Unlike P(alive), which is 1 for every BG/NBD customer without a repeat purchase, this weighs
 * how likely she is to be alive by how likely an alive customer is to buy within t:
 * - BG/NBD and MBG/NBD: P(alive) · [1 − ((α+T)/(α+T+t))^(r+x)] (with no purchase there is no
 *   dropout, so an alive customer makes none exactly when her Poisson process, λ ~ Gamma(r+x, α+T)
 *   a posteriori, has no event in t);
 * - Pareto/NBD and BG/BB: 1 − P(X(T, T+t) = 0 | history), the model's conditional pmf at 0 (Fader
 *   & Hardie's note 028 for the Pareto/NBD; FHS 2010 eq. 12 for BG/BB).
 * Times are in the model's unit; for BG/BB `t` is a whole number of opportunities after the n
 * observed ones. O(1) for the BG/NBD family, the cost of the pmf otherwise.
 *
 * @param model - A fitted or constructed BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param customer - The history: `{ frequency, recency, T }`, or `{ frequency, recency, periods }` for BG/BB.
 * @param t - Length of the window after T, `>= 0` (0 gives 0).
 * @returns A probability in [0, 1].
 * @throws {InvalidInputError} For an invalid history or horizon, or an object that is not one of these models.
 * @example
 * ```ts
 * import { bgNbd, probabilityOfPurchase } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const oneTimeBuyer = { frequency: 0, recency: 0, T: 39 };
 * model.probabilityAlive(oneTimeBuyer); // => 1
 * // 1 - (43.414 / 56.414)^0.243: the chance she buys again in the next 13 weeks.
 * probabilityOfPurchase(model, oneTimeBuyer, 13); // ~> 0.0616669 (1e-6)
 * ```
 */
export function probabilityOfPurchase(model: FutureModel, customer: BtydCustomer | DiscreteCustomer, t: number): number {
  checkFutureQuery(model, customer, t);
  if (model.model === 'bgnbd' || model.model === 'mbgnbd') {
    const c = customer as BtydCustomer;
    return model.probabilityAlive(c) * betaGeometricPurchaseIfAlive(model.params as BgNbdParams, c.frequency, c.T, t);
  }
  if (t === 0) return 0;
  const p0 = (model.purchaseProbability as (n: number, t: number, c: BtydCustomer | DiscreteCustomer) => number)(0, t, customer);
  return Math.min(1, Math.max(0, 1 - p0));
}
