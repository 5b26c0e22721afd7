import { digamma } from '../../math/digamma.js';
import { logGamma } from '../../math/logGamma.js';
import { distinctValues } from '../fit/distinctValues.js';
import type { GroupedRows } from '../fit/groupRows.js';
import { betaGeometricHessian } from './betaGeometricHessian.js';

/**
 * Log-likelihood and gradient of the BG/NBD family on grouped (x, t_x, T) rows, with parameters
 * (r, alpha, a, b).
 *
 * `variant: 'bgnbd'` (Fader, Hardie & Lee 2005, eq. 6):
 *   log L = log Γ(r+x) - log Γ(r) + r log α + log B(a, b+x) - log B(a, b) - (r+x) log(α+T)
 *           + [x > 0] log(1 + a/(b+x-1) · ((α+T)/(α+t_x))^(r+x)).
 * `variant: 'mbgnbd'` (Batislam et al. 2007): B(a, b+x+1) in place of B(a, b+x), a/(b+x) in place
 * of a/(b+x-1), and the second term for every x (dropout may follow the first purchase too).
 *
 * The terms that depend only on x (log-gamma and digamma values) are computed once per distinct x,
 * and log(α + T), log(α + t_x) and their reciprocals once per distinct age when ages repeat (whole
 * days or weeks: a few thousand values however many customers), so a row costs one exponential
 * and one logarithm. Returns a closure that evaluates the total
 * weighted log-likelihood and, when `grad` is given, writes d(total)/d(r, α, a, b) into it; its
 * `hessian` writes the analytic second derivatives (see `betaGeometricHessian`), and its
 * `forRows` builds the same closure over other rows.
 * @internal
 */
export function betaGeometricLikelihood(
  rows: GroupedRows,
  variant: 'bgnbd' | 'mbgnbd',
): BetaGeometricLikelihood {
  const [xs, txs, Ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const w = rows.weights;
  const n = rows.size;
  const distinctX = distinctValues(xs);
  const { values: xValues, index: xIndex } = distinctX;
  const m = xValues.length;
  const shift = variant === 'mbgnbd' ? 1 : 0;
  const always = variant === 'mbgnbd';
  // Per distinct x: constant part of log L, its derivatives in r, a, b, and log(a / (b + x - 1 + shift)).
  const cst = new Float64Array(m);
  const dR = new Float64Array(m);
  const dA = new Float64Array(m);
  const dB = new Float64Array(m);
  const logRatio = new Float64Array(m);
  const bDen = new Float64Array(m);
  // Ages (T and t_x together) by distinct value, when they repeat enough to pay for the lookup.
  const ages = distinctAges(txs, Ts, n);
  const logAge = ages === null ? null : new Float64Array(ages.values.length);
  const invAge = ages === null ? null : new Float64Array(ages.values.length);

  const evaluate = (params: Float64Array, grad: Float64Array | null): number => {
    const r = params[0]!;
    const alpha = params[1]!;
    const a = params[2]!;
    const b = params[3]!;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Number.isFinite(r + alpha + a + b)) return -Infinity;
    const lgR = logGamma(r);
    const lgA = logGamma(a);
    const lgB = logGamma(b);
    const lgAB = logGamma(a + b);
    const logBetaAB = lgA + lgB - lgAB;
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    const psiR = grad ? digamma(r) : 0;
    const psiB = grad ? digamma(b) : 0;
    const psiAB = grad ? digamma(a + b) : 0;
    for (let k = 0; k < m; k++) {
      const x = xValues[k]!;
      const bx = b + x + shift;
      cst[k] = logGamma(r + x) - lgR + r * logAlpha + lgA + logGamma(bx) - logGamma(a + bx) - logBetaAB;
      bDen[k] = bx - 1;
      logRatio[k] = logA - Math.log(bx - 1);
      if (grad) {
        const psiABx = digamma(a + bx);
        dR[k] = digamma(r + x) - psiR + logAlpha;
        dA[k] = psiAB - psiABx;
        dB[k] = digamma(bx) - psiABx - psiB + psiAB;
      }
    }
    if (ages !== null) {
      const v = ages.values;
      for (let j = 0; j < v.length; j++) {
        logAge![j] = Math.log(alpha + v[j]!);
        invAge![j] = 1 / (alpha + v[j]!);
      }
    }
    let ll = 0;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    const tIndex = ages?.tIndex;
    const txIndex = ages?.txIndex;
    for (let i = 0; i < n; i++) {
      const k = xIndex[i]!;
      const x = xs[i]!;
      const wi = w[i]!;
      const rx = r + x;
      const lT = tIndex ? logAge![tIndex[i]!]! : Math.log(alpha + Ts[i]!);
      let li = cst[k]! - rx * lT;
      let q = 0;
      let lDiff = 0;
      if (always || x > 0) {
        const ltx = txIndex ? logAge![txIndex[i]!]! : Math.log(alpha + txs[i]!);
        lDiff = lT - ltx;
        const logD = logRatio[k]! + rx * lDiff;
        // softplus(logD) and q = sigmoid(logD), both stable.
        if (logD > 0) {
          const e = Math.exp(-logD);
          li += logD + Math.log1p(e);
          q = 1 / (1 + e);
        } else {
          const e = Math.exp(logD);
          li += Math.log1p(e);
          q = e / (1 + e);
        }
        if (grad) {
          const invT = tIndex ? invAge![tIndex[i]!]! : 1 / (alpha + Ts[i]!);
          const invTx = txIndex ? invAge![txIndex[i]!]! : 1 / (alpha + txs[i]!);
          gAlpha += wi * (r / alpha - rx * invT + q * rx * (invT - invTx));
        }
      } else if (grad) {
        gAlpha += wi * (r / alpha - rx / (alpha + Ts[i]!));
      }
      ll += wi * li;
      if (grad) {
        gR += wi * (dR[k]! - lT + q * lDiff);
        gA += wi * (q === 0 ? dA[k]! : dA[k]! + q / a);
        gB += wi * (q === 0 ? dB[k]! : dB[k]! - q / bDen[k]!);
      }
    }
    if (grad) {
      grad[0] = gR;
      grad[1] = gAlpha;
      grad[2] = gA;
      grad[3] = gB;
    }
    return ll;
  };
  // The same likelihood over other rows: the subsample of a fit's warm start.
  return Object.assign(evaluate, {
    hessian: betaGeometricHessian(rows, variant, distinctX),
    forRows: (other: GroupedRows) => betaGeometricLikelihood(other, variant),
  });
}

