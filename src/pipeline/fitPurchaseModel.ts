import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { fitBgNbd } from '../models/bgnbd/fitBgNbd.js';
import { fitMbgNbd } from '../models/mbgnbd/fitMbgNbd.js';
import { fitParetoNbd } from '../models/paretonbd/fitParetoNbd.js';
import type { BtydColumns, BtydCustomer } from '../models/types.js';
import { ModelFitError } from './ModelFitError.js';
import { PURCHASE_MODEL_NAMES, PURCHASE_MODEL_TITLES, type PurchaseFit, type PurchaseModelName } from './purchaseModels.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options fragment: how the pipeline's maximum-likelihood fits run. */
export interface PipelineFitOptions {
  /**
   * L2 penalty λ on the parameters of every fit (the fits maximise `LL / N - λ Σ θ²`).
   * @defaultValue 0
   */
  l2Penalty?: number;
  /**
   * Optimiser iterations per fit, a whole number >= 1.
   * @defaultValue 500
   */
  maxIterations?: number;
}

/** Options of {@link fitPurchaseModel}. */
export interface FitPurchaseModelOptions extends PipelineFitOptions {
  /**
   * The purchase model.
   * @defaultValue `'bgnbd'`
   */
  model?: PurchaseModelName;
  /**
   * Whether to compute standard errors (a numerical Hessian; skip it when only predictions matter).
   * @defaultValue `true`
   */
  standardErrors?: boolean;
}

/** Customers for a purchase-model fit: BTYD histories, `{ customers }`, or columns. */
export type PurchaseFitInput = readonly BtydCustomer[] | { readonly customers: readonly BtydCustomer[] } | BtydColumns;

/**
 * Fits one purchase model (BG/NBD, Pareto/NBD or MBG/NBD) by maximum likelihood: the fit that
 * {@link scoreCustomers} uses. Customers first seen on the as-of date (T = 0) have likelihood 1
 * under every model, so they are accepted and change nothing. The fit's `warnings` say when it
 * did not converge, sits at a parameter boundary, is weakly identified or rests on a small sample.
 *
 * @param customers - `{ frequency, recency, T }` histories (a summary's `btyd`), `{ customers }`, or {@link BtydColumns}.
 * @param options - The model (default `'bgnbd'`), `l2Penalty` (default 0), `maxIterations` (default 500), `standardErrors` (default true).
 * @returns The fitted model with its diagnostics and prediction methods.
 * @throws {@link ModelFitError} when the model cannot be fitted on these data (nobody repeats,
 *   every T is 0, or the likelihood has no finite maximum).
 * @throws {@link InvalidInputError} for an invalid customer row or option.
 * @example
 * ```ts
 * import { fitPurchaseModel } from 'loyalty-score';
 * const fit = fitPurchaseModel(
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86 },
 *     { frequency: 1, recency: 1.71, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 0 },
 *     { frequency: 5, recency: 20, T: 30 },
 *   ],
 *   { model: 'paretonbd' },
 * );
 * fit.model; // => 'paretonbd'
 * fit.warnings.some((w) => w.code === 'small_sample'); // => true
 * ```
 */
export function fitPurchaseModel(customers: PurchaseFitInput, options: FitPurchaseModelOptions = {}): PurchaseFit {
  rejectUnknownKeys(options, FIT_PURCHASE_MODEL_OPTION_KEYS, 'options', 'fitPurchaseModel');
  const name = options.model ?? 'bgnbd';
  if (!PURCHASE_MODEL_NAMES.includes(name)) invalidOption('model', `expected one of ${PURCHASE_MODEL_NAMES.map((m) => `'${m}'`).join(', ')}`);
  const fitOptions = {
    ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.standardErrors !== undefined ? { standardErrors: options.standardErrors } : {}),
  };
  const title = PURCHASE_MODEL_TITLES[name];
  let fit: PurchaseFit;
  try {
    fit = name === 'bgnbd' ? fitBgNbd(customers, fitOptions) : name === 'paretonbd' ? fitParetoNbd(customers, fitOptions) : fitMbgNbd(customers, fitOptions);
  } catch (e) {
    if (e instanceof InvalidInputError && e.issues.every((i) => i.code === 'not_identified')) {
      throw new ModelFitError(name, `${title} cannot be fitted: ${e.message}`, { cause: e });
    }
    throw e;
  }
  const finite = Number.isFinite(fit.logLikelihood) && Object.values(fit.params).every((v: number) => Number.isFinite(v) && v > 0);
  if (!finite) throw new ModelFitError(name, `${title} cannot be fitted: the likelihood has no finite maximum on these data`);
  return fit;
}

/** The option names of {@link FitPurchaseModelOptions}. @internal */
export const FIT_PURCHASE_MODEL_OPTION_KEYS: KeyList<FitPurchaseModelOptions> = {
  model: true,
  standardErrors: true,
  l2Penalty: true,
  maxIterations: true,
};
