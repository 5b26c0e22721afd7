export { predictWithUncertainty, type PredictionIntervals, type PredictWithUncertaintyOptions, type PredictWithUncertaintyResult } from './predictWithUncertainty.js';
export type { FitOrBootstrap } from './parameterDraws.js';
