import { digamma } from '../../math/digamma.js';
import { logGamma } from '../../math/logGamma.js';
import { covariateFrame } from '../covariates/covariateFrame.js';
import { fittedCovariateModel } from '../covariates/covariateModel.js';
import { covariateFitRows, rejectUnknownCovariateFitOptions, type CovariateFitRows } from '../covariates/covariateRows.js';
import { fitCovariateRows } from '../covariates/fitCovariateRows.js';
import type { CovariateInfo, CovariateOptions } from '../covariates/types.js';
import type { BtydFitDiagnostics, PurchaseModel } from '../types.js';
import type { BtydData } from '../fit/btydFitRows.js';
import { bgNbd } from './bgNbd.js';
import type { BgNbdFit, BgNbdModel, BgNbdParams, FitBgNbdOptions } from './types.js';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Options of {@link fitBgNbd} with static covariates: those of the plain fit (no `l2Penalty`) and `covariates`. */
export interface FitBgNbdCovariateOptions extends FitBgNbdOptions {
  /**
   * Which customer fields enter the purchase and the dropout process.
   * @defaultValue none (the plain model)
   */
  readonly covariates?: CovariateOptions;
}

/**
 * Total weighted BG/NBD log-likelihood with static covariates on grouped rows (columns x, t_x, T,
 * the purchase design columns, then the dropout ones) at [r, α, a, b, γ_purchase…, γ_dropout…],
 * with its gradient. Each row is the plain BG/NBD term (FHL 2005 eq. 6) at α_i = α·exp(−γ_P·z_P,i),
 * a_i = a·exp(γ_D·z_D,i), b_i = b·exp(γ_D·z_D,i): CLVTools' parameterisation, in which one γ_D
 * scales both Beta parameters (so it moves the concentration a+b, not the mean a/(a+b), of the
 * dropout probability). `variant: 'mbgnbd'` gives MBG/NBD (Batislam et al. 2007) the same way: B(a, b+x+1)
 * for B(a, b+x), a/(b+x) for a/(b+x−1), the dropout term for every x. With every z = 0 each row's
 * value is that of the plain likelihood bit for bit.
 * @internal
 */
export function bgNbdCovariateLikelihood(prepared: CovariateFitRows, variant: 'bgnbd' | 'mbgnbd' = 'bgnbd'): (params: Float64Array, grad: Float64Array | null) => number {
  const shift = variant === 'mbgnbd' ? 1 : 0;
  const always = variant === 'mbgnbd';
  const f = covariateFrame(prepared);
  const { xs, txs, Ts, weights: w, size: n, xIndex, lgRx, psiRx } = f;
  return (params, grad) => {
    const r = params[0]!;
    const alpha = params[1]!;
    const a = params[2]!;
    const b = params[3]!;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Number.isFinite(r + alpha + a + b)) return -Infinity;
    const lgR = logGamma(r);
    const logAlpha = Math.log(alpha);
    const psiR = grad ? digamma(r) : 0;
    f.prepare(r, grad !== null);
    let ll = 0;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    for (let i = 0; i < n; i++) {
      const dotP = f.purchaseDot(params, i);
      const dotD = f.dropoutDot(params, i);
      const eP = Math.exp(-dotP);
      const eD = Math.exp(dotD);
      const ai = alpha * eP;
      const aa = a * eD;
      const bb = b * eD;
      const logAlphaI = logAlpha - dotP;
      const k = xIndex[i]!;
      const x = xs[i]!;
      const wi = w[i]!;
      const bx = bb + x + shift;
      const rx = r + x;
      const lT = Math.log(ai + Ts[i]!);
      // log B(a_i, b_i + x) − log B(a_i, b_i): by log-gammas as the plain fit does, or, once a_i or
      // b_i is so large that those cancel catastrophically, as Σ_j −log1p(a_i / (b_i + j)).
      const huge = aa > HUGE || bb > HUGE;
      let li: number;
      if (huge) li = lgRx[k]! - lgR + r * logAlphaI + logBetaRatio(aa, bb, x + shift) - rx * lT;
      else {
        const lgA = logGamma(aa);
        const logBetaAB = lgA + logGamma(bb) - logGamma(aa + bb);
        li = lgRx[k]! - lgR + r * logAlphaI + lgA + logGamma(bx) - logGamma(aa + bx) - logBetaAB - rx * lT;
      }
      let q = 0;
      let lDiff = 0;
      let dAlpha: number;
      if (always || x > 0) {
        const ltx = Math.log(ai + txs[i]!);
        lDiff = lT - ltx;
        const logD = Math.log(aa) - Math.log(bx - 1) + rx * lDiff;
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
        const invT = 1 / (ai + Ts[i]!);
        const invTx = 1 / (ai + txs[i]!);
        dAlpha = r / ai - rx * invT + q * rx * (invT - invTx);
      } else {
        dAlpha = r / ai - rx / (ai + Ts[i]!);
      }
      ll += wi * li;
      if (grad) {
        let dA: number;
        let dB: number;
        if (huge) {
          // ψ(a+b) − ψ(a+b+x) = −Σ_j 1/(a+b+j); ψ(b+x) − ψ(b) = Σ_j 1/(b+j).
          dA = 0;
          dB = 0;
          for (let j = 0; j < x + shift; j++) {
            dA -= 1 / (aa + bb + j);
            dB += 1 / (bb + j);
          }
          dB += dA;
        } else {
          const psiAB = digamma(aa + bb);
          const psiABx = digamma(aa + bx);
          dA = psiAB - psiABx;
          dB = digamma(bx) - psiABx - digamma(bb) + psiAB;
        }
        const da = q === 0 ? dA : dA + q / aa;
        const db = q === 0 ? dB : dB - q / (bx - 1);
        gR += wi * (psiRx[k]! - psiR + logAlphaI - lT + q * lDiff);
        gAlpha += wi * (dAlpha * eP);
        gA += wi * (da * eD);
        gB += wi * (db * eD);
        // ∂α_i/∂γ_P = −α_i z_P; ∂a_i/∂γ_D = a_i z_D, ∂b_i/∂γ_D = b_i z_D.
        f.accumulate(i, -wi * dAlpha * ai, wi * (da * aa + db * bb));
      }
    }
    if (grad) {
      grad[0] = gR;
      grad[1] = gAlpha;
      grad[2] = gA;
      grad[3] = gB;
      f.writeGradient(grad);
    }
    return ll;
  };
}

