import { logBeta } from '../../math/logBeta.js';
import { checkParams } from '../shared/checkParams.js';
import { contractualModel } from './contractualModel.js';
import type { ContractualModel, ShiftedBetaGeometricParams } from './types.js';

/**
 * The shifted-beta-geometric (sBG) model of contract duration (Fader & Hardie 2007, "How to
 * project customer retention") at given parameters.
 *
 * Each customer renews at the end of every period with a constant probability 1 − θ, and θ
 * varies across customers as Beta(α, β). Then S(t) = B(α, β + t) / B(α, β),
 * P(T = t) = B(α + 1, β + t − 1) / B(α, β), and the retention rate
 * r(t) = (β + t − 1) / (α + β + t − 1) rises with t: the customers who churn easily leave first,
 * so the survivors are ever more loyal although nobody changes (the paper's "ruse of
 * heterogeneity"). E[T] = (α + β − 1) / (α − 1) for α > 1, infinite otherwise. DERL has the
 * closed form (β + n) / (α + β + n) · 2F1(1, β + n + 1; α + β + n + 1; 1 / (1 + d)) (Fader &
 * Hardie 2010), summed here as its series with a stated stopping rule. Every function is O(1),
 * except the discounted sums: O(terms), about 40 / d terms at discount rate d.
 *
 * @param params - α and β, both positive and finite.
 * @returns The model's functions ({@link ContractualModel}).
 * @throws InvalidInputError when a parameter is not a positive finite number.
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from 'loyalty-score';
 * const m = shiftedBetaGeometric({ alpha: 0.704, beta: 1.182 });
 * m.retentionRate(1); // ~> 0.6267 (1e-4)
 * m.retentionRate(7) > m.retentionRate(2); // => true
 * m.survival(0); // => 1
 * ```
 */
export function shiftedBetaGeometric(params: ShiftedBetaGeometricParams): ContractualModel<ShiftedBetaGeometricParams> {
  checkParams(params, ['alpha', 'beta'], 'shiftedBetaGeometric');
  const { alpha, beta } = params;
  const norm = logBeta(alpha, beta);
  return contractualModel({
    model: 'sbg',
    params: { alpha, beta },
    logSurvival: (t) => (t === 0 ? 0 : logBeta(alpha, beta + t) - norm),
    retentionRate: (t) => (beta + t - 1) / (alpha + beta + t - 1),
    // Σ_{k>=0} S(n + 1 + k) / S(n) = (β + n) / (α − 1) for α > 1 (2F1 at 1 by Gauss), else divergent.
    undiscountedResidual: (n) => (alpha > 1 ? (beta + n) / (alpha - 1) : Infinity),
  });
}
