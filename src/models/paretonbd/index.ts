export { paretoNbd } from './paretoNbd.js';
export { fitParetoNbd } from './fitParetoNbd.js';
export { simulateParetoNbd } from './simulateParetoNbd.js';
export type { FitParetoNbdOptions, ParetoNbdFit, ParetoNbdModel, ParetoNbdParams } from './types.js';
export type { FitParetoNbdCovariateOptions } from './paretoNbdCovariates.js';
export type * from '../covariates/index.js';
