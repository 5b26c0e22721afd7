import { invalidOption } from '../../errors/InvalidInputError.js';
import { logBeta } from '../../math/logBeta.js';
import { logGamma } from '../../math/logGamma.js';
import { logHyp2f1 } from '../../math/logHyp2f1.js';

/**
 * Closed forms shared by BG/NBD and MBG/NBD (Fader, Hardie & Lee 2005; Batislam et al. 2007).
 * Conditional quantities are the new-customer forms at the posterior parameters
 * (r + x, α + T, a, b + x [+ 1 for MBG/NBD]), times P(alive).
 * @internal
 */

/**
 * E[X(t)] for a BG/NBD customer alive at time 0 (FHL 2005 eq. 7):
 * (a+b-1)/(a-1) · [1 - (α/(α+t))^r · 2F1(r, b; a+b-1; t/(α+t))].
 * At a = 1 and at a + b = 1 (removable singularities) the limit is taken numerically, as the mean of
 * the values 1e-6 either side.
 * @throws {InvalidInputError} (path `['options', 't']`) when the hypergeometric series does not
 * converge within 1e7 terms: only for x in the hundreds or more together with t tens of thousands
 * of times α + T (moderate parameters use the connection formula near z = 1).
 * @internal
 */
export function bgExpectedNew(t: number, r: number, alpha: number, a: number, b: number): number {
  if (t === 0) return 0;
  if (Math.abs(a - 1) < 1e-7) return 0.5 * (bgExpectedNew(t, r, alpha, 1 - 1e-6, b) + bgExpectedNew(t, r, alpha, 1 + 1e-6, b));
  if (Math.abs(a + b - 1) < 1e-7) {
    // c = a + b - 1 = 0: (a+b-1) · 2F1(r, b; a+b-1; z) has a finite limit, the series itself does not.
    const h = Math.min(1e-6, b / 2);
    return 0.5 * (bgExpectedNew(t, r, alpha, a, b - h) + bgExpectedNew(t, r, alpha, a, b + h));
  }
  const z = t / (alpha + t);
  const h = logHyp2f1(r, b, a + b - 1, z, 10_000_000);
  if (Number.isNaN(h.log)) {
    invalidOption('t', 'the horizon is too long for the hypergeometric series of this model (it needs over 10,000,000 terms); use a shorter t');
  }
  // 1 - exp(L): L = r log(α/(α+t)) + log 2F1, computed with expm1 for accuracy at small t.
  const L = -r * Math.log1p(t / alpha) + h.log;
  const bracket = h.sign > 0 ? -Math.expm1(L) : 1 + Math.exp(L);
  // Rounding can leave a tiny negative value at t near 0: the expectation is >= 0.
  return Math.max(0, ((a + b - 1) / (a - 1)) * bracket);
}

/**
 * P(N ≥ n) for N negative binomial with pmf Γ(r+j)/(Γ(r) j!) (1-p)^r p^j: the probability that a
 * gamma-mixed Poisson process has at least n events by t, with p = t/(α+t).
 * @internal
 */
export function negBinUpperTail(n: number, r: number, p: number): number {
  if (n <= 0) return 1;
  if (p <= 0) return 0;
  const logP = Math.log(p);
  const log1mP = Math.log1p(-p);
  // Head sum Σ_{j<n} when it is small enough to subtract from 1, else sum the tail directly.
  let logTerm = r * log1mP;
  let head = 0;
  for (let j = 0; j < n; j++) {
    head += Math.exp(logTerm);
    logTerm += Math.log((r + j) / (j + 1)) + logP;
  }
  if (head < 0.5) return 1 - head;
  // logTerm now holds log pmf(n).
  let tail = 0;
  for (let j = n; j < n + 10_000_000; j++) {
    const term = Math.exp(logTerm);
    tail += term;
    const ratio = ((r + j) / (j + 1)) * p;
    if (ratio < 1 && term <= 1e-17 * tail) break;
    logTerm += Math.log(ratio);
  }
  return Math.min(1, tail);
}

/** log of the negative-binomial pmf Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n. @internal */
export function logNegBinPmf(n: number, t: number, r: number, alpha: number): number {
  const lt = n === 0 ? 0 : n * Math.log(t / (alpha + t));
  return logGamma(r + n) - logGamma(r) - logGamma(n + 1) - r * Math.log1p(t / alpha) + lt;
}

/**
 * P(X(t) = n) for a BG/NBD customer alive at time 0 (FHL 2005 eq. 8):
 * B(a, b+n)/B(a, b) · NB(n) + [n > 0] B(a+1, b+n-1)/B(a, b) · P(NB ≥ n).
 * @internal
 */
export function bgPmfNew(n: number, t: number, r: number, alpha: number, a: number, b: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const lbab = logBeta(a, b);
  let p = Math.exp(logBeta(a, b + n) - lbab + logNegBinPmf(n, t, r, alpha));
  if (n > 0) p += Math.exp(logBeta(a + 1, b + n - 1) - lbab) * negBinUpperTail(n, r, t / (alpha + t));
  return p;
}
