import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { FitOptions } from '../models/fit/fitByMaximumLikelihood.js';
import { fitBgNbd } from '../models/bgnbd/fitBgNbd.js';
import type { BgNbdFit } from '../models/bgnbd/types.js';
import { fitGammaGamma } from '../models/gammagamma/fitGammaGamma.js';
import type { FittedGammaGamma, SpendCustomer } from '../models/gammagamma/types.js';
import { fitMbgNbd } from '../models/mbgnbd/fitMbgNbd.js';
import type { MbgNbdFit } from '../models/mbgnbd/types.js';
import { fitParetoNbd } from '../models/paretonbd/fitParetoNbd.js';
import type { ParetoNbdFit } from '../models/paretonbd/types.js';
import type { BtydCustomer } from '../models/types.js';

/** The purchase models the command line fits. */
export type ModelName = 'bgnbd' | 'paretonbd' | 'mbgnbd';
export const MODEL_NAMES: readonly ModelName[] = ['bgnbd', 'paretonbd', 'mbgnbd'];
export const MODEL_TITLES: Readonly<Record<ModelName, string>> = { bgnbd: 'BG/NBD', paretonbd: 'Pareto/NBD', mbgnbd: 'MBG/NBD' };

/** A fitted purchase model. */
export type PurchaseFit = BgNbdFit | ParetoNbdFit | MbgNbdFit;

/** A model cannot be fitted or used on these data (exit code 4). */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

/**
 * The T given to a customer whose first purchase is on the as-of date (T = 0), in model time units:
 * the models' limit for a customer acquired just now (probability alive and expected purchases
 * of a new customer), within about 1e-9 relative.
 */
export const JUST_ACQUIRED_T = 1e-9;

/** The history a purchase model can score: T = 0 becomes {@link JUST_ACQUIRED_T}. */
export function scorable(c: BtydCustomer): BtydCustomer {
  return c.T > 0 ? c : { frequency: c.frequency, recency: c.recency, T: JUST_ACQUIRED_T };
}

/**
 * The spend history the Gamma-Gamma model can score. A repeat customer whose mean repeat spend is
 * not positive (free orders, CDNOW has a few) gets the model's limit for a mean spend tending to
 * 0: `p γ / (p x + q - 1)` (the smallest positive double stands in for 0).
 */
export function spendable(c: { readonly frequency: number; readonly monetaryValue: number }): SpendCustomer {
  return c.frequency > 0 && !(c.monetaryValue > 0) ? { frequency: c.frequency, monetaryValue: Number.MIN_VALUE } : c;
}

/**
 * Fits one purchase model to the customers with T > 0 (a customer first seen on the as-of date has
 * likelihood 1 under every model here, so leaving them out changes nothing).
 * @throws {ModelError} when the model cannot be fitted (nobody repeats, no customer with T > 0) or
 *   the fit ends at a non-finite log-likelihood or parameter.
 */
export function fitPurchaseModel(name: ModelName, customers: readonly BtydCustomer[], options: FitOptions = {}): PurchaseFit {
  const data = customers.filter((c) => c.T > 0);
  if (data.length === 0) throw new ModelError(`${MODEL_TITLES[name]}: no customer has any time observed after the first purchase (every T is 0)`);
  let fit: PurchaseFit;
  try {
    fit = name === 'bgnbd' ? fitBgNbd(data, options) : name === 'paretonbd' ? fitParetoNbd(data, options) : fitMbgNbd(data, options);
  } catch (e) {
    if (e instanceof InvalidInputError) throw new ModelError(`${MODEL_TITLES[name]} cannot be fitted: ${e.message}`);
    throw e;
  }
  const finite = Number.isFinite(fit.logLikelihood) && Object.values(fit.params).every((v: number) => Number.isFinite(v) && v > 0);
  if (!finite) throw new ModelError(`${MODEL_TITLES[name]} cannot be fitted: the likelihood has no finite maximum on these data`);
  return fit;
}

/** A fitted Gamma-Gamma spend model, with how many repeat customers were left out of it. */
export interface SpendFit {
  readonly fit: FittedGammaGamma;
  /** Repeat customers whose mean repeat spend is not positive (left out of the fit). */
  readonly zeroSpend: number;
}

/**
 * Fits Gamma-Gamma to the repeat customers with a positive mean repeat spend.
 * @throws {ModelError} when no such customer exists, or when q <= 1 (the expected spend of a
 *   customer without repeat purchases, p γ / (q - 1), does not exist).
 */
export function fitSpendModel(customers: readonly { readonly frequency: number; readonly monetaryValue: number }[], options: FitOptions = {}): SpendFit {
  const data: SpendCustomer[] = [];
  let zeroSpend = 0;
  for (const c of customers) {
    if (c.frequency === 0) continue;
    if (c.monetaryValue > 0) data.push(c);
    else zeroSpend++;
  }
  if (data.length === 0) throw new ModelError('Gamma-Gamma cannot be fitted: no customer has a repeat purchase with a positive spend');
  let fit: FittedGammaGamma;
  try {
    fit = fitGammaGamma(data, options);
  } catch (e) {
    if (e instanceof InvalidInputError) throw new ModelError(`Gamma-Gamma cannot be fitted: ${e.message}`);
    throw e;
  }
  const { p, q, gamma } = fit.params;
  if (![p, q, gamma, fit.logLikelihood].every(Number.isFinite)) throw new ModelError('Gamma-Gamma cannot be fitted: the likelihood has no finite maximum on these data');
  if (!(q > 1)) throw new ModelError(`Gamma-Gamma fitted q = ${q.toPrecision(4)} <= 1: the expected spend of customers without repeat purchases does not exist`);
  return { fit, zeroSpend };
}
