// The math area: special functions, numerical optimisation and derivatives, and seeded random
// sampling that the models are built on. Published, together with the calendar arithmetic of
// src/time, under the `loyalty-score/math` subpath (src/math.ts); the root export does not carry it.
export { minimize, type MinimizeOptions, type MinimizeResult, type MinimizeStop, type Objective, type Gradient } from './optimize.js';
export { centralGradient } from './centralGradient.js';
export { numericalHessian, cholesky, invertSymmetric } from './hessian.js';
export { logGamma } from './logGamma.js';
export { logBeta } from './logBeta.js';
export { digamma } from './digamma.js';
export { trigamma } from './trigamma.js';
export { logAddExp } from './logAddExp.js';
export { logSubExp } from './logSubExp.js';
export { logSumExp } from './logSumExp.js';
export { oneMinusPowOverK } from './oneMinusPowOverK.js';
export { logHyp2f1, type SignedLog } from './logHyp2f1.js';
export { hyp2f1 } from './hyp2f1.js';
export { createRng, sampleNormal, sampleGamma, sampleBeta, sampleExponential, sampleGeometric, type Rng } from './random.js';
