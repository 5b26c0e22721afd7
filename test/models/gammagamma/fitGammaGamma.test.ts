import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { fitGammaGamma } from '../../../src/models/gammagamma/fitGammaGamma.js';
import { gammaGamma } from '../../../src/models/gammagamma/gammaGamma.js';
import { simulateGammaGamma } from '../../../src/models/gammagamma/simulateGammaGamma.js';
import type { CustomerSummary } from '../../../src/summary/types.js';
import { readSharedCsv, referenceValue } from '../../helpers/sharedData.js';

// Reference: reference-values.json gg.cdnow.params (Fader & Hardie 2013 note 025, via lifetimes
// and CLVTools): p = 6.25, q = 3.74, gamma = 15.44 (2 decimals), CLVTools LL -4055.9177 on exact
// spends; README: LL -4055.92.
const ref = referenceValue('gg.cdnow.params').expected as { p: number; q: number; 'gamma(v)': number; clvtools_LL: number };
const published = { p: ref.p, q: ref.q, gamma: ref['gamma(v)'] };

/** zbar rounded to 2 decimals (cdnow_customers_summary_with_transactions.csv). */
function roundedSpends(): { frequency: number; monetaryValue: number }[] {
  return readSharedCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({ frequency: Number(r['x']), monetaryValue: Number(r['zbar']) }));
}
/** Exact mean spends m.x (btyd/cdnowSummary_cbs.csv). */
function exactSpends(): { frequency: number; monetaryValue: number }[] {
  return readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({ frequency: Number(r['x']), monetaryValue: Number(r['m.x']) }));
}

describe('fitGammaGamma on CDNOW', () => {
  it('on exact spends reproduces the published parameters to their 2 printed decimals and CLVTools\' LL within 0.01', () => {
    const fit = fitGammaGamma(exactSpends());
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    for (const k of ['p', 'q', 'gamma'] as const) {
      // Printed to 2 decimals: the exact value lies within half a unit of the last digit.
      expect(Math.abs(fit.params[k] - published[k]), `${k}: got ${fit.params[k]}, expected ${published[k]}`).toBeLessThanOrEqual(0.005);
    }
    expect(Math.abs(fit.logLikelihood - ref.clvtools_LL)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.01);
  });

  it('on 2-decimal spends matches lifetimes (|diff| < 0.015) and the README LL -4055.92 within 0.01', () => {
    const fit = fitGammaGamma(roundedSpends());
    expect(fit.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[k] - published[k])).toBeLessThan(0.015);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.01);
  });

  it('reports standard errors and agrees from several starting points', () => {
    const base = fitGammaGamma(exactSpends());
    expect(base.standardErrors).not.toBeNull();
    for (const start of [
      { p: 0.1, q: 20, gamma: 0.1 },
      { p: 30, q: 0.2, gamma: 100 },
      { p: 3, q: 3, gamma: 3 },
    ]) {
      const other = fitGammaGamma(exactSpends(), { start });
      expect(other.converged).toBe(true);
      expect(Math.abs(other.logLikelihood - base.logLikelihood)).toBeLessThan(1e-6);
      for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(other.params[k] - base.params[k]) / base.params[k]).toBeLessThan(1e-4);
    }
  });

  it('total log-likelihood equals the sum of the model\'s per-customer log-densities', () => {
    const data = exactSpends();
    const fit = fitGammaGamma(data);
    const sum = data.reduce((s, c) => s + fit.customerLogLikelihood(c), 0);
    expect(Math.abs(sum - fit.logLikelihood)).toBeLessThan(1e-8);
  });

  it('accepts customer summaries (btyd.frequency, btyd.monetaryValue) and gives the same fit', () => {
    const data = exactSpends();
    const summaries: CustomerSummary[] = data.map((c, i) => ({
      customerId: i + 1,
      firstPurchase: '1997-01-01',
      lastPurchase: '1997-01-01',
      revenue: 0,
      cost: null,
      profit: null,
      rfm: { recency: 0, frequency: c.frequency + 1, monetary: 0 },
      btyd: { frequency: c.frequency, recency: 0, T: 39, monetaryValue: c.monetaryValue },
    }));
    const a = fitGammaGamma(summaries);
    const b = fitGammaGamma(data);
    expect(a.params).toEqual(b.params);
  });

  it('does not mutate its input', () => {
    const data = exactSpends();
    const copy = structuredClone(data);
    fitGammaGamma(data);
    expect(data).toEqual(copy);
  });

  it('recovers simulated parameters (100k customers, within 4 standard errors)', () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const freqs = Array.from({ length: 100_000 }, (_, i) => 1 + (i % 10));
    const fit = fitGammaGamma(simulateGammaGamma(truth, freqs, { seed: 4 }));
    expect(fit.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });
});

describe('fitGammaGamma on large data (warm start from a 20,000-customer subsample)', () => {
  it('reaches the optimum of the plain fit in a few passes over the customers', () => {
    // 200k customers (above the 80k threshold): the warm start and its curvature are used. The
    // reference is the same likelihood fitted from the default start (no warm start), stopped at
    // a 100 times tighter gradient tolerance.
    const truth = { p: 6, q: 4, gamma: 15 };
    const freqs = Array.from({ length: 200_000 }, (_, i) => 1 + (i % 12));
    const data = simulateGammaGamma(truth, freqs, { seed: 11 });
    const warm = fitGammaGamma(data);
    const reference = fitGammaGamma(data, { start: { p: 1, q: 1, gamma: 1 }, gradientTolerance: 1e-10 });
    expect(warm.converged).toBe(true);
    expect(reference.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) {
      // Far inside the standard error (1e-4 of it) and within 1e-6 relative.
      expect(Math.abs(warm.params[k] - reference.params[k])).toBeLessThan(1e-4 * warm.standardErrors![k]);
      expect(Math.abs(warm.params[k] / reference.params[k] - 1)).toBeLessThan(1e-6);
    }
    expect(Math.abs(warm.logLikelihood - reference.logLikelihood)).toBeLessThan(1e-6);
    expect(warm.evaluations!).toBeLessThan(20);
    expect(warm.evaluations!).toBeLessThan(reference.evaluations!);
  });
});

