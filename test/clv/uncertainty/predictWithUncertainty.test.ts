import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { predictClv, type ClvColumns, type ClvCustomer } from '../../../src/clv/predictClv.js';
import { predictWithUncertainty } from '../../../src/clv/uncertainty/predictWithUncertainty.js';
import { fitBgBb } from '../../../src/models/bgbb/fitBgBb.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { fitGammaGamma } from '../../../src/models/gammagamma/fitGammaGamma.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import type { BtydCustomer } from '../../../src/models/types.js';
import { bootstrapFit } from '../../../src/models/uncertainty/bootstrapFit.js';
import { readSharedCsv } from '../../helpers/sharedData.js';

const rows = readSharedCsv('btyd/cdnowSummary_cbs.csv');
const customers: ClvCustomer<BtydCustomer>[] = rows.map((r) => ({
  purchase: { frequency: Number(r['x']), recency: Number(r['t.x']), T: Number(r['T.cal']) },
  spend: { frequency: Number(r['x']), monetaryValue: Number(r['m.x']) },
}));
const purchaseFit = fitBgNbd(customers.map((c) => c.purchase));
const spendFit = fitGammaGamma(customers.map((c) => c.spend));
const clvOptions = { asOf: '1997-09-30', horizon: { amount: 52, unit: 'week' }, discountRate: { rate: 0.1, per: 'year' } } as const;

describe('predictWithUncertainty, asymptotic', () => {
  const result = predictWithUncertainty(purchaseFit, customers, { ...clvOptions, spendModel: spendFit, draws: 400, seed: 3 });

  it('gives predictClv and probabilityAliveMany at the estimates', () => {
    const point = predictClv(purchaseFit, spendFit, customers, clvOptions);
    expect(result.clv.estimate).toEqual(point.clv);
    expect(result.expectedPurchases.estimate).toEqual(point.expectedPurchases);
    expect(result.expectedSpend.estimate).toEqual(point.expectedSpend);
    expect(result.probabilityAlive.estimate).toEqual(purchaseFit.probabilityAliveMany(customers.map((c) => c.purchase)));
    expect(result.method).toBe('asymptotic');
    expect(result.draws).toBe(400);
  });

  it('brackets the estimates, and P(alive) of a one-time buyer (1 under BG/NBD at any parameters) has no width', () => {
    for (const m of [result.clv, result.expectedPurchases, result.expectedSpend]) {
      let inside = 0;
      for (let i = 0; i < m.estimate.length; i++) if (m.low[i]! <= m.estimate[i]! && m.estimate[i]! <= m.high[i]!) inside++;
      expect(inside / m.estimate.length).toBeGreaterThan(0.99);
    }
    const oneTime = customers.findIndex((c) => c.purchase.frequency === 0);
    expect(result.probabilityAlive.low[oneTime]).toBe(1);
    expect(result.probabilityAlive.high[oneTime]).toBe(1);
  });

  it('agrees with the delta method (gradient of the prediction times the covariance) to 15% of the interval width', () => {
    // An independent route to the same interval: P(alive) and E[purchases] are smooth in the
    // log-parameters, the CDNOW standard errors are small, so ±1.645 sqrt(g' Σ g) around the
    // estimate is the normal-approximation 90% interval; the percentile interval of 400 draws
    // matches it to its own Monte Carlo error (a few % of the width) plus the curvature.
    const cov = purchaseFit.logParameterCovariance!;
    const names = ['r', 'alpha', 'a', 'b'] as const;
    const probe = [1, 2, 9, 17, 100].map((i) => customers[i]!.purchase).filter((c) => c.frequency > 0);
    for (const c of probe) {
      for (const measure of ['alive', 'purchases'] as const) {
        const f = (p: typeof purchaseFit.params): number => (measure === 'alive' ? bgNbd(p).probabilityAlive(c) : bgNbd(p).expectedPurchases(52, c));
        const g = names.map((name) => {
          const h = 1e-5;
          const up = { ...purchaseFit.params, [name]: purchaseFit.params[name] * Math.exp(h) };
          const down = { ...purchaseFit.params, [name]: purchaseFit.params[name] * Math.exp(-h) };
          return (f(up) - f(down)) / (2 * h);
        });
        let v = 0;
        for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) v += g[i]! * cov[i * 4 + j]! * g[j]!;
        const half = 1.6448536269514722 * Math.sqrt(v);
        const i = customers.findIndex((x) => x.purchase === c);
        const m = measure === 'alive' ? result.probabilityAlive : result.expectedPurchases;
        const width = m.high[i]! - m.low[i]!;
        expect(Math.abs(width - 2 * half) / (2 * half), `${measure} of customer ${i}: width ${width} vs delta ${2 * half}`).toBeLessThan(0.15);
      }
    }
  });

  it('is seeded and gives the same for columns as for objects', () => {
    const again = predictWithUncertainty(purchaseFit, customers.slice(0, 300), { ...clvOptions, spendModel: spendFit, draws: 50, seed: 8 });
    const cols: ClvColumns = {
      purchase: {
        frequency: Float64Array.from(customers.slice(0, 300), (c) => c.purchase.frequency),
        recency: Float64Array.from(customers.slice(0, 300), (c) => c.purchase.recency),
        T: Float64Array.from(customers.slice(0, 300), (c) => c.purchase.T),
      },
      spend: { frequency: Float64Array.from(customers.slice(0, 300), (c) => c.spend.frequency), monetaryValue: Float64Array.from(customers.slice(0, 300), (c) => c.spend.monetaryValue) },
    };
    const fromColumns = predictWithUncertainty(purchaseFit, cols, { ...clvOptions, spendModel: spendFit, draws: 50, seed: 8 });
    expect(fromColumns.clv).toEqual(again.clv);
    expect(fromColumns.probabilityAlive).toEqual(again.probabilityAlive);
    const third = predictWithUncertainty(purchaseFit, customers.slice(0, 300), { ...clvOptions, spendModel: spendFit, draws: 50, seed: 8 });
    expect(third.clv.low).toEqual(again.clv.low);
  });

  it('widens with the level', () => {
    const wide = predictWithUncertainty(purchaseFit, customers.slice(0, 50), { ...clvOptions, spendModel: spendFit, draws: 400, seed: 3, level: 0.99 });
    for (let i = 0; i < 50; i++) {
      expect(wide.clv.low[i]!).toBeLessThanOrEqual(result.clv.low[i]!);
      expect(wide.clv.high[i]!).toBeGreaterThanOrEqual(result.clv.high[i]!);
    }
  });
});

