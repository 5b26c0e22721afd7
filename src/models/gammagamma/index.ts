export { gammaGamma } from './gammaGamma.js';
export { fitGammaGamma, type FitGammaGammaOptions } from './fitGammaGamma.js';
export { simulateGammaGamma, type SimulateGammaGammaOptions } from './simulateGammaGamma.js';
export type { FittedGammaGamma, GammaGammaModel, GammaGammaParams, SpendCustomer, SpendModel } from './types.js';
