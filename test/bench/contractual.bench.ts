// Contractual models (issue 14): the sBG and BdW fits on the paper's High End cohort, a joint fit
// of 120 monthly cohorts, and subscriptionCohorts on 200,000 simulated subscriptions.
// Run: npx vitest bench --run test/bench/contractual.bench.ts
import { bench, describe } from 'vitest';
import { createRng, sampleBeta, sampleGeometric } from '../../src/math/random.js';
import { fitBetaDiscreteWeibull } from '../../src/models/contractual/fitBetaDiscreteWeibull.js';
import { fitShiftedBetaGeometric } from '../../src/models/contractual/fitShiftedBetaGeometric.js';
import { subscriptionCohorts, type SubscriptionRecord } from '../../src/models/contractual/subscriptionCohorts.js';

const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

/** Fails the bench on a result that is not the fit it should be (so no work is skipped). */
function near(value: number, expected: number, tol: number, what: string): void {
  if (!(Math.abs(value - expected) <= tol)) throw new Error(`${what}: ${value}, expected ${expected} ± ${tol}`);
}

// 120 monthly cohorts of 1,000 (sBG α = 0.8, β = 2.5), the oldest 120 months old.
const rng = createRng(3);
const cohorts: number[][] = [];
const rows: SubscriptionRecord[] = [];
for (let k = 0; k < 120; k++) {
  const age = 120 - k;
  const survivors = new Array<number>(age + 1).fill(0);
  for (let i = 0; i < 1000; i++) {
    const T = 1 + sampleGeometric(rng, sampleBeta(rng, 0.8, 2.5));
    for (let t = 0; t <= Math.min(age, T - 1); t++) survivors[t]!++;
  }
  cohorts.push(survivors);
}
const day0 = Date.UTC(2015, 0, 1);
for (let i = 0; i < 200_000; i++) {
  const start = day0 + Math.floor(rng() * 3000) * 86_400_000;
  const months = Math.min(600, sampleGeometric(rng, sampleBeta(rng, 0.8, 2.5)) + 1);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + months);
  rows.push({ customerId: i, start: new Date(start).toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) });
}

describe('contractual fits', () => {
  bench('sBG, High End (7 years)', () => {
    near(fitShiftedBetaGeometric(HIGH_END).params.alpha, 0.668, 5e-4, 'alpha');
  });
  bench('BdW, High End (7 years)', () => {
    near(fitBetaDiscreteWeibull(HIGH_END).params.c, 1.7236, 1e-3, 'c');
  });
  bench('sBG, 120 monthly cohorts jointly (7,260 cohort-periods)', () => {
    near(fitShiftedBetaGeometric({ cohorts }).params.alpha, 0.8, 0.1, 'alpha');
  });
  bench('subscriptionCohorts, 200,000 subscriptions', () => {
    const r = subscriptionCohorts(rows, { period: 'month', asOf: '2024-12-31' });
    if (r.subscriptions !== 200_000) throw new Error('expected 200,000 subscriptions');
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});
