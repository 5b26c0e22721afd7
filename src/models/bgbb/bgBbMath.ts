/**
 * Internal formulas of the BG/BB model (Fader, Hardie & Shang 2010), in log space.
 * Customers are assumed validated (whole numbers, 0 <= x <= t_x <= n, t_x = 0 iff x = 0).
 * @internal
 */
import { logBeta } from '../../math/logBeta.js';
import { logGamma } from '../../math/logGamma.js';
import type { BgBbParams } from './types.js';

/** Per-parameter-set constants reused across customers. */
export interface BgBbConstants {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
  /** log B(alpha, beta) + log B(gamma, delta). */
  readonly logNorm: number;
}

/** @internal */
export function bgBbConstants(p: BgBbParams): BgBbConstants {
  return { alpha: p.alpha, beta: p.beta, gamma: p.gamma, delta: p.delta, logNorm: logBeta(p.alpha, p.beta) + logBeta(p.gamma, p.delta) };
}

/**
 * log of the "alive through opportunity n" term of the likelihood:
 * B(a+x, b+n-x)/B(a,b) * B(g, d+n)/B(g,d).
 * @internal
 */
export function logAliveTerm(c: BgBbConstants, x: number, n: number): number {
  return logBeta(c.alpha + x, c.beta + n - x) + logBeta(c.gamma, c.delta + n) - c.logNorm;
}

/**
 * log L(x, t_x, n) = log[ B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d)
 *   + sum_{i=0}^{n-t_x-1} B(a+x, b+t_x-x+i)/B(a,b) B(g+1, d+t_x+i)/B(g,d) ]  (FHS 2010, eq. 5).
 * The sum is accumulated by log-sum-exp with a running maximum. Cost O(n - t_x).
 * @internal
 */
export function bgBbLogL(c: BgBbConstants, x: number, tx: number, n: number): number {
  const first = logAliveTerm(c, x, n);
  const m = n - tx;
  if (m <= 0) return first;
  // Terms i = 0..m-1: logBeta(a+x, b+tx-x+i) + logBeta(g+1, d+tx+i) - logNorm. Each is obtained
  // from the previous by a ratio, so only the first needs log-gamma calls:
  // B(a', b'+1)/B(a', b') = b'/(a'+b'),  B(g+1, d'+1)/B(g+1, d') = d'/(g+1+d').
  const a1 = c.alpha + x;
  let b1 = c.beta + tx - x;
  const g1 = c.gamma + 1;
  let d1 = c.delta + tx;
  let term = logBeta(a1, b1) + logBeta(g1, d1) - c.logNorm;
  let max = first > term ? first : term;
  // Sum in linear space relative to the running max; rescale when the max grows.
  let sum = Math.exp(first - max) + Math.exp(term - max);
  for (let i = 1; i < m; i++) {
    term += Math.log((b1 / (a1 + b1)) * (d1 / (g1 + d1)));
    b1 += 1;
    d1 += 1;
    if (term > max) {
      sum = sum * Math.exp(max - term) + 1;
      max = term;
    } else sum += Math.exp(term - max);
  }
  return max + Math.log(sum);
}

/**
 * S = sum_{k=1}^{count} B(g, d+from+k)/B(g, d): the expected number of the next `count`
 * opportunities survived by a customer alive at `from`, times B(g, d+from)/B(g,d) scaling.
 * Exact recurrence over whole opportunities; returns the log of S relative to B(g,d).
 * Cost O(count).
 * @internal
 */
export function logSurvivalSum(gamma: number, delta: number, from: number, count: number): number {
  if (count <= 0) return -Infinity;
  // r_k = B(g, d+from+k)/B(g,d); r_{k+1} = r_k (d+from+k)/(g+d+from+k).
  const logR1 = logBeta(gamma, delta + from + 1) - logBeta(gamma, delta);
  let r = 1;
  let sum = 0;
  let dk = delta + from + 1;
  for (let k = 1; k <= count; k++) {
    sum += r;
    r *= dk / (gamma + dk);
    dk += 1;
  }
  return logR1 + Math.log(sum);
}

/** log of the binomial coefficient C(n, k). @internal */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * log P(X(n*) = k) contributions of a customer alive at opportunity `n0` with history x0 purchases in n0
 * opportunities: C(n*,k) B(a+x0+k, b+n0-x0+n*-k)/B(a,b) B(g, d+n0+n*)/B(g,d)
 *   + sum_{i=k}^{n*-1} C(i,k) B(a+x0+k, b+n0-x0+i-k)/B(a,b) B(g+1, d+n0+i)/B(g,d).
 * With x0 = n0 = 0 this is the new-customer P(X(n*) = k) (FHS 2010, eq. 8). Cost O(n*).
 * @internal
 */
export function logFuturePmfTerm(c: BgBbConstants, k: number, nStar: number, x0: number, n0: number): number {
  const a = c.alpha + x0 + k;
  const bBase = c.beta + n0 - x0 - k;
  let acc = logChoose(nStar, k) + logBeta(a, bBase + nStar) + logBeta(c.gamma, c.delta + n0 + nStar) - c.logNorm;
  let max = acc;
  const terms: number[] = [acc];
  for (let i = k; i < nStar; i++) {
    const t = logChoose(i, k) + logBeta(a, bBase + i) + logBeta(c.gamma + 1, c.delta + n0 + i) - c.logNorm;
    terms.push(t);
    if (t > max) max = t;
  }
  if (max === -Infinity) return -Infinity;
  acc = 0;
  for (const t of terms) acc += Math.exp(t - max);
  return max + Math.log(acc);
}
