import type { ClvColumns, PredictClvOptions } from '../clv/predictClv.js';
import { predictWithUncertainty } from '../clv/uncertainty/predictWithUncertainty.js';
import type { GammaGammaFit } from '../models/gammagamma/types.js';
import type { PurchaseFit } from './purchaseModels.js';
import type { ScoreIntervals } from './types.js';

/** Parameter draws behind the pipeline's intervals. */
const DRAWS = 200;

/**
 * The `intervals` of {@link scoreCustomers}: `predictWithUncertainty` with method `'asymptotic'`,
 * 200 draws and seed 1, on the columns and options the scores used.
 * @internal
 */
export function scoreIntervals(purchase: PurchaseFit, spend: GammaGammaFit, customers: ClvColumns, options: PredictClvOptions, level: number): ScoreIntervals {
  const r = predictWithUncertainty(purchase, customers, { ...options, spendModel: spend, method: 'asymptotic', draws: DRAWS, seed: 1, level });
  const bounds = (m: { low: Float64Array; high: Float64Array }): { low: Float64Array; high: Float64Array } => ({ low: m.low, high: m.high });
  return { level, pAlive: bounds(r.probabilityAlive), expectedPurchases: bounds(r.expectedPurchases), expectedSpend: bounds(r.expectedSpend), clv: bounds(r.clv) };
}