/** The closure {@link betaGeometricLikelihood} returns. @internal */
export type BetaGeometricLikelihood = ((params: Float64Array, grad: Float64Array | null) => number) & {
  /** Writes the Hessian of the total log-likelihood in (r, α, a, b), row-major 4 × 4, into `out`. */
  readonly hessian: (params: Float64Array, out: Float64Array) => void;
  readonly forRows: (rows: GroupedRows) => BetaGeometricLikelihood;
};

/** Distinct ages of the rows (t_x and T together) with each row's index into them. */
interface DistinctAges {
  readonly values: Float64Array;
  readonly tIndex: Int32Array;
  readonly txIndex: Int32Array;
}

/**
 * The distinct values among the rows' t_x and T, or `null` when they barely repeat (continuous
 * ages): a lookup only pays when there are far fewer values than rows. Gives up as soon as the
 * distinct count passes a quarter of the rows, so a continuous column costs little.
 */
function distinctAges(txs: Float64Array, Ts: Float64Array, n: number): DistinctAges | null {
  if (n < 64) return null;
  const limit = n >> 2;
  const seen = new Map<number, number>();
  const values: number[] = [];
  const tIndex = new Int32Array(n);
  const txIndex = new Int32Array(n);
  const indexOf = (v: number): number => {
    let k = seen.get(v);
    if (k === undefined) {
      k = values.length;
      seen.set(v, k);
      values.push(v);
    }
    return k;
  };
  for (let i = 0; i < n; i++) {
    tIndex[i] = indexOf(Ts[i]!);
    txIndex[i] = indexOf(txs[i]!);
    if (values.length > limit) return null;
  }
  return { values: Float64Array.from(values), tIndex, txIndex };
}
