import { digamma } from '../../math/digamma.js';
import { logGamma } from '../../math/logGamma.js';
import { distinctValues } from '../fit/distinctValues.js';
import type { GroupedRows } from '../fit/groupRows.js';
import { paretoNbdLogBracket, paretoNbdScratch } from './paretoNbdCore.js';

/**
 * Average series terms per distinct row one fit evaluation may cost: 80 times what an evaluation
 * near the optimum costs on CDNOW and on the grocery cohort (about 25). @internal
 */
export const FIT_TERMS_PER_ROW = 2_000;

/**
 * Total weighted Pareto/NBD log-likelihood on grouped rows, with the gradient in (r, α, s, β):
 * Σ w_i [log Γ(r+x) - log Γ(r) + r log α + s log β + log B_i] (see paretoNbdCore).
 * log Γ / digamma terms are computed once per distinct x. With `termsPerRow`, an evaluation whose
 * hypergeometric series cost more than that many terms per distinct row (on average) stops and
 * returns NaN: the fits pass {@link FIT_TERMS_PER_ROW}, so that a search far from any optimum
 * (α or β decades away, where the series need millions of terms) is told "outside the domain"
 * after a bounded cost instead of spending minutes in one evaluation.
 * @internal
 */
export function paretoNbdLikelihood(rows: GroupedRows, termsPerRow = Infinity): (params: Float64Array, grad: Float64Array | null) => number {
  const [xs, txs, Ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const w = rows.weights;
  const n = rows.size;
  const { values: xValues, index: xIndex } = distinctValues(xs);
  const m = xValues.length;
  const lgRx = new Float64Array(m);
  const psiRx = new Float64Array(m);
  const scratch = paretoNbdScratch();
  const work = new Float64Array(12);
  const termBudget = termsPerRow * Math.max(1, rows.size);
  return (params, grad) => {
    const r = params[0]!;
    const alpha = params[1]!;
    const s = params[2]!;
    const beta = params[3]!;
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Number.isFinite(r + alpha + s + beta)) return -Infinity;
    const base = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let k = 0; k < m; k++) {
      lgRx[k] = logGamma(r + xValues[k]!);
      if (grad) psiRx[k] = digamma(r + xValues[k]!);
    }
    scratch.terms = 0;
    let ll = 0;
    let gr = 0;
    let ga = 0;
    let gs = 0;
    let gb = 0;
    const g = scratch.grad;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const k = xIndex[i]!;
      const lb = paretoNbdLogBracket(r, alpha, s, beta, xs[i]!, txs[i]!, Ts[i]!, grad !== null, scratch, work);
      if (Number.isNaN(lb) || scratch.terms > termBudget) return NaN;
      ll += wi * (lgRx[k]! + lb);
      if (grad) {
        gr += wi * (psiRx[k]! + g[0]!);
        gs += wi * g[1]!;
        ga += wi * g[2]!;
        gb += wi * g[3]!;
      }
    }
    const total = rows.totalWeight;
    if (grad) {
      grad[0] = gr + total * (-digamma(r) + Math.log(alpha));
      grad[1] = ga + (total * r) / alpha;
      grad[2] = gs + total * Math.log(beta);
      grad[3] = gb + (total * s) / beta;
    }
    return ll + total * base;
  };
}
