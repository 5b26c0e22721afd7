import { bench, describe } from 'vitest';
import { fitBgNbd } from '../../src/models/bgnbd/fitBgNbd.js';
import { simulateBgNbd } from '../../src/models/bgnbd/simulateBgNbd.js';
import { fitMbgNbd } from '../../src/models/mbgnbd/fitMbgNbd.js';
import { simulateMbgNbd } from '../../src/models/mbgnbd/simulateMbgNbd.js';
import { fitParetoNbd } from '../../src/models/paretonbd/fitParetoNbd.js';
import { simulateParetoNbd } from '../../src/models/paretonbd/simulateParetoNbd.js';
import type { BtydCustomer } from '../../src/models/types.js';
import { cdnowExact } from '../models/fit/sharedData.js';

// Peers on the same machine (issue 5): lifetimes 80 ms (BG/NBD) and 0.4 s (Pareto/NBD) on CDNOW;
// 6 s and 293 s on 500k customers.
const cdnow = cdnowExact();
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

/** Cohort acquired over 12 weeks, observed to week 39; times rounded up to whole days (days / 7) as a summary would. */
function cohort(n: number, simulate: (T: number[]) => BtydCustomer[]): BtydCustomer[] {
  const Ts = Array.from({ length: n }, (_, i) => (273 - (i % 84)) / 7);
  return simulate(Ts).map((c) => ({ frequency: c.frequency, recency: Math.min(Math.ceil(c.recency * 7) / 7, c.T), T: c.T }));
}
const sizes = [100_000, 1_000_000] as const;
const bgData = new Map(sizes.map((n) => [n, cohort(n, (T) => simulateBgNbd(BG, { T, seed: 1 }))]));
const mbgData = new Map(sizes.map((n) => [n, cohort(n, (T) => simulateMbgNbd(BG, { T, seed: 2 }))]));
const pnbdData = new Map(sizes.map((n) => [n, cohort(n, (T) => simulateParetoNbd(PNBD, { T, seed: 3 }))]));

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`benchmark result check failed: ${what}`);
}

describe('fit on CDNOW (2,357 customers)', () => {
  bench('fitBgNbd', () => {
    const f = fitBgNbd(cdnow);
    check(Math.abs(f.logLikelihood + 9582.429) < 0.001, 'BG/NBD LL');
  });
  bench('fitParetoNbd', () => {
    const f = fitParetoNbd(cdnow);
    check(Math.abs(f.logLikelihood + 9594.976) < 0.001, 'Pareto/NBD LL');
  });
  bench('fitMbgNbd', () => {
    const f = fitMbgNbd(cdnow);
    check(Math.abs(f.params.r - 0.525) < 0.001, 'MBG/NBD r');
  });
});

for (const n of sizes) {
  describe(`fit on ${n.toLocaleString('en')} simulated customers`, () => {
    bench('fitBgNbd', () => {
      const f = fitBgNbd(bgData.get(n)!);
      check(f.converged && Math.abs(f.params.r - BG.r) < 0.05, 'BG/NBD converged near truth');
    }, { iterations: 3, warmupIterations: 1 });
    bench('fitMbgNbd', () => {
      const f = fitMbgNbd(mbgData.get(n)!);
      check(f.converged && Math.abs(f.params.r - BG.r) < 0.05, 'MBG/NBD converged near truth');
    }, { iterations: 3, warmupIterations: 1 });
    bench('fitParetoNbd', () => {
      const f = fitParetoNbd(pnbdData.get(n)!);
      check(f.converged && Math.abs(f.params.r - PNBD.r) < 0.05, 'Pareto/NBD converged near truth');
    }, { iterations: 2, warmupIterations: 0 });
  });
}
