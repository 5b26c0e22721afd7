import { digamma } from '../../math/digamma.js';
import { logGamma } from '../../math/logGamma.js';
import { trigamma } from '../../math/trigamma.js';

/**
 * The Gamma-Gamma log-likelihood over repeat customers (frequency x > 0, mean repeat spend z̄ > 0,
 * weight w), with parameters (p, q, γ) (Fader & Hardie 2013):
 *   Σ w [lnΓ(p x + q) − lnΓ(p x) − lnΓ(q) + q ln γ + (p x − 1) ln z̄ + p x ln x − (p x + q) ln(γ + x z̄)].
 * Returns a closure that evaluates the total and, when `grad` is given, writes d(total)/d(p, q, γ)
 * into it; its `hessian` writes the analytic second derivatives (row-major 3 × 3).
 *
 * The terms that do not depend on the parameters, or only linearly on p, are summed once; the
 * gamma-function terms once per distinct frequency. What depends on γ is one pass over the rows:
 * A = Σ w x ln(γ + x z̄), B = Σ w ln(γ + x z̄), D = Σ w x / (γ + x z̄), E = Σ w / (γ + x z̄),
 * cached for the last γ (the log-likelihood and gradient at one point share it). The Hessian adds
 * F = Σ w x / (γ + x z̄)² and G = Σ w / (γ + x z̄)² in a pass of its own:
 *   H_pp = Σ_k w_k x_k² (ψ′(p x_k + q) − ψ′(p x_k)),  H_pq = Σ_k w_k x_k ψ′(p x_k + q),
 *   H_qq = Σ_k w_k ψ′(p x_k + q) − N ψ′(q),  H_pγ = −D,  H_qγ = N / γ − E,  H_γγ = p F + q G − N q / γ²,
 * with N = Σ w and the sums over k running over distinct frequencies with their summed weights.
 * @internal
 */
export function gammaGammaLikelihood(X: Float64Array, M: Float64Array, W: Float64Array): GammaGammaLikelihood {
  const size = X.length;
  let count = 0;
  // Weights multiply every per-customer term; a weight of 1 multiplies exactly, so unweighted data
  // give bit for bit the unweighted sums.
  let pCoefficient = 0; // Σ w (x ln z̄ + x ln x)
  let sumLogM = 0; // Σ w ln z̄
  // Weight per distinct frequency, in first-seen order (frequencies are whole numbers: those below
  // 4096 are found by index, with ln x computed once).
  const { values: freqX, weights: freqW, logValue } = weightByFrequency(X, W);
  const WX = new Float64Array(size);
  const XM = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = X[i]!;
    const w = W[i]!;
    const lm = Math.log(M[i]!);
    count += w;
    pCoefficient += w * (x * lm + x * logValue(x));
    sumLogM += w * lm;
    WX[i] = w * x;
    XM[i] = x * M[i]!;
  }

  let cachedGamma = NaN;
  let A = 0;
  let B = 0;
  let D = 0;
  let E = 0;
  const sums = (g: number): void => {
    if (g === cachedGamma) return;
    // Local accumulators: the closure's variables are heap cells, too slow to update per row.
    let a = 0;
    let b = 0;
    let d = 0;
    let e = 0;
    for (let i = 0; i < size; i++) {
      const wx = WX[i]!;
      const w = W[i]!;
      const s = g + XM[i]!;
      const l = Math.log(s);
      const inv = 1 / s;
      a += wx * l;
      b += w * l;
      d += wx * inv;
      e += w * inv;
    }
    A = a;
    B = b;
    D = d;
    E = e;
    cachedGamma = g;
  };

  const evaluate = (theta: Float64Array, grad: Float64Array | null): number => {
    const p = theta[0]!;
    const q = theta[1]!;
    const g = theta[2]!;
    sums(g);
    let ll = count * (q * Math.log(g) - logGamma(q)) + p * pCoefficient - sumLogM - (p * A + q * B);
    for (let k = 0; k < freqX.length; k++) {
      const px = p * freqX[k]!;
      ll += freqW[k]! * (logGamma(px + q) - logGamma(px));
    }
    if (grad !== null) {
      let dp = pCoefficient - A;
      let dq = count * (Math.log(g) - digamma(q)) - B;
      for (let k = 0; k < freqX.length; k++) {
        const x = freqX[k]!;
        const w = freqW[k]!;
        const psiSum = digamma(p * x + q);
        dp += w * x * (psiSum - digamma(p * x));
        dq += w * psiSum;
      }
      grad[0] = dp;
      grad[1] = dq;
      grad[2] = (count * q) / g - (p * D + q * E);
    }
    return ll;
  };

  const hessian = (theta: Float64Array, out: Float64Array): void => {
    const p = theta[0]!;
    const q = theta[1]!;
    const g = theta[2]!;
    let d = 0;
    let e = 0;
    let f = 0;
    let h = 0;
    for (let i = 0; i < size; i++) {
      const inv = 1 / (g + XM[i]!);
      const wxInv = WX[i]! * inv;
      const wInv = W[i]! * inv;
      d += wxInv;
      e += wInv;
      f += wxInv * inv;
      h += wInv * inv;
    }
    let pp = 0;
    let pq = 0;
    let qq = -count * trigamma(q);
    for (let k = 0; k < freqX.length; k++) {
      const x = freqX[k]!;
      const w = freqW[k]!;
      const t1Sum = trigamma(p * x + q);
      pp += w * x * x * (t1Sum - trigamma(p * x));
      pq += w * x * t1Sum;
      qq += w * t1Sum;
    }
    const pg = -d;
    const qg = count / g - e;
    const gg = p * f + q * h - (count * q) / (g * g);
    out[0] = pp;
    out[1] = pq;
    out[2] = pg;
    out[3] = pq;
    out[4] = qq;
    out[5] = qg;
    out[6] = pg;
    out[7] = qg;
    out[8] = gg;
  };

  return Object.assign(evaluate, { hessian, customers: count });
}

/** The Gamma-Gamma log-likelihood closure; see {@link gammaGammaLikelihood}. @internal */
export type GammaGammaLikelihood = ((params: Float64Array, grad: Float64Array | null) => number) & {
  /** Writes the Hessian of the total log-likelihood in (p, q, γ), row-major 3 × 3, into `out`. */
  readonly hessian: (params: Float64Array, out: Float64Array) => void;
  /** The summed weight of the rows (the number of customers they stand for). */
  readonly customers: number;
};

/** Frequencies below this are tallied by index; larger ones in a map. */
const DIRECT_FREQUENCIES = 4096;

/**
 * The distinct frequencies in first-seen order with their summed weights (summed in row order),
 * and `ln x` for any of them (computed once per distinct frequency below 4096).
 */
function weightByFrequency(X: Float64Array, W: Float64Array): { values: Float64Array; weights: Float64Array; logValue: (x: number) => number } {
  const slot = new Int32Array(DIRECT_FREQUENCIES).fill(-1);
  const logs = new Float64Array(DIRECT_FREQUENCIES);
  const large = new Map<number, number>();
  const values: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < X.length; i++) {
    const x = X[i]!;
    let k = x < DIRECT_FREQUENCIES ? slot[x]! : (large.get(x) ?? -1);
    if (k === -1) {
      k = values.length;
      values.push(x);
      weights.push(0);
      if (x < DIRECT_FREQUENCIES) {
        slot[x] = k;
        logs[x] = Math.log(x);
      } else large.set(x, k);
    }
    weights[k] = weights[k]! + W[i]!;
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), logValue: (x) => (x < DIRECT_FREQUENCIES ? logs[x]! : Math.log(x)) };
}
