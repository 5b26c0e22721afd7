import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { fitBgBb } from '../../../src/models/bgbb/fitBgBb.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { simulateBgNbd } from '../../../src/models/bgnbd/simulateBgNbd.js';
import { fitGammaGamma } from '../../../src/models/gammagamma/fitGammaGamma.js';
import type { DiscreteCustomer } from '../../../src/models/types.js';
import { bootstrapFit } from '../../../src/models/uncertainty/bootstrapFit.js';
import { readSharedCsv } from '../../helpers/sharedData.js';
import { cdnowExact } from '../fit/sharedData.js';

const cdnow = cdnowExact();

describe('bootstrapFit', () => {
  const boot = bootstrapFit(fitBgNbd, cdnow, { draws: 100, seed: 11 });

  it('is seeded: the same seed gives the same draws bit for bit, another seed others', () => {
    const again = bootstrapFit(fitBgNbd, cdnow, { draws: 100, seed: 11 });
    expect(again.draws).toEqual(boot.draws);
    const other = bootstrapFit(fitBgNbd, cdnow, { draws: 100, seed: 12 });
    expect(other.draws[0]!.r).not.toBe(boot.draws[0]!.r);
  });

  it('keeps the full-data fit (the published CDNOW estimates) and brackets it', () => {
    expect(boot.params.r).toBeCloseTo(0.243, 3);
    expect(boot.params.alpha).toBeCloseTo(4.414, 2);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(boot.intervals[name].low).toBeLessThan(boot.params[name]);
      expect(boot.intervals[name].high).toBeGreaterThan(boot.params[name]);
    }
    expect(boot.failed).toBe(0);
    expect(boot.draws).toHaveLength(100);
    expect(boot.customers).toBe(2357);
  });

  it('spreads as the asymptotic standard errors say, for the well-identified r and alpha (within 35%)', () => {
    // Two independent routes to the sampling error: the bootstrap SD of the refits and the inverse
    // Hessian at the full fit. They agree to the bootstrap's own noise (100 draws: SD known to ~7%)
    // plus the curvature of the likelihood.
    for (const name of ['r', 'alpha'] as const) {
      const v = boot.draws.map((d) => d[name]);
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1));
      const se = boot.fit.standardErrors![name];
      expect(Math.abs(sd / se - 1), `${name}: bootstrap SD ${sd}, SE ${se}`).toBeLessThan(0.35);
    }
  });

  it('widens the interval as the level rises', () => {
    const wide = bootstrapFit(fitBgNbd, cdnow, { draws: 100, seed: 11, level: 0.98 });
    expect(wide.draws).toEqual(boot.draws);
    expect(wide.intervals.r.low).toBeLessThan(boot.intervals.r.low);
    expect(wide.intervals.r.high).toBeGreaterThan(boot.intervals.r.high);
  });

  it('resamples weighted rows as that many customers (BG/BB on the donations file)', () => {
    const rows = readSharedCsv('donations.csv');
    const customers: DiscreteCustomer[] = rows.map((r) => ({ frequency: Number(r['frequency']), recency: Number(r['recency']), periods: Number(r['periods']) }));
    const weights = rows.map((r) => Number(r['weights']));
    const b = bootstrapFit(fitBgBb, customers, { draws: 20, seed: 3, weights });
    expect(b.customers).toBe(11104);
    expect(b.params.alpha).toBeCloseTo(1.204, 2);
    expect(b.intervals.alpha.low).toBeLessThan(1.204);
    expect(b.intervals.alpha.high).toBeGreaterThan(1.204);
  });

  it('takes summaries: a purchase-model and a spend-model bootstrap of the same customers', () => {
    const summaries = readSharedCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({
      btyd: { frequency: Number(r['x']), recency: Number(r['t_x']), T: Number(r['T']), monetaryValue: Number(r['zbar']) },
    }));
    const spend = bootstrapFit(fitGammaGamma, summaries, { draws: 20, seed: 5 });
    expect(spend.params.p).toBeCloseTo(6.25, 1);
    expect(spend.draws).toHaveLength(20);
  });

  it('counts refits that fail and leaves them out', () => {
    // One repeat buyer among 30: many resamples draw nobody who repeats, and the fit refuses them.
    const few = [{ frequency: 3, recency: 20, T: 30 }, ...Array.from({ length: 29 }, () => ({ frequency: 0, recency: 0, T: 30 }))];
    const b = bootstrapFit(fitBgNbd, few, { draws: 40, seed: 1 });
    expect(b.failed).toBeGreaterThan(0);
    expect(b.draws.length + b.failed).toBe(40);
  });

  it('does not mutate its input, and the order of customers changes nothing but the stream', () => {
    const input = simulateBgNbd({ r: 0.3, alpha: 5, a: 0.8, b: 2.5 }, { customers: 500, T: 39, seed: 2 });
    const copy = structuredClone(input);
    bootstrapFit(fitBgNbd, input, { draws: 5 });
    expect(input).toEqual(copy);
  });

  it('gives the same draws for the same customers as columns as for objects (one resample stream over the rows)', () => {
    const input = cdnow.slice(0, 800);
    const columns = {
      frequency: Float64Array.from(input, (c) => c.frequency),
      recency: Float64Array.from(input, (c) => c.recency),
      T: Float64Array.from(input, (c) => c.T),
    };
    const a = bootstrapFit(fitBgNbd, input, { draws: 10, seed: 4 });
    const b = bootstrapFit(fitBgNbd, columns, { draws: 10, seed: 4 });
    expect(b.draws).toEqual(a.draws);
  });

  it('pairs the resamples of two bootstraps of the same customers and seed, whatever fields each fit reads', () => {
    // Purchase histories (x, t_x, T) and spend histories (x, z̄) of the same 300 customers group
    // into different distinct rows; paired resamples still draw the same customers, so the
    // resampled total of repeat purchases Σ w·x is the same for both in every resample.
    const purchases = cdnow.slice(0, 300);
    const spends = purchases.map((c, i) => ({ frequency: c.frequency, monetaryValue: c.frequency > 0 ? 10 + (i % 7) : 0 }));
    const totals: number[][] = [[], []];
    const record = (k: 0 | 1, rows: readonly { frequency: number }[], weights: ArrayLike<number> | undefined): void => {
      if (weights === undefined) return;
      let sum = 0;
      for (let i = 0; i < rows.length; i++) sum += weights[i]! * rows[i]!.frequency;
      totals[k]!.push(sum);
    };
    const purchaseFit = (data: readonly { frequency: number; recency: number; T: number }[], options: { weights?: ArrayLike<number> }) => {
      record(0, data, options.weights);
      return fitBgNbd(data, options);
    };
    const spendFit = (data: readonly { frequency: number; monetaryValue: number }[], options: { weights?: ArrayLike<number> }) => {
      record(1, data, options.weights);
      return fitGammaGamma(data, options);
    };
    bootstrapFit(purchaseFit, purchases, { draws: 5, seed: 9 });
    bootstrapFit(spendFit, spends, { draws: 5, seed: 9 });
    expect(totals[0]).toHaveLength(5);
    expect(totals[1]).toEqual(totals[0]);
    expect(new Set(totals[0]).size).toBeGreaterThan(1);
  });

  it('refuses invalid options', () => {
    expect(() => bootstrapFit(fitBgNbd, cdnow, { draws: 1 })).toThrow(InvalidInputError);
    expect(() => bootstrapFit(fitBgNbd, cdnow, { draws: 2.5 })).toThrow(/draws/);
    expect(() => bootstrapFit(fitBgNbd, cdnow, { level: 1 })).toThrow(/level/);
    expect(() => bootstrapFit(fitBgNbd, cdnow, { seed: Number.NaN })).toThrow(/seed/);
    expect(() => bootstrapFit(fitBgNbd, cdnow, { resample: 'rows' as never })).toThrow(/resample/);
    expect(() => bootstrapFit(fitBgNbd, [], { draws: 2 })).toThrow(InvalidInputError);
  });
});
