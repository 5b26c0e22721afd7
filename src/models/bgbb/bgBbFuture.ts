import { logBeta } from '../../math/logBeta.js';
import { bgBbConstants, bgBbLogL } from './bgBbMath.js';
import type { BgBbParams } from './types.js';

/**
 * P(alive at opportunity n + 1 + t | x, t_x, n) under BG/BB: the customer survives the dropout
 * coin before each of the opportunities n + 1, ..., n + 1 + t, so FHS 2010 eq. 11 holds with
 * B(γ, δ + n + 1 + t) in place of B(γ, δ + n + 1):
 * B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1+t)/B(γ,δ) / L(α, β, γ, δ | x, t_x, n). At t = 0 it is the
 * model's `probabilityAlive`.
 * @internal
 */
export function bgBbAliveAt(params: BgBbParams, x: number, tx: number, n: number, t: number): number {
  const c = bgBbConstants(params);
  const p = Math.exp(logBeta(c.alpha + x, c.beta + n - x) + logBeta(c.gamma, c.delta + n + 1 + t) - c.logNorm - bgBbLogL(c, x, tx, n));
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
