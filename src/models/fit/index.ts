export {
  fitByMaximumLikelihood,
  type FitOptions,
  type MaximumLikelihoodProblem,
  type MaximumLikelihoodFit,
} from './fitByMaximumLikelihood.js';
export { groupRows, type GroupedRows } from './groupRows.js';
export type { BtydData, FitBtydOptions } from './btydColumns.js';
export { FIT_WARNING_CODES, type FitWarning, type FitWarningCode } from './fitWarnings.js';
