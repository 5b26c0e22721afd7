export { formulaClv, type FormulaClvOptions, type FormulaClvResult } from './formulaClv.js';
export { retentionImpact, type RetentionImpactOptions, type RetentionImpactResult } from './retentionImpact.js';
export { historicalValue, type CustomerHistoricalValue, type HistoricalValueOptions, type HistoricalValueResult } from './historicalValue.js';
export {
  predictClv,
  type CalendarSpan,
  type ClvColumns,
  type ClvCustomer,
  type ClvSpendModel,
  type ClvInput,
  type DiscountRate,
  type PredictClvOptions,
  type PredictClvResult,
} from './predictClv.js';
export * from './uncertainty/index.js';
