import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgBb } from '../../../src/models/bgbb/bgBb.js';
import { compareHoldoutByFrequency } from '../../../src/models/evaluation/compareHoldoutByFrequency.js';
import { countPurchasesByPeriod } from '../../../src/models/evaluation/countPurchasesByPeriod.js';
import { errorMetrics } from '../../../src/models/evaluation/errorMetrics.js';
import { trackRepeatPurchases } from '../../../src/models/evaluation/trackRepeatPurchases.js';
import { readSharedCsv } from '../../helpers/sharedData.js';

/** A Poisson purchase process of rate 0.5 per period: E[X(t)] = t / 2 (a hand-checkable model). */
const poisson = {
  expectedPurchasesNewCustomer: (t: number): number => 0.5 * t,
  expectedPurchases: (t: number, c: { frequency: number }): number => 0.5 * t * (1 + c.frequency),
};

describe('errorMetrics', () => {
  it('computes MAE and RMSE by hand', () => {
    const m = errorMetrics([1, 2, 3, 4], [2, 2, 1, 4]);
    expect(m.mae).toBe(3 / 4);
    expect(m.rmse).toBe(Math.sqrt(5 / 4));
    expect(errorMetrics([], [])).toEqual({ mae: 0, rmse: 0 });
  });
  it('rejects mismatched lengths and non-finite values', () => {
    expect(() => errorMetrics([1], [1, 2])).toThrow(InvalidInputError);
    expect(() => errorMetrics([Number.NaN], [1])).toThrow(/expected/);
  });
  it('RMSE >= MAE >= 0 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 })).map(([a, b]) => [a / 1000, b / 1000] as const), { minLength: 1 }), (pairs) => {
        const m = errorMetrics(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        expect(m.mae).toBeGreaterThanOrEqual(0);
        expect(m.rmse).toBeGreaterThanOrEqual(m.mae * (1 - 1e-12));
      }),
    );
  });
});

describe('countPurchasesByPeriod', () => {
  it('puts each time in [origin + (k-1) L, origin + k L) and ignores times outside', () => {
    expect(Array.from(countPurchasesByPeriod([-0.1, 0, 1.999, 2, 5.9, 6, 100], { periods: 3, periodLength: 2 }))).toEqual([2, 1, 1]);
    expect(Array.from(countPurchasesByPeriod([10, 10.5, 11], { periods: 2, origin: 10 }))).toEqual([2, 1]);
    expect(Array.from(countPurchasesByPeriod([], { periods: 2 }))).toEqual([0, 0]);
  });
  it('is order independent (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 50, noNaN: true })), (times) => {
        const a = countPurchasesByPeriod(times, { periods: 40 });
        const b = countPurchasesByPeriod([...times].reverse(), { periods: 40 });
        expect(Array.from(a)).toEqual(Array.from(b));
      }),
    );
  });
  it('rejects bad options and times', () => {
    expect(() => countPurchasesByPeriod([1], { periods: 0 })).toThrow(/options, periods/);
    expect(() => countPurchasesByPeriod([1], { periods: 2, periodLength: 0 })).toThrow(/periodLength/);
    expect(() => countPurchasesByPeriod([Number.POSITIVE_INFINITY], { periods: 2 })).toThrow(/times/);
  });
});

