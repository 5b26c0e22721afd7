export type { BtydMeasures, CountSummary, CustomerSummary, RfmMeasures } from './types.js';
export type { SummarizeCustomersOptions, TimeUnitOptions } from './options.js';
export {
  summarizeCustomers,
  summarizeCustomerColumns,
  type CountSummaries,
  type CustomerSummaries,
  type SummarizableInput,
  type CustomerSummaryColumns,
  type SummarizeCustomerColumnsOptions,
  type SummaryContext,
} from './summarizeCustomers.js';
export { countSummaryAt, customerSummaryAt, type ActivityColumns, type SummaryColumns } from './summaryColumns.js';
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
export type { SummaryInput } from './summaryInput.js';