/** Beyond this a_i or b_i, the Beta-function ratio is summed term by term (the log-gammas would cancel catastrophically). */
const HUGE = 1e6;

/** log B(a, b + x) − log B(a, b) = Σ_{j<x} log((b + j) / (a + b + j)), stable for any size of a and b. */
function logBetaRatio(a: number, b: number, x: number): number {
  let s = 0;
  for (let j = 0; j < x; j++) s -= Math.log1p(a / (b + j));
  return s;
}

/**
 * The BG/NBD fit with static covariates (the `covariates` form of `fitBgNbd`).
 * @internal
 */
export function fitBgNbdWithCovariates(data: BtydData, options: FitBgNbdCovariateOptions): BgNbdFit {
  rejectUnknownCovariateFitOptions(options, 'fitBgNbd');
  return bgNbdFromCovariateRows(covariateFitRows(data, options.covariates!, options.weights, 'fitBgNbd', options.revealValues === true), options);
}

/**
 * Fits prepared covariate rows (no covariate checks: the all-zero design of the reduction test
 * goes through here).
 * @internal
 */
export function bgNbdFromCovariateRows(prepared: CovariateFitRows, options: FitBgNbdOptions): BgNbdFit {
  return betaGeometricFromCovariateRows<BgNbdModel>(prepared, options, 'bgnbd', bgNbd, 'fitBgNbd');
}

/**
 * The shared covariate fit of BG/NBD and MBG/NBD on prepared rows: α_i = α·exp(−γ_P·z_P),
 * a_i = a·exp(γ_D·z_D), b_i = b·exp(γ_D·z_D).
 * @internal
 */
export function betaGeometricFromCovariateRows<M extends PurchaseModel<BgNbdParams>>(
  prepared: CovariateFitRows,
  options: FitBgNbdOptions,
  variant: 'bgnbd' | 'mbgnbd',
  build: (params: BgNbdParams) => M,
  fn: string,
): M & BtydFitDiagnostics<BgNbdParams> & { readonly covariates: CovariateInfo<BgNbdParams, M> } {
  const fit = fitCovariateRows(prepared, NAMES, bgNbdCovariateLikelihood(prepared, variant), (meanT) => ({ r: 1, alpha: meanT, a: 1, b: 1 }), options);
  return fittedCovariateModel<BgNbdParams, M>(prepared.design, fit, (p, dotP, dotD) => ({ r: p.r, alpha: p.alpha * Math.exp(-dotP), a: p.a * Math.exp(dotD), b: p.b * Math.exp(dotD) }), build, fn);
}
