import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictClv } from '../../src/clv/predictClv.js';
import { bgBb } from '../../src/models/bgbb/bgBb.js';
import { bgNbd } from '../../src/models/bgnbd/bgNbd.js';
import { gammaGamma } from '../../src/models/gammagamma/gammaGamma.js';
import type { BtydCustomer } from '../../src/models/types.js';
import { summaryWith } from './summaryFixture.js';
import { readSharedCsv } from '../helpers/sharedData.js';

/** E[X(t)] = rate * t for every customer. */
function steady(rate: number) {
  return { model: 'bgnbd' as const, expectedPurchasesMany: (t: number, cs: readonly BtydCustomer[]) => new Float64Array(cs.length).fill(rate * t) };
}
const flatSpend = (value: number) => ({ expectedAverageSpendMany: (cs: readonly unknown[]) => new Float64Array(cs.length).fill(value) });
const one = [{ purchase: { frequency: 1, recency: 2, T: 3 }, spend: { frequency: 1, monetaryValue: 10 } }];

// Published CDNOW estimates: FHL 2005 (reference-values.json bgnbd.cdnow.params_paper) and
// Fader & Hardie 2013 (gg.cdnow.params).
const bgNbdPaper = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const gg = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
const cdnow = readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({
  purchase: { frequency: Number(r['x']), recency: Number(r['t.x']), T: Number(r['T.cal']) },
  spend: { frequency: Number(r['x']), monetaryValue: Number(r['m.x']) },
}));

