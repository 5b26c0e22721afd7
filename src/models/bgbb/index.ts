export { bgBb } from './bgBb.js';
export { fitBgBb, type FitBgBbOptions } from './fitBgBb.js';
export { simulateBgBb } from './simulateBgBb.js';
export type { BgBbFit, BgBbModel, BgBbParams, DiscreteData, SimulateBgBbOptions } from './types.js';
