export { bgNbd } from './bgNbd.js';
export { fitBgNbd } from './fitBgNbd.js';
export { simulateBgNbd } from './simulateBgNbd.js';
export type { BgNbdFit, BgNbdModel, BgNbdParams, FitBgNbdOptions, SimulateBtydOptions } from './types.js';
export type { FitBgNbdCovariateOptions } from './bgNbdCovariates.js';
