import { InvalidInputError } from '../errors/InvalidInputError.js';
import { fitGammaGamma } from '../models/gammagamma/fitGammaGamma.js';
import type { GammaGammaFit } from '../models/gammagamma/types.js';
import type { SpendColumns } from '../models/types.js';
import { ModelFitError } from './ModelFitError.js';
import type { PipelineFitOptions } from './fitPurchaseModel.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** A Gamma-Gamma spend fit as the pipeline uses it. */
export interface SpendFit {
  readonly fit: GammaGammaFit;
  /** Repeat customers whose mean repeat spend is not positive (free orders): left out of the fit. */
  readonly zeroSpend: number;
}

/** Options of {@link fitSpendModel}. */
export interface FitSpendModelOptions extends PipelineFitOptions {
  /**
   * Return a fit that did not converge (its `warnings` say so) instead of throwing.
   * @defaultValue `false`
   */
  allowUnconverged?: boolean;
}

/**
 * Fits the Gamma-Gamma spend model as {@link scoreCustomers} does: to the repeat customers with a
 * positive mean repeat spend. One-time buyers carry no repeat spend; repeat customers whose mean
 * repeat spend is 0 (free orders) are counted in `zeroSpend` and left out. Spends are in currency
 * units per purchase.
 *
 * @param columns - Repeat frequency and mean repeat spend per customer (a summary's `btyd` columns).
 * @param options - `l2Penalty` (default 0), `maxIterations` (default 500), `allowUnconverged` (default false).
 * @returns The fit and the number of zero-spend repeat customers left out.
 * @throws {@link ModelFitError} when no such customer exists, when the likelihood has no finite
 *   maximum, when q <= 1 (the expected spend of a customer without repeat purchases,
 *   p γ / (q - 1), does not exist), or when the fit did not converge and `allowUnconverged` is not set.
 * @example
 * ```ts
 * import { fitSpendModel } from 'loyalty-score';
 * const frequency = Float64Array.from({ length: 60 }, (_, i) => 1 + (i % 5));
 * const monetaryValue = Float64Array.from({ length: 60 }, (_, i) => (i === 0 ? 0 : 20 + ((i * 37) % 50)));
 * const { fit, zeroSpend } = fitSpendModel({ frequency, monetaryValue });
 * zeroSpend; // => 1
 * fit.customers; // => 59
 * fit.params.q > 1; // => true
 * ```
 */
export function fitSpendModel(columns: SpendColumns, options: FitSpendModelOptions = {}): SpendFit {
  rejectUnknownKeys(options, FIT_SPEND_MODEL_OPTION_KEYS, 'options', 'fitSpendModel');
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

/** The option names of {@link FitSpendModelOptions}. @internal */
export const FIT_SPEND_MODEL_OPTION_KEYS: KeyList<FitSpendModelOptions> = {
  allowUnconverged: true,
  l2Penalty: true,
  maxIterations: true,
};
