/**
 * Per-customer summaries from a transaction table: recency, frequency, monetary value, tenure,
 * revenue, cost and profit, in both the RFM and the BTYD conventions
 * ({@link summarizeCustomers}, {@link summarizeCustomerColumns}), and the calibration/holdout
 * split the models are judged on ({@link calibrationAndHoldout}). Guide:
 * [summaries](../../docs/summaries.md).
 *
 * Import from `loyalty-score`.
 *
 * @module summaries
 */
export type { BtydMeasures, CustomerSummary, RfmMeasures } from './types.js';
export type { SummarizeCustomersOptions, TimeUnitOptions } from './options.js';
export {
  summarizeCustomers,
  summarizeCustomerColumns,
  type CustomerSummaries,
  type CustomerSummaryColumns,
  type SummarizeCustomerColumnsOptions,
  type SummaryContext,
} from './summarizeCustomers.js';
export { customerSummaryAt, type ActivityColumns, type SummaryColumns } from './summaryColumns.js';
export { compareCustomerIds } from './compareCustomerIds.js';
export {
  calibrationAndHoldout,
  calibrationAndHoldoutColumns,
  type CalibrationAndHoldoutColumns,
  type CalibrationAndHoldout,
  type CalibrationAndHoldoutOptions,
  type CalibrationHoldoutSummary,
  type HoldoutMeasures,
} from './calibrationAndHoldout.js';