describe('fitGammaGamma input checks', () => {
  it('throws a clear error when nobody has a repeat purchase', () => {
    const run = (): unknown => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }, { frequency: 0, monetaryValue: 12 }]);
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/nobody has a repeat purchase/);
    expect(() => fitGammaGamma([])).toThrow(InvalidInputError);
  });

  it('names the row and field of an invalid record', () => {
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 10 }, { frequency: 1, monetaryValue: Number.POSITIVE_INFINITY }])).toThrow(/row 1, monetaryValue/);
    expect(() => fitGammaGamma([{ frequency: -1, monetaryValue: 10 }])).toThrow(/row 0, frequency/);
    expect(() => fitGammaGamma([{ frequency: 1, monetaryValue: Number.NaN }])).toThrow(InvalidInputError);
  });
});

describe('gammaGamma', () => {
  const model = gammaGamma(published);

  it('expected average spend is the posterior mean p (γ + x z̄) / (p x + q − 1)', () => {
    expect(model.expectedAverageSpend({ frequency: 2, monetaryValue: 22.35 })).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1), 12);
    expect(model.expectedAverageSpend({ frequency: 0, monetaryValue: 0 })).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    const many = model.expectedAverageSpendMany([
      { frequency: 0, monetaryValue: 0 },
      { frequency: 3, monetaryValue: 40 },
    ]);
    expect(many[1]).toBe(model.expectedAverageSpend({ frequency: 3, monetaryValue: 40 }));
  });

  it('shrinks towards the customer\'s own mean as frequency grows (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (m, x) => {
        const e = model.expectedAverageSpend({ frequency: x, monetaryValue: m });
        const population = (6.25 * 15.44) / 2.74;
        expect(Number.isFinite(e)).toBe(true);
        // A weighted average of the population mean and m.
        expect(e).toBeGreaterThanOrEqual(Math.min(m, population) * (1 - 1e-12));
        expect(e).toBeLessThanOrEqual(Math.max(m, population) * (1 + 1e-12));
        expect(Number.isFinite(model.customerLogLikelihood({ frequency: x, monetaryValue: m }))).toBe(true);
      }),
    );
  });

  it('throws when the posterior mean does not exist (q <= 1 without repeat purchases)', () => {
    const heavy = gammaGamma({ p: 2, q: 0.8, gamma: 10 });
    expect(() => heavy.expectedAverageSpend({ frequency: 0, monetaryValue: 0 })).toThrow(/p \* frequency \+ q <= 1/);
    expect(Number.isFinite(heavy.expectedAverageSpend({ frequency: 1, monetaryValue: 5 }))).toBe(true);
    expect(() => gammaGamma({ p: 1, q: -1, gamma: 1 })).toThrow(/params, q/);
  });
});

describe('simulateGammaGamma', () => {
  it('is reproducible and averages to the population mean spend', () => {
    const a = simulateGammaGamma(published, [1, 2, 3], { seed: 2 });
    expect(simulateGammaGamma(published, [1, 2, 3], { seed: 2 })).toEqual(a);
    expect(gammaGamma(published).simulate([1, 2, 3], { seed: 2 })).toEqual(a);
    const many = simulateGammaGamma(published, new Array(200_000).fill(1), { seed: 8 });
    const mean = many.reduce((s, c) => s + c.monetaryValue, 0) / many.length;
    // Population mean p γ / (q − 1) = 35.22; the sd of one draw is about 36, so the SE is about 0.08.
    expect(Math.abs(mean - (6.25 * 15.44) / 2.74)).toBeLessThan(0.5);
  });
});

describe('fitGammaGamma: one maximum whatever the row order or grouping', () => {
  // BFGS alone stops within its gradient tolerance, up to ~1e-8 relative along the flat p–γ
  // ridge, at a point that depends on the path; the Newton steps after it reach the maximum.
  const spends = roundedSpends();
  const single = fitGammaGamma(spends);

  it('weighted distinct (x, z̄) rows in any order give the per-customer fit to 1e-10', () => {
    const groups = new Map<string, { frequency: number; monetaryValue: number; weight: number }>();
    for (const c of spends) {
      const key = `${c.frequency}|${c.monetaryValue}`;
      const g = groups.get(key);
      if (g) g.weight++;
      else groups.set(key, { ...c, weight: 1 });
    }
    const distinct = [...groups.values()];
    expect(distinct.length).toBeLessThan(spends.length);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: distinct.length, maxLength: distinct.length }), (keys) => {
        const order = distinct.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        const rows = order.map((i) => distinct[i]!);
        const fit = fitGammaGamma(rows, { weights: rows.map((r) => r.weight) });
        for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[k] / single.params[k] - 1), k).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 15 },
    );
  });

  it('the refined estimate has a smaller gradient than the BFGS one (standardErrors: false) and the same log-likelihood', () => {
    const raw = fitGammaGamma(spends, { standardErrors: false });
    expect(single.gradientNorm).toBeLessThan(raw.gradientNorm);
    expect(single.gradientNorm).toBeLessThanOrEqual(1e-12);
    expect(single.logLikelihood).toBeGreaterThanOrEqual(raw.logLikelihood - 1e-9);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(single.params[k] / raw.params[k] - 1), k).toBeLessThan(1e-6);
  });
});
