import { trigamma } from '../../math/trigamma.js';
import type { DistinctValues } from '../fit/distinctValues.js';
import type { GroupedRows } from '../fit/groupRows.js';

/**
 * Analytic Hessian of the BG/NBD family's total log-likelihood (see `betaGeometricLikelihood`) on
 * grouped (x, t_x, T) rows (`distinctX`: the distinct values of their x), with respect to the natural parameters (r, α, a, b), row-major 4 × 4.
 *
 * Each row's log-likelihood is c_x(r, α, a, b) − (r + x) log(α + T) + softplus(D) with
 * D = log a − log(b + x − 1 + s) + (r + x) (log(α + T) − log(α + t_x)) (s = 1 for MBG/NBD, whose
 * softplus term is present for every x; for BG/NBD only when x > 0). The log-gamma part c_x
 * contributes trigamma terms once per distinct x; softplus contributes q(1 − q) ∇D ∇Dᵀ + q ∇²D with
 * q = sigmoid(D). One pass over the rows, about the cost of one gradient evaluation: the fit uses it
 * for the standard errors and the Newton steps instead of 2n gradient evaluations of a numerical
 * Hessian, and it is exact rather than within a difference step.
 * @internal
 */
export function betaGeometricHessian(
  rows: GroupedRows,
  variant: 'bgnbd' | 'mbgnbd',
  distinctX: DistinctValues,
): (params: Float64Array, out: Float64Array) => void {
  const [xs, txs, Ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const w = rows.weights;
  const n = rows.size;
  const { values: xValues, index: xIndex } = distinctX;
  const m = xValues.length;
  const shift = variant === 'mbgnbd' ? 1 : 0;
  const always = variant === 'mbgnbd';
  const weightOfX = new Float64Array(m);
  for (let i = 0; i < n; i++) weightOfX[xIndex[i]!] = weightOfX[xIndex[i]!]! + w[i]!;
  const logRatio = new Float64Array(m);
  const bDen = new Float64Array(m);

  return (params, out) => {
    const r = params[0]!;
    const alpha = params[1]!;
    const a = params[2]!;
    const b = params[3]!;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Number.isFinite(r + alpha + a + b)) {
      out.fill(NaN);
      return;
    }
    // The log-gamma part, per distinct x: ∂²/∂r², ∂²/∂a², ∂²/∂a∂b, ∂²/∂b² (r log α enters below).
    const t1R = trigamma(r);
    const t1B = trigamma(b);
    const t1AB = trigamma(a + b);
    let hRR = 0;
    let hAA = 0;
    let hAB = 0;
    let hBB = 0;
    const logA = Math.log(a);
    for (let k = 0; k < m; k++) {
      const x = xValues[k]!;
      const bx = b + x + shift;
      const wk = weightOfX[k]!;
      const t1ABx = trigamma(a + bx);
      hRR += wk * (trigamma(r + x) - t1R);
      hAA += wk * (t1AB - t1ABx);
      hAB += wk * (t1AB - t1ABx);
      hBB += wk * (trigamma(bx) - t1ABx - t1B + t1AB);
      bDen[k] = bx - 1;
      logRatio[k] = logA - Math.log(bx - 1);
    }
    // r log α: ∂²/∂r∂α = 1/α and ∂²/∂α² = −r/α², for every customer.
    let hRAlpha = rows.totalWeight / alpha;
    let hAlphaAlpha = (-rows.totalWeight * r) / (alpha * alpha);
    let hRA = 0;
    let hRB = 0;
    let hAlphaA = 0;
    let hAlphaB = 0;
    for (let i = 0; i < n; i++) {
      const k = xIndex[i]!;
      const x = xs[i]!;
      const wi = w[i]!;
      const rx = r + x;
      const invT = 1 / (alpha + Ts[i]!);
      // −(r + x) log(α + T).
      hRAlpha -= wi * invT;
      hAlphaAlpha += wi * rx * invT * invT;
      if (!(always || x > 0)) continue;
      const invTx = 1 / (alpha + txs[i]!);
      const lDiff = Math.log(alpha + Ts[i]!) - Math.log(alpha + txs[i]!);
      const logD = logRatio[k]! + rx * lDiff;
      const e = Math.exp(-Math.abs(logD));
      const q = logD > 0 ? 1 / (1 + e) : e / (1 + e);
      const s = wi * q * (1 - q);
      const wq = wi * q;
      // ∇D = (lDiff, rx (invT − invTx), 1/a, −1/bDen).
      const dR = lDiff;
      const dAlpha = rx * (invT - invTx);
      const dA = 1 / a;
      const dB = -1 / bDen[k]!;
      hRR += s * dR * dR;
      hRAlpha += s * dR * dAlpha + wq * (invT - invTx);
      hAlphaAlpha += s * dAlpha * dAlpha + wq * rx * (invTx * invTx - invT * invT);
      hRA += s * dR * dA;
      hRB += s * dR * dB;
      hAlphaA += s * dAlpha * dA;
      hAlphaB += s * dAlpha * dB;
      hAA += s * dA * dA - wq / (a * a);
      hAB += s * dA * dB;
      hBB += s * dB * dB + wq * dB * dB;
    }
    out.set([hRR, hRAlpha, hRA, hRB, hRAlpha, hAlphaAlpha, hAlphaA, hAlphaB, hRA, hAlphaA, hAA, hAB, hRB, hAlphaB, hAB, hBB]);
  };
}
