import { bench, describe } from 'vitest';
import { builtPackage } from './builtPackage.js';
import type { BtydColumns, BtydCustomer } from '../../src/models/types.js';
import { cdnowExact } from '../models/fit/sharedData.js';

const { bgNbd, fitBgNbd, fitMbgNbd, fitParetoNbd, gammaGamma, mbgNbd, paretoNbd, simulateBgNbd, simulateMbgNbd, simulateParetoNbd } = await builtPackage();

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
/** Simulated once, on first use (so that running one describe block does not build them all). */
function lazy(make: (n: number) => BtydCustomer[]): { get(n: number): BtydCustomer[] } {
  const cache = new Map<number, BtydCustomer[]>();
  return {
    get(n) {
      let v = cache.get(n);
      if (v === undefined) cache.set(n, (v = make(n)));
      return v;
    },
  };
}
const bgData = lazy((n) => cohort(n, (T) => simulateBgNbd(BG, { T, seed: 1 })));
const mbgData = lazy((n) => cohort(n, (T) => simulateMbgNbd(BG, { T, seed: 2 })));
const pnbdData = lazy((n) => cohort(n, (T) => simulateParetoNbd(PNBD, { T, seed: 3 })));

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

// Vectorised predictions on 500k customers in days (the tx_500k setting of issue 9). Peer: numpy's
// vectorised BG/NBD P(alive) takes about 6 ms for 500k customers on this machine.
const DAILY = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const DAILY_PNBD = { r: 0.553, alpha: 10.578 * 7, s: 0.606, beta: 11.669 * 7 };
function dailyColumns(customers: readonly BtydCustomer[]): BtydColumns {
  const n = customers.length;
  const cols = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n) };
  customers.forEach((c, i) => {
    cols.frequency[i] = c.frequency;
    cols.recency[i] = Math.min(Math.ceil(c.recency), c.T);
    cols.T[i] = c.T;
  });
  return cols;
}
const N = 500_000;
const dailyT = Array.from({ length: N }, (_, i) => 1 + (i % 730));
const bgCols = dailyColumns(simulateBgNbd(DAILY, { T: dailyT, seed: 11 }));
const pnbdCols = dailyColumns(simulateParetoNbd(DAILY_PNBD, { T: dailyT, seed: 12 }));
const bgRows: BtydCustomer[] = Array.from({ length: N }, (_, i) => ({ frequency: bgCols.frequency[i]!, recency: bgCols.recency[i]!, T: bgCols.T[i]! }));
const bgModel = bgNbd(DAILY);
const mbgModel = mbgNbd(DAILY);
const pnbdModel = paretoNbd(DAILY_PNBD);
const spendCols = { frequency: bgCols.frequency, monetaryValue: Float64Array.from(bgCols.frequency, (x, i) => (x > 0 ? 20 + (i % 37) : 0)) };
const spendModel = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

describe('vectorised predictions, 500,000 customers (days)', () => {
  bench('BG/NBD probabilityAliveMany (columns)', () => {
    const p = bgModel.probabilityAliveMany(bgCols);
    check(p.length === N && sum(p) > 0 && sum(p) <= N, 'P(alive) in range');
  });
  bench('BG/NBD probabilityAliveMany (objects)', () => {
    const p = bgModel.probabilityAliveMany(bgRows);
    check(p.length === N && sum(p) > 0, 'P(alive) in range');
  });
  bench('BG/NBD expectedPurchasesMany(365) (columns)', () => {
    const e = bgModel.expectedPurchasesMany(365, bgCols);
    check(e.length === N && sum(e) > 0, 'E[X] positive');
  });
  bench('MBG/NBD probabilityAliveMany (columns)', () => {
    check(sum(mbgModel.probabilityAliveMany(bgCols)) > 0, 'P(alive)');
  });
  bench('MBG/NBD expectedPurchasesMany(365) (columns)', () => {
    check(sum(mbgModel.expectedPurchasesMany(365, bgCols)) > 0, 'E[X]');
  });
  bench('Pareto/NBD probabilityAliveMany (columns)', () => {
    check(sum(pnbdModel.probabilityAliveMany(pnbdCols)) > 0, 'P(alive)');
  }, { iterations: 5, warmupIterations: 1 });
  bench('Pareto/NBD expectedPurchasesMany(365) (columns)', () => {
    check(sum(pnbdModel.expectedPurchasesMany(365, pnbdCols)) > 0, 'E[X]');
  }, { iterations: 5, warmupIterations: 1 });
  bench('Gamma-Gamma expectedAverageSpendMany (columns)', () => {
    check(sum(spendModel.expectedAverageSpendMany(spendCols)) > 0, 'spend');
  });
});
