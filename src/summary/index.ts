export type { BtydMeasures, CustomerSummary, RfmMeasures } from './types.js';
export type { RowInputOptions, SummarizeCustomersOptions, TimeUnitOptions } from './options.js';
export { summarizeCustomers, type CustomerSummaries } from './summarizeCustomers.js';
export { compareCustomerIds } from './compareCustomerIds.js';
export type { TableOrRows } from './toTable.js';
export {
  calibrationAndHoldout,
  type CalibrationAndHoldout,
  type CalibrationAndHoldoutOptions,
  type CalibrationHoldoutSummary,
  type HoldoutMeasures,
} from './calibrationAndHoldout.js';