describe('predictWithUncertainty, BG/BB (discrete opportunities, customers as objects)', () => {
  it('gives intervals that bracket the estimates, and the point values of predictClv', () => {
    const rows = readSharedCsv('donations.csv');
    const histories = rows.map((r) => ({ frequency: Number(r['frequency']), recency: Number(r['recency']), periods: Number(r['periods']) }));
    const weights = rows.map((r) => Number(r['weights']));
    const fit = fitBgBb(histories, { weights });
    const donors = histories.map((h) => ({ purchase: h, spend: { frequency: h.frequency, monetaryValue: h.frequency > 0 ? 50 : 0 } }));
    const options = { asOf: '2001-12-31', horizon: { amount: 5, unit: 'year' }, modelTimeUnit: 'year', discountRate: { rate: 0.1, per: 'year' } } as const;
    const result = predictWithUncertainty(fit, donors, { ...options, spendModel: spendFit, draws: 100, seed: 2 });
    expect(result.clv.estimate).toEqual(predictClv(fit, spendFit, donors, options).clv);
    expect(result.probabilityAlive.estimate).toEqual(fit.probabilityAliveMany(histories));
    for (let i = 0; i < donors.length; i++) {
      expect(result.probabilityAlive.low[i]!).toBeLessThanOrEqual(result.probabilityAlive.high[i]!);
      expect(result.expectedPurchases.low[i]!).toBeLessThanOrEqual(result.expectedPurchases.estimate[i]! * (1 + 1e-9));
      expect(result.expectedPurchases.high[i]!).toBeGreaterThanOrEqual(result.expectedPurchases.estimate[i]! * (1 - 1e-9));
    }
  });
});

describe('predictWithUncertainty, bootstrap', () => {
  it('uses the refits of bootstrapFit for both models, and brackets the estimates', () => {
    const purchases = customers.map((c) => c.purchase);
    const spends = customers.map((c) => c.spend);
    const pb = bootstrapFit(fitParetoNbd, purchases, { draws: 40, seed: 2 });
    const sb = bootstrapFit(fitGammaGamma, spends, { draws: 40, seed: 2 });
    const result = predictWithUncertainty(pb, customers.slice(0, 200), { ...clvOptions, spendModel: sb });
    expect(result.method).toBe('bootstrap');
    expect(result.draws).toBe(40);
    const point = predictClv(pb.fit, sb.fit, customers.slice(0, 200), clvOptions);
    expect(result.clv.estimate).toEqual(point.clv);
    let inside = 0;
    for (let i = 0; i < 200; i++) if (result.clv.low[i]! <= point.clv[i]! && point.clv[i]! <= result.clv.high[i]!) inside++;
    expect(inside).toBeGreaterThan(190);
  });

  it('refuses bootstrap without a bootstrap, and invalid options', () => {
    const base = { ...clvOptions, spendModel: spendFit };
    expect(() => predictWithUncertainty(purchaseFit, customers, { ...base, method: 'bootstrap' })).toThrow(/bootstrapFit/);
    expect(() => predictWithUncertainty(purchaseFit, customers, { ...base, level: 0 })).toThrow(/level/);
    expect(() => predictWithUncertainty(purchaseFit, customers, { ...base, draws: 1 })).toThrow(/draws/);
    expect(() => predictWithUncertainty(purchaseFit, customers, { ...base, method: 'exact' as never })).toThrow(/method/);
    expect(() => predictWithUncertainty(fitBgNbd(customers.map((c) => c.purchase), { standardErrors: false }), customers, base)).toThrow(InvalidInputError);
  });
});
