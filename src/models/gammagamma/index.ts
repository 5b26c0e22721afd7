export { gammaGamma } from './gammaGamma.js';
export { fitGammaGamma, type FitGammaGammaOptions } from './fitGammaGamma.js';
export { simulateGammaGamma } from './simulateGammaGamma.js';
export type { GammaGammaFit, GammaGammaModel, GammaGammaParams, SimulateGammaGammaOptions, SpendCustomer, SpendData, SpendModel } from './types.js';
