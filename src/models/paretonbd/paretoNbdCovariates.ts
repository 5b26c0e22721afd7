import { digamma } from '../../math/digamma.js';
import { logGamma } from '../../math/logGamma.js';
import { covariateFrame } from '../covariates/covariateFrame.js';
import { fittedCovariateModel } from '../covariates/covariateModel.js';
import { covariateFitRows, rejectUnknownCovariateFitOptions, type CovariateFitRows } from '../covariates/covariateRows.js';
import { fitCovariateRows } from '../covariates/fitCovariateRows.js';
import type { CovariateOptions } from '../covariates/types.js';
import type { BtydData } from '../fit/btydFitRows.js';
import { paretoNbd } from './paretoNbd.js';
import { paretoNbdLogBracket, paretoNbdScratch } from './paretoNbdCore.js';
import { FIT_TERMS_PER_ROW } from './paretoNbdLikelihood.js';
import type { FitParetoNbdOptions, ParetoNbdFit, ParetoNbdModel, ParetoNbdParams } from './types.js';

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** Options of {@link fitParetoNbd} with static covariates: those of the plain fit (no `l2Penalty`) and `covariates`. */
export interface FitParetoNbdCovariateOptions extends FitParetoNbdOptions {
  /**
   * Which customer fields enter the purchase and the dropout process.
   * @defaultValue none (the plain model)
   */
  readonly covariates?: CovariateOptions;
}

/**
 * Total weighted Pareto/NBD log-likelihood with static covariates on grouped rows (columns x, t_x,
 * T, the purchase design columns, then the dropout ones), at [r, α, s, β, γ_purchase…, γ_dropout…],
 * with its gradient. Each row is the plain Pareto/NBD term at α_i = α·exp(−γ_P·z_P,i),
 * β_i = β·exp(−γ_D·z_D,i) (Fader & Hardie 2007, "Incorporating time-invariant covariates into the
 * Pareto/NBD and BG/NBD models"); with d = ∂ℓ_i/∂α_i, ∂ℓ_i/∂γ_P = −d·α_i·z_P,i, and likewise for β.
 * With every z = 0 each row's value is that of the plain likelihood bit for bit. Like the plain
 * fit's, an evaluation whose series cost more than `termsPerRow` terms per row returns NaN.
 * @internal
 */
export function paretoNbdCovariateLikelihood(prepared: CovariateFitRows, termsPerRow = FIT_TERMS_PER_ROW): (params: Float64Array, grad: Float64Array | null) => number {
  const f = covariateFrame(prepared);
  const { xs, txs, Ts, weights: w, size: n, xIndex, lgRx, psiRx } = f;
  const total = prepared.rows.totalWeight;
  const scratch = paretoNbdScratch();
  const work = new Float64Array(12);
  const termBudget = termsPerRow * Math.max(1, n);
  return (params, grad) => {
    const r = params[0]!;
    const alpha = params[1]!;
    const s = params[2]!;
    const beta = params[3]!;
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Number.isFinite(r + alpha + s + beta)) return -Infinity;
    const logAlpha = Math.log(alpha);
    const logBeta = Math.log(beta);
    const base = -logGamma(r) + r * logAlpha + s * logBeta;
    f.prepare(r, grad !== null);
    scratch.terms = 0;
    let ll = 0;
    let gr = 0;
    let ga = 0;
    let gs = 0;
    let gb = 0;
    const g = scratch.grad;
    for (let i = 0; i < n; i++) {
      const dotP = f.purchaseDot(params, i);
      const dotD = f.dropoutDot(params, i);
      const eP = Math.exp(-dotP);
      const eD = Math.exp(-dotD);
      const ai = alpha * eP;
      const bi = beta * eD;
      const wi = w[i]!;
      const k = xIndex[i]!;
      const lb = paretoNbdLogBracket(r, ai, s, bi, xs[i]!, txs[i]!, Ts[i]!, grad !== null, scratch, work);
      // As the plain fit: a search so far out that the series cost more than the budget is "outside the domain".
      if (Number.isNaN(lb) || scratch.terms > termBudget) return NaN;
      // r log α_i + s log β_i = (r log α + s log β) − r γ_P·z_P − s γ_D·z_D: the first part is in `base`.
      ll += wi * (lgRx[k]! + lb - r * dotP - s * dotD);
      if (grad) {
        gr += wi * (psiRx[k]! + g[0]! - dotP);
        gs += wi * (g[1]! - dotD);
        ga += wi * (g[2]! * eP);
        gb += wi * (g[3]! * eD);
        // ∂ℓ_i/∂α_i = r/α_i + ∂lb/∂α_i and ∂α_i/∂γ_P = −α_i z_P (likewise for β).
        f.accumulate(i, -wi * (r / ai + g[2]!) * ai, -wi * (s / bi + g[3]!) * bi);
      }
    }
    if (grad) {
      // The r/α and s/β parts of ∂/∂α, ∂/∂β: Σ w r/α_i · e_P = r/α per customer.
      grad[0] = gr + total * (-digamma(r) + logAlpha);
      grad[1] = ga + (total * r) / alpha;
      grad[2] = gs + total * logBeta;
      grad[3] = gb + (total * s) / beta;
      f.writeGradient(grad);
    }
    return ll + total * base;
  };
}

/**
 * The Pareto/NBD fit with static covariates (the `covariates` form of `fitParetoNbd`).
 * @internal
 */
export function fitParetoNbdWithCovariates(data: BtydData, options: FitParetoNbdCovariateOptions): ParetoNbdFit {
  rejectUnknownCovariateFitOptions(options, 'fitParetoNbd');
  const prepared = covariateFitRows(data, options.covariates!, options.weights, 'fitParetoNbd', options.revealValues === true);
  return paretoNbdFromCovariateRows(prepared, options);
}

/**
 * Fits prepared covariate rows (no covariate checks: the all-zero design of the reduction test
 * goes through here).
 * @internal
 */
export function paretoNbdFromCovariateRows(prepared: CovariateFitRows, options: FitParetoNbdOptions): ParetoNbdFit {
  const fit = fitCovariateRows(prepared, NAMES, paretoNbdCovariateLikelihood(prepared), (meanT) => ({ r: 1, alpha: meanT, s: 1, beta: meanT }), options);
  return fittedCovariateModel<ParetoNbdParams, ParetoNbdModel>(prepared.design, fit, (p, dotP, dotD) => ({ r: p.r, alpha: p.alpha * Math.exp(-dotP), s: p.s, beta: p.beta * Math.exp(-dotD) }), paretoNbd, 'fitParetoNbd');
}
