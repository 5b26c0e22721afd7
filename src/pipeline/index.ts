/**
 * The whole job in one call: {@link scoreCustomers} takes transaction rows, a table or batches
 * and returns every customer's summary, RFM, tier, loyalty, P(alive), expected purchases and
 * spend, and CLV, with the fit warnings. {@link selectPurchaseModel} compares the purchase
 * models on a holdout; {@link fitPurchaseModel} is the fit the pipeline uses. Guide:
 * [pipeline](../../docs/pipeline.md).
 *
 * Import from `loyalty-score`.
 *
 * @module pipeline
 */
export { scoreCustomers } from './scoreCustomers.js';
export { CustomerScores, type ScoreColumns } from './CustomerScores.js';
export type { ScoreCustomersOptions, ScoredCustomer, ScoreStage, ScoreWarning, SurveyAnswers, SurveyInput, SurveyRecord } from './types.js';
export { fitPurchaseModel, type FitPurchaseModelOptions, type PipelineFitOptions, type PurchaseFitInput } from './fitPurchaseModel.js';
export { selectPurchaseModel, type HoldoutScore, type ModelSelection, type SelectPurchaseModelOptions } from './selectPurchaseModel.js';
export { PURCHASE_MODEL_NAMES, PURCHASE_MODEL_TITLES, type PurchaseFit, type PurchaseModelName } from './purchaseModels.js';
export { ModelFitError } from './ModelFitError.js';
export { fitSpendModel, type FitSpendModelOptions, type SpendFit } from './fitSpendModel.js';
