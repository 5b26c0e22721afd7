export { bgBb } from './bgBb.js';
export { fitBgBb, type FitBgBbOptions } from './fitBgBb.js';
export { simulateBgBb, type SimulateBgBbOptions } from './simulateBgBb.js';
export type { BgBbModel, BgBbParams, BgBbRow, FittedBgBb } from './types.js';
