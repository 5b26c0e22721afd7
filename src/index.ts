// Public API, the domain: re-exports only. Nothing inside src/ imports this file.
// The math and calendar plumbing is the `loyalty-score/math` subpath (src/math.ts).
export * from './errors/index.js';
export * from './time/index.js';
export * from './transactions/index.js';
export * from './summary/index.js';
export * from './simulate/index.js';
export * from './io/index.js';
export * from './models/index.js';
export * from './clv/index.js';
export * from './rfm/index.js';
export * from './tiers/index.js';
export * from './loyalty/index.js';
export * from './pipeline/index.js';
