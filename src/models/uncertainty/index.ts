export { bootstrapFit } from './bootstrapFit.js';
export type { BootstrapFit, BootstrapFitOptions, FitResultLike, Interval, PlainFit, PlainFitData, RefitOptions } from './types.js';
export { sampleParameters, type FitWithCovariance, type SampleParametersOptions } from './sampleParameters.js';
