import { invalidOption } from '../../errors/InvalidInputError.js';
import { logHyp2f1 } from '../../math/logHyp2f1.js';
import type { BgNbdParams } from './types.js';

/**
 * Forward-looking quantities of BG/NBD and MBG/NBD for a customer with x repeat purchases observed
 * until T. Given that she is alive at T, her purchase rate and dropout probability are independent
 * a posteriori: λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x) (BG/NBD; b + x + 1 for MBG/NBD,
 * whose customers also toss the dropout coin at the first purchase). She can drop out only right
 * after a purchase, so while alive her dropouts come at rate λp.
 * @internal
 */

/**
 * P(alive at T + t | alive at T, history) = E[exp(−λ p t)] over that posterior
 * = ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b'; a+b'; t/(α+T+t)), b' = b + x (+ 1 for MBG/NBD):
 * E over λ is (1 + p t/(α+T))^-(r+x), over p Euler's integral of 2F1(r+x, a; a+b'; −t/(α+T)),
 * taken into (0, 1) by Pfaff's transformation.
 * @internal
 */
export function betaGeometricSurvival(params: BgNbdParams, variant: 'bgnbd' | 'mbgnbd', x: number, T: number, t: number): number {
  if (t === 0) return 1;
  const { r, alpha, a, b } = params;
  const b1 = b + x + (variant === 'mbgnbd' ? 1 : 0);
  const shape = r + x;
  const h = logHyp2f1(shape, b1, a + b1, t / (alpha + T + t), 10_000_000);
  if (Number.isNaN(h.log)) invalidOption('t', 'the horizon is too long for the hypergeometric series of this model (it needs over 10,000,000 terms); use a shorter t');
  return Math.min(1, Math.exp(-shape * Math.log1p(t / (alpha + T)) + h.log));
}

/**
 * P(at least one purchase in (T, T + t] | alive at T, history) = 1 − ((α+T)/(α+T+t))^(r+x): with
 * no purchase there is no dropout either, so she makes none exactly when the Poisson process with
 * λ ~ Gamma(r + x, α + T) has no event in t.
 * @internal
 */
export function betaGeometricPurchaseIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  return -Math.expm1(-(params.r + x) * Math.log1p(t / (params.alpha + T)));
}
