import type { KeyList } from '../../errors/knownKeys.js';
import type { FitBtydOptions } from './btydFitRows.js';

/**
 * The valid option names of every maximum-likelihood fit (the optimiser's knobs, start, penalty,
 * standard errors and weights): an unknown key is an `unknown_option` error naming the nearest.
 * @internal
 */
export const FIT_OPTION_KEYS: KeyList<FitBtydOptions<string>> = {
  maxIterations: true,
  maxEvaluations: true,
  gradientTolerance: true,
  relativeTolerance: true,
  l2Penalty: true,
  start: true,
  standardErrors: true,
  weights: true,
};
