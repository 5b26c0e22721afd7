import { bench, describe } from 'vitest';
import { fitBgBb } from '../../src/models/bgbb/fitBgBb.js';
import { simulateBgBb } from '../../src/models/bgbb/simulateBgBb.js';
import { fitGammaGamma } from '../../src/models/gammagamma/fitGammaGamma.js';
import { simulateGammaGamma } from '../../src/models/gammagamma/simulateGammaGamma.js';
import { readSharedCsv } from '../helpers/sharedData.js';
import { donationRows, weightsOf } from '../models/bgbb/donations.js';

// Peers: lifetimes BetaGeoBetaBinomFitter / GammaGammaFitter and BTYD bgbb.EstimateParameters.
// Every bench checks its own result so the work cannot be skipped.
const donations = donationRows();
const cdnowSpend = readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({ frequency: Number(r['x']), monetaryValue: Number(r['m.x']) }));
const bgbbTruth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
const ggTruth = { p: 6.25, q: 3.74, gamma: 15.44 };
const bgbb100k = simulateBgBb(bgbbTruth, { customers: 100_000, periods: 6, seed: 1 });
const bgbb1m = simulateBgBb(bgbbTruth, { customers: 1_000_000, periods: 6, seed: 2 });
const frequencies = (n: number): number[] => Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 23));
const gg100k = simulateGammaGamma(ggTruth, frequencies(100_000), { seed: 3 });
const gg1m = simulateGammaGamma(ggTruth, frequencies(1_000_000), { seed: 4 });

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`benchmark result check failed: ${what}`);
}

describe('BG/BB fit', () => {
  bench('donations (11,104 donors, 22 patterns)', () => {
    const fit = fitBgBb(donations, weightsOf(donations));
    check(fit.converged && Math.abs(fit.logLikelihood + 33225.58) < 0.01, 'donations LL');
  });
  bench('100k simulated donors', () => {
    const fit = fitBgBb(bgbb100k);
    check(fit.converged && Math.abs(fit.params.alpha - 1.2) < 0.2, '100k alpha');
  });
  bench('1M simulated donors', () => {
    const fit = fitBgBb(bgbb1m);
    check(fit.converged && Math.abs(fit.params.alpha - 1.2) < 0.1, '1M alpha');
  });
});

describe('Gamma-Gamma fit', () => {
  bench('CDNOW (946 repeat customers)', () => {
    const fit = fitGammaGamma(cdnowSpend);
    check(fit.converged && Math.abs(fit.logLikelihood + 4055.92) < 0.01, 'CDNOW LL');
  });
  bench('100k simulated customers', () => {
    const fit = fitGammaGamma(gg100k);
    check(fit.converged && Math.abs(fit.params.p - 6.25) < 1, '100k p');
  });
  bench('1M simulated customers', () => {
    const fit = fitGammaGamma(gg1m);
    check(fit.converged && Math.abs(fit.params.p - 6.25) < 0.5, '1M p');
  });
});
