export { minimize, type MinimizeOptions, type MinimizeResult, type Objective, type Gradient } from './optimize.js';
export { centralGradient } from './centralGradient.js';
export { numericalHessian, cholesky, invertSymmetric } from './hessian.js';
export {
  logGamma,
  logBeta,
  digamma,
  logAddExp,
  logSubExp,
  logSumExp,
  oneMinusPowOverK,
  logHyp2f1,
  hyp2f1,
  type SignedLog,
} from './special.js';
export { createRng, sampleNormal, sampleGamma, sampleBeta, sampleExponential, sampleGeometric, type Rng } from './random.js';
