export { errorMetrics, type ErrorMetrics } from './errorMetrics.js';
export { countPurchasesByPeriod, type CountPurchasesByPeriodOptions } from './countPurchasesByPeriod.js';
export { trackRepeatPurchases, type TrackRepeatPurchasesOptions, type TrackRepeatPurchasesResult } from './trackRepeatPurchases.js';
export {
  compareHoldoutByFrequency,
  type CompareHoldoutByFrequencyOptions,
  type CompareHoldoutByFrequencyResult,
  type HoldoutBucket,
  type HoldoutInput,
  type HoldoutRow,
} from './compareHoldoutByFrequency.js';
export { repeatPurchaseDays, type RepeatPurchaseDays } from './repeatPurchaseDays.js';
