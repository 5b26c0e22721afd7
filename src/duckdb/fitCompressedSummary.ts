import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import { fitBgNbd } from '../models/bgnbd/fitBgNbd.js';
import { fitGammaGamma } from '../models/gammagamma/fitGammaGamma.js';
import type { GammaGammaFit } from '../models/gammagamma/types.js';
import { fitMbgNbd } from '../models/mbgnbd/fitMbgNbd.js';
import { fitParetoNbd } from '../models/paretonbd/fitParetoNbd.js';
import { ModelFitError } from '../pipeline/ModelFitError.js';
import { PURCHASE_MODEL_NAMES, PURCHASE_MODEL_TITLES, type PurchaseFit, type PurchaseModelName } from '../pipeline/purchaseModels.js';
import type { CompressedPurchaseRows, CompressedSpendRows } from './compressedSummaryWithDuckDb.js';

/** How the fits on compressed rows run. */
export interface CompressedFitOptions {
  /** The purchase model. @defaultValue `'bgnbd'` */
  readonly model?: PurchaseModelName;
  /** L2 penalty λ on the parameters of every fit. @defaultValue 0 */
  readonly l2Penalty?: number;
  /** Optimiser iterations per fit. @defaultValue 500 */
  readonly maxIterations?: number;
  /** Return a Gamma-Gamma fit that did not converge (its `warnings` say so) instead of throwing, as the pipeline does. @defaultValue `false` */
  readonly allowUnconverged?: boolean;
}

/** The option names of {@link CompressedFitOptions}. */
const COMPRESSED_FIT_OPTION_KEYS: KeyList<CompressedFitOptions> = { model: true, l2Penalty: true, maxIterations: true, allowUnconverged: true };

/**
 * The {@link CompressedFitOptions} among a wider options object (a score call's), for the engine
 * paths that hand their fit settings on to {@link fitCompressedSummary}.
 */
export function compressedFitOptionsOf(options: CompressedFitOptions): CompressedFitOptions {
  const out: { -readonly [K in keyof CompressedFitOptions]: CompressedFitOptions[K] } = {};
  if (options.model !== undefined) out.model = options.model;
  if (options.l2Penalty !== undefined) out.l2Penalty = options.l2Penalty;
  if (options.maxIterations !== undefined) out.maxIterations = options.maxIterations;
  if (options.allowUnconverged !== undefined) out.allowUnconverged = options.allowUnconverged;
  return out;
}

function notIdentified(model: string, title: string, e: unknown): never {
  if (e instanceof InvalidInputError && e.issues.every((i) => i.code === 'not_identified')) throw new ModelFitError(model, `${title} cannot be fitted: ${e.message}`, { cause: e });
  throw e;
}

/**
 * Fits a purchase model and Gamma-Gamma on the weighted distinct rows of
 * {@link compressedSummaryWithDuckDb}, with the checks of the pipeline's fits: the same
 * parameters and log-likelihood as fitting one row per customer.
 *
 * @param rows - The compressed summary (its `purchase` and `spend` rows with weights).
 * @param options - Model (default `'bgnbd'`), L2 penalty, iterations, and whether a fit that did
 *   not converge is returned instead of thrown.
 * @returns The fitted purchase model and Gamma-Gamma spend model.
 * @throws {ModelFitError} when a model cannot be fitted (nobody repeats, no finite maximum,
 *   Gamma-Gamma q <= 1), or Gamma-Gamma did not converge without `allowUnconverged` (a purchase
 *   fit that did not converge is returned with a warning, as by the pipeline).
 * @example
 * ```ts
 * import { compressedSummaryWithDuckDb, fitCompressedSummary } from 'loyalty-score/duckdb';
 * const rows = await compressedSummaryWithDuckDb({ csv: 'examples/data/transactions.csv' }, { timeUnit: 'week' });
 * const { model, spendModel } = fitCompressedSummary(rows, { model: 'paretonbd' });
 * model.model; // => 'paretonbd'
 * spendModel.params.q > 1; // => true
 * ```
 */
export function fitCompressedSummary(rows: { readonly purchase: CompressedPurchaseRows; readonly spend: CompressedSpendRows }, options: CompressedFitOptions = {}): { readonly model: PurchaseFit; readonly spendModel: GammaGammaFit } {
  rejectUnknownKeys(options, COMPRESSED_FIT_OPTION_KEYS, 'options', 'fitCompressedSummary');
  const { purchase, spend } = rows;
  const name = options.model ?? 'bgnbd';
  if (!PURCHASE_MODEL_NAMES.includes(name)) invalidOption('model', `expected one of ${PURCHASE_MODEL_NAMES.map((m) => `'${m}'`).join(', ')}`);
  const knobs = {
    ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
  };
  const title = PURCHASE_MODEL_TITLES[name];
  let model: PurchaseFit;
  try {
    const o = { ...knobs, weights: purchase.weights };
    model = name === 'bgnbd' ? fitBgNbd(purchase, o) : name === 'paretonbd' ? fitParetoNbd(purchase, o) : fitMbgNbd(purchase, o);
  } catch (e) {
    notIdentified(name, title, e);
  }
  const finite = Number.isFinite(model.logLikelihood) && Object.values(model.params).every((v: number) => Number.isFinite(v) && v > 0);
  if (!finite) throw new ModelFitError(name, `${title} cannot be fitted: the likelihood has no finite maximum on these data`);
  let spendModel: GammaGammaFit;
  try {
    spendModel = fitGammaGamma(spend, { ...knobs, weights: spend.weights });
  } catch (e) {
    notIdentified('gammagamma', 'Gamma-Gamma', e);
  }
  const { p, q, gamma } = spendModel.params;
  if (![p, q, gamma, spendModel.logLikelihood].every(Number.isFinite)) throw new ModelFitError('gammagamma', 'Gamma-Gamma cannot be fitted: the likelihood has no finite maximum on these data');
  if (!(q > 1)) throw new ModelFitError('gammagamma', `Gamma-Gamma fitted q = ${q.toPrecision(4)} <= 1: the expected spend of customers without repeat purchases does not exist`);
  if (!spendModel.converged && options.allowUnconverged !== true) {
    throw new ModelFitError('gammagamma', `the Gamma-Gamma fit did not converge (gradient norm ${spendModel.gradientNorm.toExponential(2)} after ${spendModel.iterations} iterations) (allow it with allowUnconverged / --allow-unconverged)`);
  }
  return { model, spendModel };
}