describe('trackRepeatPurchases', () => {
  it('sums E[X(t - s_i)] over customers who have started, by hand', () => {
    const r = trackRepeatPurchases(poisson, { firstPurchaseTimes: [0, 0, 1.5], actual: [1, 2, 2], periodLength: 1 });
    // ends 1, 2, 3: 2*0.5 = 1; 2*1 + 0.25 = 2.25; 2*1.5 + 0.75 = 3.75.
    expect(Array.from(r.expectedCumulative)).toEqual([1, 2.25, 3.75]);
    expect(Array.from(r.expectedIncremental)).toEqual([1, 1.25, 1.5]);
    expect(Array.from(r.actualCumulative)).toEqual([1, 3, 5]);
    expect(r.cumulativeError.mae).toBeCloseTo((0 + 0.75 + 1.25) / 3, 14);
    expect(Array.from(r.periodEnd)).toEqual([1, 2, 3]);
  });
  it('does not depend on the order of customers, and does not mutate inputs', () => {
    const firsts = [0, 3, 1, 1, 2.5];
    const actual = [0, 1, 1, 2];
    const a = trackRepeatPurchases(poisson, { firstPurchaseTimes: firsts, actual });
    const b = trackRepeatPurchases(poisson, { firstPurchaseTimes: [...firsts].reverse(), actual });
    expect(a).toEqual(b);
    expect(firsts).toEqual([0, 3, 1, 1, 2.5]);
  });
  it('works with a BG/BB model on whole opportunities (donations: 11,104 donors from opportunity 0)', () => {
    // FHS 2010 published estimates (reference-values.json bgbb.donations.params).
    const model = bgBb({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    const annual = readSharedCsv('btyd/donationsSummary_annual_trans.csv').map((r) => Number(r['transactions']));
    const r = trackRepeatPurchases(model, { firstPurchaseTimes: new Array(11_104).fill(0), actual: annual });
    expect(r.expectedIncremental[0]).toBeCloseTo(11_104 * model.expectedPurchasesNewCustomer(1), 9);
    // FHS 2010 figure 5: the model tracks the yearly totals of the 6 calibration years closely.
    for (let k = 0; k < 6; k++) expect(Math.abs(r.expectedIncremental[k]! / annual[k]! - 1)).toBeLessThan(0.05);
  });
  it('rejects a wrong number of actual values and bad times', () => {
    expect(() => trackRepeatPurchases(poisson, { firstPurchaseTimes: [0], actual: [1, 2], periods: 3 })).toThrow(/actual/);
    expect(() => trackRepeatPurchases(poisson, { firstPurchaseTimes: [Number.NaN], actual: [1] })).toThrow(/firstPurchaseTimes/);
    expect(() => trackRepeatPurchases(poisson, { firstPurchaseTimes: [0], actual: [] })).toThrow(/periods/);
    expect(() => trackRepeatPurchases(poisson, { firstPurchaseTimes: [0], actual: [1], actualKind: 'total' as never })).toThrow(/options, actualKind/);
  });
});

describe('compareHoldoutByFrequency', () => {
  it('buckets by calibration frequency with an open last bucket, keeping empty buckets', () => {
    const rows = [0, 0, 1, 4, 9, 12].map((x, i) => ({ calibration: { frequency: x }, holdoutPurchases: i, holdoutLength: 2 }));
    const r = compareHoldoutByFrequency(poisson, rows, { censorAt: 3 });
    expect(r.buckets.map((b) => [b.label, b.customers])).toEqual([
      ['0', 2],
      ['1', 1],
      ['2', 0],
      ['3+', 3],
    ]);
    expect(r.buckets[0]!.actualMean).toBe(0.5);
    expect(r.buckets[3]!.expectedMean).toBeCloseTo((5 + 10 + 13) / 3, 12);
    expect(r.buckets[2]!.actualMean).toBe(0);
    expect(r.total.actual).toBe(15);
  });
  it('handles no rows', () => {
    const r = compareHoldoutByFrequency(poisson, []);
    expect(r.buckets).toHaveLength(8);
    expect(r.error).toEqual({ mae: 0, rmse: 0 });
  });
  it('names the row and field of invalid holdout data', () => {
    const rows = [
      { calibration: { frequency: 1 }, holdoutPurchases: 1, holdoutLength: 2 },
      { calibration: { frequency: 1 }, holdoutPurchases: -1, holdoutLength: 2 },
    ];
    expect(() => compareHoldoutByFrequency(poisson, rows)).toThrow(/row 1, holdoutPurchases/);
    expect(() => compareHoldoutByFrequency(poisson, [], { censorAt: 0 })).toThrow(/censorAt/);
  });
});
