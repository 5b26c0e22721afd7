// Bootstrap of the BG/NBD fit on CDNOW (issue 14): 200 refits on resampled customers, each on the
// distinct (x, t_x, T) rows with multinomial counts as weights. Target: under 2 s for the 200.
// Run: npx vitest bench --run test/bench/bootstrap.bench.ts
import { bench, describe } from 'vitest';
import { fitBgNbd } from '../../src/models/bgnbd/fitBgNbd.js';
import { fitParetoNbd } from '../../src/models/paretonbd/fitParetoNbd.js';
import { bootstrapFit } from '../../src/models/uncertainty/bootstrapFit.js';
import { predictWithUncertainty } from '../../src/clv/uncertainty/predictWithUncertainty.js';
import { fitGammaGamma } from '../../src/models/gammagamma/fitGammaGamma.js';
import { readSharedCsv } from '../helpers/sharedData.js';
import { cdnowExact } from '../models/fit/sharedData.js';

const cdnow = cdnowExact();
const cbs = readSharedCsv('btyd/cdnowSummary_cbs.csv');
const customers = {
  purchase: { frequency: Float64Array.from(cdnow, (c) => c.frequency), recency: Float64Array.from(cdnow, (c) => c.recency), T: Float64Array.from(cdnow, (c) => c.T) },
  spend: { frequency: Float64Array.from(cdnow, (c) => c.frequency), monetaryValue: Float64Array.from(cbs, (r) => Number(r['m.x'])) },
};

/** Fails the bench when the result is not what a bootstrap of CDNOW gives (so no work is skipped). */
function check(boot: { draws: readonly object[]; failed: number; intervals: Record<string, { low: number; high: number }> }, param: string, estimate: number): void {
  if (boot.draws.length + boot.failed !== 200) throw new Error('expected 200 resamples');
  const iv = boot.intervals[param]!;
  if (!(iv.low < estimate && estimate < iv.high)) throw new Error(`${param} interval [${iv.low}, ${iv.high}] misses ${estimate}`);
}

describe('bootstrapFit on CDNOW (2,357 customers)', () => {
  bench('BG/NBD, 200 refits', () => {
    check(bootstrapFit(fitBgNbd, cdnow, { draws: 200, seed: 1 }) as never, 'r', 0.243);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
  bench('Pareto/NBD, 200 refits', () => {
    check(bootstrapFit(fitParetoNbd, cdnow, { draws: 200, seed: 1 }) as never, 'r', 0.553);
  }, { iterations: 1, warmupIterations: 0, time: 0 });
});

describe('predictWithUncertainty on CDNOW (2,357 customers, 52 weeks)', () => {
  const purchase = fitBgNbd(cdnow);
  const spend = fitGammaGamma(customers.spend);
  bench('asymptotic, 200 draws (BG/NBD and Gamma-Gamma)', () => {
    const r = predictWithUncertainty(purchase, customers, { asOf: '1997-09-30', horizon: { amount: 52, unit: 'week' }, spendModel: spend, draws: 200, seed: 1 });
    if (!(r.clv.low[0]! <= r.clv.estimate[0]! && r.clv.estimate[0]! <= r.clv.high[0]!)) throw new Error('interval misses the estimate');
  }, { iterations: 2, warmupIterations: 0, time: 0 });
});
