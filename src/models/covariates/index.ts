export type {
  CovariateCoefficients,
  CovariateColumns,
  CovariateCustomer,
  CovariateDesign,
  CovariateEncoding,
  CovariateInfo,
  CovariateOptions,
  CovariateStandardErrors,
  CovariateValue,
  ProcessDesign,
} from './types.js';
