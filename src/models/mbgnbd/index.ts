export { mbgNbd } from './mbgNbd.js';
export { fitMbgNbd } from './fitMbgNbd.js';
export { simulateMbgNbd } from './simulateMbgNbd.js';
export type { FitMbgNbdOptions, MbgNbdFit, MbgNbdModel, MbgNbdParams } from './types.js';
