/**
 * The per-customer core of the Pareto/NBD likelihood (Fader & Hardie 2005 note, "A note on deriving
 * the Pareto/NBD model and related expressions", eqs. 22-24), in log space, with its gradient.
 *
 *   L = Γ(r+x) α^r β^s / Γ(r) · B,   B = (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) · A0,
 *   A0 = J(t_x) - J(T),
 *
 * where J(τ) is the note's hypergeometric term. With K = r+s+x it equals, after Euler's
 * transformation 2F1(a, b; c; z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z),
 *   α >= β: J(τ) = (β+τ)^-s (α+τ)^-(r+x) · Σ_k (r+x)_k / (K+1)_k · z^k,   z = (α-β)/(α+τ),
 *   α <  β: J(τ) = (α+τ)^-(r+x-1) (β+τ)^-(s+1) · Σ_k (s+1)_k / (K+1)_k · w^k,   w = (β-α)/(β+τ).
 * Both series have positive terms whose ratio is below z (or w) < 1, so they converge
 * geometrically and never overflow; the powers stay in log space, so x in the thousands is safe,
 * and t_x = T gives A0 = 0 exactly. The derivatives of the series are accumulated term by term.
 * @internal
 */

import { logHyp2f1 } from '../../math/logHyp2f1.js';

/** Result slots of {@link paretoNbdLogBracket} (reused to avoid allocation). @internal */
export interface ParetoNbdScratch {
  /** d log B / d(r, s, α, β) when a gradient is requested. */
  readonly grad: Float64Array;
  /** P(alive | x, t_x, T) = (α+T)^-(r+x) (β+T)^-s / B. */
  pAlive: number;
  /** log A0 (-Infinity when t_x = T). */
  logA0: number;
  /**
   * Series terms summed since the caller last set this to 0 (an evaluation beyond
   * {@link SERIES_TERMS} counts 10 times that): what one likelihood evaluation has cost so far.
   */
  terms: number;
}

/** Creates scratch space for {@link paretoNbdLogBracket}. @internal */
export function paretoNbdScratch(): ParetoNbdScratch {
  return { grad: new Float64Array(4), pAlive: 1, logA0: -Infinity, terms: 0 };
}

/**
 * Terms one series sums term by term (z or w within about 1e-3 of 1 with a small s needs more).
 * Beyond it the series is evaluated as S = 2F1(m, 1; K+1; z) by {@link logHyp2f1} (its connection
 * formula near z = 1), with dS/dz = m / (K+1) 2F1(m+1, 2; K+2; z) and the parameter derivatives
 * by central differences: far from any optimum a search then costs a few special functions per
 * customer instead of millions of terms.
 * @internal
 */
export const SERIES_TERMS = 20_000;

/** Relative step of the central differences in m and K beyond {@link SERIES_TERMS}. */
const PARAMETER_STEP = 1e-5;

/** [log S, dlogS/dr, dlogS/ds, dlogS/dz] of S = 2F1(m, 1; K+1; z) by {@link logHyp2f1}. */
function seriesByHyp2f1(z: number, m: number, K: number, caseA: boolean, out: Float64Array): void {
  const logS = (mm: number, kk: number): number => logHyp2f1(mm, 1, kk + 1, z).log;
  const base = logS(m, K);
  const hm = PARAMETER_STEP * Math.max(1, m);
  const hk = PARAMETER_STEP * Math.max(1, K);
  const dm = (logS(m + hm, K) - logS(m - hm, K)) / (2 * hm);
  const dk = (logS(m, K + hk) - logS(m, K - hk)) / (2 * hk);
  out[0] = base;
  // m = r + x, K = r + s + x (case α >= β); m = s + 1 (case α < β).
  out[1] = caseA ? dm + dk : dk;
  out[2] = caseA ? dk : dm + dk;
  out[3] = (m / (K + 1)) * Math.exp(logHyp2f1(m + 1, 2, K + 2, z).log - base);
}

// Series result: [log S, dlogS/dr, dlogS/ds, dlogS/dz]; returns the terms it cost.
function series(z: number, m: number, K: number, caseA: boolean, out: Float64Array): number {
  if (z === 0) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = m / (K + 1);
    return 1;
  }
  let term = 1;
  let sum = 1;
  let lr = 0;
  let ls = 0;
  let sumR = 0;
  let sumS = 0;
  let sumZ = 0;
  let k = 0;
  for (; k < SERIES_TERMS; k++) {
    const inv = 1 / (K + 1 + k);
    const invM = 1 / (m + k);
    term *= (m + k) * inv * z;
    if (caseA) {
      lr += invM - inv;
      ls -= inv;
    } else {
      lr -= inv;
      ls += invM - inv;
    }
    sum += term;
    sumR += term * lr;
    sumS += term * ls;
    sumZ += (k + 1) * term;
    if (term <= 1e-17 * sum) break;
  }
  if (k === SERIES_TERMS) {
    seriesByHyp2f1(z, m, K, caseA, out);
    return 10 * SERIES_TERMS;
  }
  out[0] = Math.log(sum);
  out[1] = sumR / sum;
  out[2] = sumS / sum;
  out[3] = sumZ / (z * sum);
  return k + 1;
}

