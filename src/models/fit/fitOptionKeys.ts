import type { KeyList } from '../../errors/knownKeys.js';
import type { FitBtydOptions } from './btydFitRows.js';
import type { FitOptions } from './fitByMaximumLikelihood.js';
import type { FitWeightsOptions } from './fitInput.js';

/**
 * The valid option names of every maximum-likelihood fit (the optimiser's knobs, start, penalty,
 * standard errors and weights): an unknown key is an `unknown_option` error naming the nearest.
 * @internal
 */
export const FIT_OPTION_KEYS: KeyList<FitOptions<string> & FitWeightsOptions> = {
  maxIterations: true,
  maxEvaluations: true,
  gradientTolerance: true,
  relativeTolerance: true,
  l2Penalty: true,
  start: true,
  standardErrors: true,
  weights: true,
};

/**
 * The valid option names of a fit without row weights (the contractual fits): the optimiser's
 * knobs, start, penalty and standard errors.
 * @internal
 */
export const FIT_KNOB_KEYS: readonly string[] = Object.keys(FIT_OPTION_KEYS).filter((k) => k !== 'weights');

/**
 * The valid option names of the continuous-time BTYD fits: those of every fit, and
 * `revealValues` (their issues can name a summary's customer id).
 * @internal
 */
export const BTYD_FIT_OPTION_KEYS: KeyList<FitBtydOptions<string>> = { ...FIT_OPTION_KEYS, revealValues: true };
