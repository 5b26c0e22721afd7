import { logBeta } from '../../math/logBeta.js';
import { checkParams } from '../shared/checkParams.js';
import { contractualModel } from './contractualModel.js';
import { bdwResidualLifetime } from './bdwResidualLifetime.js';
import type { BetaDiscreteWeibullParams, ContractualModel } from './types.js';

/**
 * The beta-discrete-Weibull (BdW) model of contract duration (Fader, Hardie, Liu, Davin &
 * Steenburgh 2018, "How to project customer retention revisited: the role of duration
 * dependence") at given parameters.
 *
 * A customer with churn parameter θ is still subscribed after t periods with probability
 * (1 − θ)^(t^c), and θ ~ Beta(α, β) across customers, so S(t) = B(α, β + t^c) / B(α, β). The
 * exponent c is individual duration dependence: c = 1 is the sBG, c < 1 makes each customer
 * less likely to churn the longer they stay, c > 1 more likely. The aggregate retention rate
 * r(t) = S(t) / S(t − 1) rises with t for c <= 1 (heterogeneity and negative duration dependence
 * pull the same way) and may fall for c > 1. E[T] is finite only for α c > 1; there is no closed
 * form for it or for DERL, which are summed (see the model's functions for the stopping rules;
 * the undiscounted sums add an asymptotic tail after 2^18 terms, relative error O(t^(-2c)) of the tail).
 *
 * @param params - α, β and c, all positive and finite.
 * @returns The model's functions ({@link ContractualModel}).
 * @throws InvalidInputError when a parameter is not a positive finite number.
 * @example
 * ```ts
 * import { betaDiscreteWeibull, shiftedBetaGeometric } from 'loyalty-score';
 * const bdw = betaDiscreteWeibull({ alpha: 0.7, beta: 1.2, c: 1 });
 * const sbg = shiftedBetaGeometric({ alpha: 0.7, beta: 1.2 });
 * bdw.survival(5) - sbg.survival(5); // ~> 0 (1e-14)
 * ```
 */
export function betaDiscreteWeibull(params: BetaDiscreteWeibullParams): ContractualModel<BetaDiscreteWeibullParams> {
  checkParams(params, ['alpha', 'beta', 'c'], 'betaDiscreteWeibull');
  const { alpha, beta, c } = params;
  const norm = logBeta(alpha, beta);
  const logSurvival = (t: number): number => (t === 0 ? 0 : logBeta(alpha, beta + Math.pow(t, c)) - norm);
  return contractualModel({
    model: 'bdw',
    params: { alpha, beta, c },
    logSurvival,
    // S(t) falls like t^(−α c): the undiscounted sums diverge for α c <= 1.
    undiscountedResidual: (n) => (alpha * c > 1 ? bdwResidualLifetime(alpha, beta, c, n) : Infinity),
  });
}
