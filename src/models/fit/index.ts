// fitByMaximumLikelihood and groupRows are published under `loyalty-score/math` (src/math.ts).
export type { FitOptions } from './fitByMaximumLikelihood.js';
export type { GroupedRows } from './groupRows.js';
export type { BtydData, FitBtydOptions } from './btydFitRows.js';
export type { FitWeightsOptions } from './fitInput.js';
export { FIT_WARNING_CODES, type FitWarning, type FitWarningCode } from './fitWarnings.js';
