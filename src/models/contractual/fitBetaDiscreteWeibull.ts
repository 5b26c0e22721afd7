import { rejectUnknownKeys } from '../../errors/knownKeys.js';
import { FIT_KNOB_KEYS } from '../fit/fitOptionKeys.js';
import { logBeta } from '../../math/logBeta.js';
import type { FitOptions } from '../fit/fitByMaximumLikelihood.js';
import { betaDiscreteWeibull } from './betaDiscreteWeibull.js';
import { fitContractual } from './fitContractual.js';
import { checkSurvivorData } from './survivorData.js';
import type { BetaDiscreteWeibullFit, BetaDiscreteWeibullParams, ContractualData } from './types.js';

/** Options of {@link fitBetaDiscreteWeibull}: the optimiser's knobs, start values and L2 penalty. */
export interface FitBetaDiscreteWeibullOptions extends FitOptions<keyof BetaDiscreteWeibullParams> {}

const NAMES = ['alpha', 'beta', 'c'] as const;
const START = { alpha: 1, beta: 1, c: 1 };

/**
 * Fits the beta-discrete-Weibull model ({@link betaDiscreteWeibull}) to survivor counts by
 * maximum likelihood (Fader, Hardie, Liu, Davin & Steenburgh 2018).
 *
 * The likelihood is the one of {@link fitShiftedBetaGeometric} with S(t) = B(α, β + t^c) / B(α, β):
 * churners of each period, and the survivors censored at each cohort's age, several cohorts
 * jointly. Maximised over the log-parameters by BFGS (numerical gradient), from α = β = c = 1
 * (the sBG with a uniform θ); standard errors from the numerical Hessian and the library's
 * {@link FitWarning}s. Cost O(Σ ages) log-beta evaluations per likelihood. Seven years of one
 * cohort pin c down loosely: read its standard error before reading duration dependence into it.
 *
 * @param data - One survivor curve (counts from period 0), `{ cohorts }`, or a {@link subscriptionCohorts} result.
 * @param options - See {@link FitBetaDiscreteWeibullOptions}.
 * @returns The fitted model with its diagnostics and the projections of the fitted cohorts.
 * @throws InvalidInputError when a count is not a finite number >= 0, a cohort starts empty or
 *   grows, an option is invalid, or no cohort is older than period 0.
 * @example
 * ```ts
 * import { fitBetaDiscreteWeibull } from 'loyalty-score';
 * const fit = fitBetaDiscreteWeibull([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fit.params.c; // ~> 1.2835 (1e-3)
 * fit.logLikelihood; // ~> -1679.60 (0.01)
 * ```
 */
export function fitBetaDiscreteWeibull(data: ContractualData, options: FitBetaDiscreteWeibullOptions = {}): BetaDiscreteWeibullFit {
  rejectUnknownKeys(options, FIT_KNOB_KEYS, 'options', 'fitBetaDiscreteWeibull');
  const cohorts = checkSurvivorData(data, 'fitBetaDiscreteWeibull');
  return fitContractual<keyof BetaDiscreteWeibullParams, BetaDiscreteWeibullParams>(cohorts, NAMES, START, bdwLogSurvival, betaDiscreteWeibull, options);
}

/** log S(t) = log B(α, β + t^c) − log B(α, β), t = 0..maxAge. */
function bdwLogSurvival(theta: Float64Array, maxAge: number, logS: Float64Array): void {
  const a = theta[0]!;
  const b = theta[1]!;
  const c = theta[2]!;
  const norm = logBeta(a, b);
  logS[0] = 0;
  for (let t = 1; t <= maxAge; t++) logS[t] = logBeta(a, b + Math.pow(t, c)) - norm;
}