describe('predictClv', () => {
  it('without discounting is margin x spend x expected purchases', () => {
    const r = predictClv(steady(2), flatSpend(10), one, { asOf: '2024-01-01', horizon: { amount: 3, unit: 'week' }, margin: 0.3 });
    expect(r.clv[0]).toBeCloseTo(0.3 * 10 * 2 * 3, 12);
    expect(r.expectedPurchases[0]).toBe(6);
    expect(r.horizon).toBe(3);
    expect(r.steps).toBe(3);
    expect(r.total).toBe(r.clv[0]);
  });

  it('converts the horizon by exact calendar days (a month is 29 days in February 2024, 31 in March)', () => {
    const feb = predictClv(steady(1), flatSpend(1), one, { asOf: '2024-02-01', horizon: { amount: 1, unit: 'month' } });
    expect(feb.horizon).toBeCloseTo(29 / 7, 14);
    expect(feb.clv[0]).toBeCloseTo(29 / 7, 12);
    const mar = predictClv(steady(1), flatSpend(1), one, { asOf: '2024-03-01', horizon: { amount: 1, unit: 'month' }, modelTimeUnit: 'day' });
    expect(mar.horizon).toBe(31);
    const year = predictClv(steady(1), flatSpend(1), one, { asOf: '2024-01-01', horizon: { amount: 1, unit: 'year' }, modelTimeUnit: 'day' });
    expect(year.horizon).toBe(366);
    const monthly = predictClv(steady(1), flatSpend(1), one, { asOf: '2024-01-31', horizon: { amount: 1, unit: 'year' }, modelTimeUnit: 'month' });
    expect(monthly.horizon).toBe(12);
  });

  it('discounts with the midpoint rule: close to the exact integral, converging as O(step^2)', () => {
    // E[X(t)] = t weekly, discount 1 % a week: exact CLV = (1 - 1.01^-H) / ln 1.01.
    const H = 52;
    const exact = -Math.expm1(-H * Math.log1p(0.01)) / Math.log1p(0.01);
    const opts = { asOf: '2024-01-01', horizon: { amount: H, unit: 'week' as const }, discountRate: { rate: 0.01, per: 'week' as const } };
    const coarse = predictClv(steady(1), flatSpend(1), one, opts).clv[0]!;
    const fine = predictClv(steady(1), flatSpend(1), one, { ...opts, step: 0.5 }).clv[0]!;
    expect(Math.abs(coarse / exact - 1)).toBeLessThan(1e-5);
    expect(Math.abs(fine - exact)).toBeLessThan(Math.abs(coarse - exact) / 3.9);
  });

  it('BG/NBD x Gamma-Gamma on CDNOW: step 1 week agrees with step 1/7 week to 1e-5 relative, 10 % a year', () => {
    const opts = { asOf: '1997-09-30', horizon: { amount: 1, unit: 'year' as const }, discountRate: { rate: 0.1, per: 'year' as const } };
    const weekly = predictClv(bgNbdPaper, gg, cdnow, opts);
    const daily = predictClv(bgNbdPaper, gg, cdnow, { ...opts, step: 1 / 7 });
    expect(Math.abs(weekly.total / daily.total - 1)).toBeLessThan(1e-5);
    // Undiscounted expected purchases over the horizon equal the model's conditional expectation.
    expect(weekly.expectedPurchases[0]).toBeCloseTo(bgNbdPaper.expectedPurchases(365 / 7, cdnow[0]!.purchase), 10);
    // Discounting lowers value, never below (1.1)^-1 of the undiscounted one within a year.
    const undiscounted = predictClv(bgNbdPaper, gg, cdnow, { ...opts, discountRate: { rate: 0, per: 'year' } });
    expect(weekly.total).toBeLessThan(undiscounted.total);
    expect(weekly.total).toBeGreaterThan(undiscounted.total / 1.1);
  });

  it('BG/BB discounts each opportunity at its own time (hand sum)', () => {
    // FHS 2010 published estimates (reference-values.json bgbb.donations.params).
    const model = bgBb({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    const c = { frequency: 3, recency: 5, periods: 6 };
    const r = predictClv(model, flatSpend(50), [{ purchase: c, spend: { frequency: 3, monetaryValue: 50 } }], {
      asOf: '2001-12-31',
      horizon: { amount: 5, unit: 'year' },
      discountRate: { rate: 0.1, per: 'year' },
      modelTimeUnit: 'year',
      margin: 0.5,
    });
    let want = 0;
    for (let k = 1; k <= 5; k++) want += ((model.expectedPurchases(k, c) - model.expectedPurchases(k - 1, c)) * 25) / 1.1 ** k;
    expect(r.clv[0]).toBeCloseTo(want, 10);
    expect(r.horizon).toBe(5);
    expect(() => predictClv(model, flatSpend(1), [{ purchase: c, spend: { frequency: 3, monetaryValue: 50 } }], { asOf: '2001-12-31', horizon: { amount: 5, unit: 'year' }, modelTimeUnit: 'year', step: 0.5 })).toThrow(/step/);
  });

  it('uses each customer\'s own margin (profit / revenue) when their summary carries cost', () => {
    const r = predictClv(steady(1), flatSpend(10), [summaryWith(1, 100, 60), summaryWith(2, 100, null), summaryWith(3, 0, 0)], {
      asOf: '2024-02-26',
      horizon: { amount: 2, unit: 'week' },
      margin: 0.25,
    });
    expect(Array.from(r.margin)).toEqual([0.4, 0.25, 0.25]);
    expect(r.clv[0]).toBeCloseTo(0.4 * 10 * 2, 12);
  });

  it('handles no customers and a zero horizon', () => {
    expect(predictClv(steady(1), flatSpend(1), [], { asOf: '2024-01-01', horizon: { amount: 1, unit: 'year' } }).total).toBe(0);
    const zero = predictClv(steady(1), flatSpend(1), one, { asOf: '2024-01-01', horizon: { amount: 0, unit: 'year' } });
    expect(zero.clv[0]).toBe(0);
    expect(zero.steps).toBe(0);
  });

  it('rejects invalid options', () => {
    const base = { asOf: '2024-01-01', horizon: { amount: 1, unit: 'year' as const } };
    expect(() => predictClv(steady(1), flatSpend(1), one, { ...base, asOf: '2024-13-01' })).toThrow(/asOf/);
    expect(() => predictClv(steady(1), flatSpend(1), one, { ...base, horizon: { amount: 1.5, unit: 'month' } })).toThrow(/horizon/);
    expect(() => predictClv(steady(1), flatSpend(1), one, { ...base, discountRate: { rate: -0.1, per: 'year' } })).toThrow(/discountRate/);
    expect(() => predictClv(steady(1), flatSpend(1), one, { ...base, margin: 2 })).toThrow(/margin/);
    expect(() => predictClv(steady(1), flatSpend(1), [{ ...one[0]!, margin: Number.NaN }], base)).toThrow(/row 0, margin/);
    expect(() => predictClv(steady(1), flatSpend(1), one, { ...base, step: 0 })).toThrow(/step/);
  });

  it('never returns NaN or Infinity for valid customers (property, BG/NBD x Gamma-Gamma)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        (x, u, T, m) => {
          const recency = x === 0 ? 0 : u * T;
          const r = predictClv(bgNbdPaper, gg, [{ purchase: { frequency: x, recency, T }, spend: { frequency: x, monetaryValue: m } }], {
            asOf: '2024-01-01',
            horizon: { amount: 2, unit: 'year' },
            discountRate: { rate: 0.08, per: 'year' },
            step: 4,
          });
          expect(Number.isFinite(r.clv[0]!)).toBe(true);
          expect(r.clv[0]!).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