/**
 * log J(τ) and, into `d`, d log J / d(r, s, α, β).
 */
function logJ(r: number, alpha: number, s: number, beta: number, x: number, tau: number, d: Float64Array | null, tmp: Float64Array, scratch: ParetoNbdScratch): number {
  const K = r + s + x;
  const la = Math.log(alpha + tau);
  const lb = Math.log(beta + tau);
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + tau);
    scratch.terms += series(z, r + x, K, true, tmp);
    if (d) {
      const dz = tmp[3]!;
      d[0] = -la + tmp[1]!;
      d[1] = -lb + tmp[2]!;
      d[2] = -(r + x) / (alpha + tau) + (dz * (beta + tau)) / ((alpha + tau) * (alpha + tau));
      d[3] = -s / (beta + tau) - dz / (alpha + tau);
    }
    return -s * lb - (r + x) * la + tmp[0]!;
  }
  const w = (beta - alpha) / (beta + tau);
  scratch.terms += series(w, s + 1, K, false, tmp);
  if (d) {
    const dw = tmp[3]!;
    d[0] = -la + tmp[1]!;
    d[1] = -lb + tmp[2]!;
    d[2] = -(r + x - 1) / (alpha + tau) - dw / (beta + tau);
    d[3] = -(s + 1) / (beta + tau) + (dw * (alpha + tau)) / ((beta + tau) * (beta + tau));
  }
  return -(r + x - 1) * la - (s + 1) * lb + tmp[0]!;
}

/**
 * log B for one customer, with P(alive) and log A0 in `scratch`, and d log B / d(r, s, α, β) in
 * `scratch.grad` when `wantGrad`. Parameter order in the gradient: r, s, α, β.
 * @internal
 */
export function paretoNbdLogBracket(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  wantGrad: boolean,
  scratch: ParetoNbdScratch,
  work: Float64Array,
): number {
  // work layout: [0..3] series tmp, [4..7] d logJ(tx), [8..11] d logJ(T).
  const tmp = work.subarray(0, 4);
  const d1 = wantGrad ? work.subarray(4, 8) : null;
  const d2 = wantGrad ? work.subarray(8, 12) : null;
  const K = r + s + x;
  const laT = Math.log(alpha + T);
  const lbT = Math.log(beta + T);
  const T1 = -(r + x) * laT - s * lbT;
  let logA0 = -Infinity;
  let E1 = -Infinity;
  let E2 = -Infinity;
  if (tx < T) {
    E1 = logJ(r, alpha, s, beta, x, tx, d1, tmp, scratch);
    E2 = logJ(r, alpha, s, beta, x, T, d2, tmp, scratch);
    if (E2 > E1) E2 = E1; // rounding guard: J is decreasing in τ
    logA0 = E1 + (E1 === E2 ? -Infinity : Math.log(-Math.expm1(E2 - E1)));
  }
  const logSK = Math.log(s / K);
  const second = logSK + logA0;
  const M = Math.max(T1, second);
  const u1 = Math.exp(T1 - M);
  const v1 = tx < T ? Math.exp(logSK + E1 - M) : 0;
  const v2 = tx < T ? Math.exp(logSK + E2 - M) : 0;
  const Bt = u1 + (v1 - v2);
  scratch.pAlive = u1 / Bt;
  scratch.logA0 = logA0;
  if (wantGrad) {
    const g = scratch.grad;
    const dSKr = -1 / K;
    const dSKs = 1 / s - 1 / K;
    // T1 derivatives.
    let gr = u1 * -laT;
    let gs = u1 * -lbT;
    let ga = (u1 * -(r + x)) / (alpha + T);
    let gb = (u1 * -s) / (beta + T);
    if (tx < T) {
      gr += v1 * (d1![0]! + dSKr) - v2 * (d2![0]! + dSKr);
      gs += v1 * (d1![1]! + dSKs) - v2 * (d2![1]! + dSKs);
      ga += v1 * d1![2]! - v2 * d2![2]!;
      gb += v1 * d1![3]! - v2 * d2![3]!;
    }
    g[0] = gr / Bt;
    g[1] = gs / Bt;
    g[2] = ga / Bt;
    g[3] = gb / Bt;
  }
  return M + Math.log(Bt);
}
