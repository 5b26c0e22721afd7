export { scoreCustomers } from './scoreCustomers.js';
export { CustomerScores, type ScoreColumns } from './CustomerScores.js';
export type { ScoreCustomersOptions, ScoredCustomer, ScoreIntervalBounds, ScoreIntervals, ScoreStage, ScoreWarning, SurveyAnswers, SurveyInput, SurveyRecord } from './types.js';
export { fitPurchaseModel, type FitPurchaseModelOptions, type PipelineFitOptions, type PurchaseFitInput } from './fitPurchaseModel.js';
export { selectPurchaseModel, type HoldoutScore, type ModelSelection, type SelectPurchaseModelOptions } from './selectPurchaseModel.js';
export { PURCHASE_MODEL_NAMES, PURCHASE_MODEL_TITLES, type PurchaseFit, type PurchaseModelName } from './purchaseModels.js';
export { ModelFitError } from './ModelFitError.js';
export { fitSpendModel, type FitSpendModelOptions, type SpendFit } from './fitSpendModel.js';
