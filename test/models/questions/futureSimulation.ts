// Simulated customers followed past the end of observation, for checking the forward-looking
// questions: each customer's history at T, whether she buys in (T, T + t], and whether she is alive
// at T + t. Written from the models' stories, independently of the library's simulators.
import { createRng, sampleBeta, sampleExponential, sampleGamma } from '../../../src/math/random.js';
import type { BtydCustomer, DiscreteCustomer } from '../../../src/models/types.js';

export interface FollowedCustomer<C> {
  readonly history: C;
  readonly buysWithin: boolean;
  readonly aliveAt: boolean;
}

/** BG/NBD (or, with dropAtStart, MBG/NBD) customers with ages T_i, followed for t more. */
export function followBetaGeometric(params: { r: number; alpha: number; a: number; b: number }, Ts: readonly number[], t: number, seed: number, dropAtStart: boolean): FollowedCustomer<BtydCustomer>[] {
  const rng = createRng(seed);
  return Ts.map((T) => {
    const lambda = sampleGamma(rng, params.r, params.alpha);
    const p = sampleBeta(rng, params.a, params.b);
    let dropout = Infinity;
    let x = 0;
    let tx = 0;
    let buysWithin = false;
    if (dropAtStart && rng() < p) dropout = 0;
    else {
      let s = 0;
      for (;;) {
        s += sampleExponential(rng, lambda);
        if (s > T + t) break;
        if (s <= T) {
          x++;
          tx = s;
        } else buysWithin = true;
        if (rng() < p) {
          dropout = s;
          break;
        }
      }
    }
    return { history: { frequency: x, recency: tx, T }, buysWithin, aliveAt: dropout > T + t };
  });
}

/** Pareto/NBD customers with ages T_i, followed for t more. */
export function followParetoNbd(params: { r: number; alpha: number; s: number; beta: number }, Ts: readonly number[], t: number, seed: number): FollowedCustomer<BtydCustomer>[] {
  const rng = createRng(seed);
  return Ts.map((T) => {
    const lambda = sampleGamma(rng, params.r, params.alpha);
    const mu = sampleGamma(rng, params.s, params.beta);
    const lifetime = sampleExponential(rng, mu);
    let x = 0;
    let tx = 0;
    let buysWithin = false;
    let s = 0;
    for (;;) {
      s += sampleExponential(rng, lambda);
      if (s > Math.min(lifetime, T + t)) break;
      if (s <= T) {
        x++;
        tx = s;
      } else buysWithin = true;
    }
    return { history: { frequency: x, recency: tx, T }, buysWithin, aliveAt: lifetime > T + t };
  });
}

/**
 * BG/BB customers observed for n opportunities and followed for t more: before each opportunity
 * an alive customer dies with probability θ; alive, she transacts with probability p. `aliveAt`
 * is "alive at opportunity n + 1 + t" (survived the coins before opportunities 1..n+1+t).
 */
export function followBgBb(params: { alpha: number; beta: number; gamma: number; delta: number }, customers: number, n: number, t: number, seed: number): FollowedCustomer<DiscreteCustomer>[] {
  const rng = createRng(seed);
  const out: FollowedCustomer<DiscreteCustomer>[] = [];
  for (let i = 0; i < customers; i++) {
    const p = sampleBeta(rng, params.alpha, params.beta);
    const theta = sampleBeta(rng, params.gamma, params.delta);
    let alive = true;
    let x = 0;
    let tx = 0;
    let buysWithin = false;
    for (let k = 1; k <= n + t + 1; k++) {
      if (alive && rng() < theta) alive = false;
      if (k > n + t) break; // opportunity n + t + 1: only its coin matters
      if (alive && rng() < p) {
        if (k <= n) {
          x++;
          tx = k;
        } else buysWithin = true;
      }
    }
    out.push({ history: { frequency: x, recency: tx, periods: n }, buysWithin, aliveAt: alive });
  }
  return out;
}

/**
 * Compares the sum of predicted probabilities with the count of simulated events in a group of
 * customers: |observed − Σp| <= 4 sqrt(Σ p(1 − p)) (a 4-sigma band for a sum of Bernoullis).
 */
export function withinBand(predicted: readonly number[], observed: readonly boolean[]): { ok: boolean; text: string } {
  let sum = 0;
  let variance = 0;
  let count = 0;
  for (let i = 0; i < predicted.length; i++) {
    sum += predicted[i]!;
    variance += predicted[i]! * (1 - predicted[i]!);
    if (observed[i]) count++;
  }
  const band = 4 * Math.sqrt(variance);
  return { ok: Math.abs(count - sum) <= band, text: `observed ${count}, expected ${sum.toFixed(1)} ± ${band.toFixed(1)} (4 sd), n = ${predicted.length}` };
}
