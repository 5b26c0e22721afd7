import type { ParetoNbdParams } from './types.js';

/**
 * P(alive at T + t | alive at T, history) under the Pareto/NBD: given alive at T the dropout rate
 * is μ ~ Gamma(s, β + T) (memoryless lifetimes), so the probability is
 * E[exp(−μ t)] = ((β+T)/(β+T+t))^s.
 * @internal
 */
export function paretoNbdSurvival(params: ParetoNbdParams, T: number, t: number): number {
  return Math.exp(-params.s * Math.log1p(t / (params.beta + T)));
}
