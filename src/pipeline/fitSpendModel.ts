import { InvalidInputError } from '../errors/InvalidInputError.js';
import { fitGammaGamma } from '../models/gammagamma/fitGammaGamma.js';
import type { GammaGammaFit } from '../models/gammagamma/types.js';
import type { SpendColumns } from '../models/types.js';
import { ModelFitError } from './ModelFitError.js';
import type { PipelineFitOptions } from './fitPurchaseModel.js';

/** A Gamma-Gamma spend fit as the pipeline uses it. */
export interface SpendFit {
  readonly fit: GammaGammaFit;
  /** Repeat customers whose mean repeat spend is not positive (free orders): left out of the fit. */
  readonly zeroSpend: number;
}

/**
 * Fits Gamma-Gamma to the repeat customers with a positive mean repeat spend (one-time buyers
 * carry no repeat spend; repeat customers with a zero mean spend are counted and left out).
 * @throws {@link ModelFitError} when no such customer exists, when the likelihood has no finite
 *   maximum, when q <= 1 (the expected spend of a customer without repeat purchases,
 *   p γ / (q - 1), does not exist), or when the fit did not converge and `allowUnconverged` is not set.
 * @internal
 */
export function fitSpendModel(columns: SpendColumns, options: PipelineFitOptions & { allowUnconverged?: boolean }): SpendFit {
  const n = columns.frequency.length;
  let repeat = 0;
  let zeroSpend = 0;
  for (let i = 0; i < n; i++) {
    if (columns.frequency[i] === 0) continue;
    if (columns.monetaryValue[i]! > 0) repeat++;
    else zeroSpend++;
  }
  if (repeat === 0) throw new ModelFitError('gammagamma', 'Gamma-Gamma cannot be fitted: no customer has a repeat purchase with a positive spend');
  const frequency = new Float64Array(repeat);
  const monetaryValue = new Float64Array(repeat);
  for (let i = 0, j = 0; i < n; i++) {
    const m = columns.monetaryValue[i]!;
    if (columns.frequency[i] === 0 || !(m > 0)) continue;
    frequency[j] = columns.frequency[i]!;
    monetaryValue[j++] = m;
  }
  let fit: GammaGammaFit;
  try {
    fit = fitGammaGamma(
      { frequency, monetaryValue },
      {
        ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
        ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      },
    );
  } catch (e) {
    if (e instanceof InvalidInputError && e.issues.every((i) => i.code === 'not_identified')) {
      throw new ModelFitError('gammagamma', `Gamma-Gamma cannot be fitted: ${e.message}`, { cause: e });
    }
    throw e;
  }
  const { p, q, gamma } = fit.params;
  if (![p, q, gamma, fit.logLikelihood].every(Number.isFinite)) throw new ModelFitError('gammagamma', 'Gamma-Gamma cannot be fitted: the likelihood has no finite maximum on these data');
  if (!(q > 1)) throw new ModelFitError('gammagamma', `Gamma-Gamma fitted q = ${q.toPrecision(4)} <= 1: the expected spend of customers without repeat purchases does not exist`);
  if (!fit.converged && options.allowUnconverged !== true) {
    throw new ModelFitError(
      'gammagamma',
      `the Gamma-Gamma fit did not converge (gradient norm ${fit.gradientNorm.toExponential(2)} after ${fit.iterations} iterations); its spend estimates may be off (allow it with allowUnconverged / --allow-unconverged)`,
    );
  }
  return { fit, zeroSpend };
}
