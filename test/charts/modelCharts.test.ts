import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  calibrationAndHoldout,
  calibrationAndHoldoutColumns,
  calibrationVsHoldout,
  compareHoldoutByFrequency,
  countPurchasesByPeriod,
  frequencyRecencyMatrix,
  InvalidInputError,
  parseTransactions,
  periodTransactions,
  probabilityAliveMatrix,
  repeatPurchaseDays,
  repeatPurchaseTracking,
  trackRepeatPurchases,
  dayFromIso,
} from '../../src/index.js';
import { cdnowSampleRows, readSharedCsv, referenceValue } from '../helpers/sharedData.js';

// Reference: reference-values.json rfm.cdnow.aggregates (BTYD vignette: customers per
// calibration frequency, mean holdout purchases printed to 3 dp, weekly repeat purchases) and
// btyd/cdnowSummary_cu_tracking.csv; FHL 2005 BG/NBD estimates for the CDNOW sample.
const agg = referenceValue('rfm.cdnow.aggregates').expected as {
  bin_sizes: number[];
  holdout_mean_by_bin: number[];
  weekly_cum_repeat_weeks_20_25: number[];
  weekly_inc_repeat_weeks_20_25: number[];
  cu_tracking_78_weeks_last: number;
};
const paper = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const { table } = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' });

describe('frequencyRecencyMatrix and probabilityAliveMatrix', () => {
  it('every cell is the model\'s own expectation / P(alive) at that history', () => {
    const opts = { maxFrequency: 30, T: 38.86, horizon: 39 };
    const m = frequencyRecencyMatrix(paper, opts);
    const p = probabilityAliveMatrix(paper, { maxFrequency: opts.maxFrequency, T: opts.T }); // horizon is not its option (unknown_option)
    expect(m.frequency).toHaveLength(20);
    expect(m.frequency[0]).toBe(0);
    expect(m.frequency.at(-1)).toBe(30);
    expect(m.recency[0]).toBe(0);
    expect(m.recency.at(-1)).toBe(38.86);
    m.frequency.forEach((x, i) =>
      m.recency.forEach((t, j) => {
        const c = { frequency: x, recency: x === 0 ? 0 : t, T: 38.86 };
        expect(m.values[i]![j]).toBe(paper.expectedPurchases(39, c));
        expect(p.values[i]![j]).toBe(paper.probabilityAlive(c));
      }),
    );
    // Customers without repeats: one value whatever the column; P(alive) = 1 under BG/NBD.
    expect(new Set(m.values[0]).size).toBe(1);
    expect(p.values[0]!.every((v) => v === 1)).toBe(true);
    // More recent histories are more likely alive (FHL 2005, figure 3).
    for (let i = 1; i < p.frequency.length; i++) for (let j = 1; j < p.recency.length; j++) expect(p.values[i]![j]!).toBeGreaterThanOrEqual(p.values[i]![j - 1]!);
  });

  it('uses whole frequencies 0..max when they fit, and rejects bad grids', () => {
    expect(probabilityAliveMatrix(paper, { maxFrequency: 3, T: 10 }).frequency).toEqual([0, 1, 2, 3]);
    for (const bad of [{ maxFrequency: 0, T: 1 }, { maxFrequency: 2.5, T: 1 }, { maxFrequency: 3, T: 0 }, { maxFrequency: 3, T: NaN }, { maxFrequency: 3, T: 1, recencySteps: 1 }]) {
      expect(() => probabilityAliveMatrix(paper, bad)).toThrow(InvalidInputError);
    }
    expect(() => frequencyRecencyMatrix(paper, { maxFrequency: 3, T: 1, horizon: -1 })).toThrow(InvalidInputError);
  });

  it('property: rows ascending, unique, within 0..maxFrequency; columns span 0..T', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.integer({ min: 2, max: 40 }), (maxFrequency, T, steps) => {
        const m = probabilityAliveMatrix(paper, { maxFrequency, T, frequencySteps: steps, recencySteps: steps });
        expect(m.frequency[0]).toBe(0);
        expect(m.frequency.at(-1)).toBe(maxFrequency);
        for (let i = 1; i < m.frequency.length; i++) expect(m.frequency[i]!).toBeGreaterThan(m.frequency[i - 1]!);
        expect(m.recency.at(-1)).toBe(T);
        for (const row of m.values) for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('calibrationVsHoldout on CDNOW', () => {
  const split = calibrationAndHoldoutColumns(table, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' });
  const result = calibrationVsHoldout(paper, { calibration: split.columns.btyd, holdoutPurchases: split.holdout.frequency, holdoutLength: split.duration });

  it('reproduces the BTYD bins and holdout means (tolerance 0.0005, the vignette\'s 3 dp)', () => {
    expect(result.buckets.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(result.buckets.map((b) => b.customers)).toEqual(agg.bin_sizes);
    result.buckets.forEach((b, i) => expect(Math.abs(b.actualMean - agg.holdout_mean_by_bin[i]!), b.label).toBeLessThanOrEqual(0.0005));
    expect(result.total.actual).toBe(1882);
    expect(split.duration).toBe(39);
  });

  it('equals compareHoldoutByFrequency on the same split (object path), to 1e-12', () => {
    const objects = compareHoldoutByFrequency(paper, calibrationAndHoldout(table, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' }).customers);
    result.buckets.forEach((b, i) => {
      const o = objects.buckets[i]!;
      expect(b.customers).toBe(o.customers);
      expect(b.actualMean).toBe(o.actualMean);
      expect(Math.abs(b.expectedMean - o.expectedMean)).toBeLessThan(1e-12);
    });
    expect(Math.abs(result.error.rmse - objects.error.rmse)).toBeLessThan(1e-12);
  });

  it('rejects columns of different lengths and negative purchases, and does not change its input', () => {
    const calibration = { frequency: Float64Array.of(1, 2), recency: Float64Array.of(1, 2), T: Float64Array.of(3, 3) };
    expect(() => calibrationVsHoldout(paper, { calibration, holdoutPurchases: [1], holdoutLength: 1 })).toThrow(InvalidInputError);
    expect(() => calibrationVsHoldout(paper, { calibration, holdoutPurchases: [1, -1], holdoutLength: 1 })).toThrow(/holdoutPurchases/);
    expect(() => calibrationVsHoldout(paper, { calibration, holdoutPurchases: [1, 1], holdoutLength: 0 })).toThrow(InvalidInputError);
    const before = Array.from(calibration.frequency);
    calibrationVsHoldout(paper, { calibration, holdoutPurchases: [1, 1], holdoutLength: 1 });
    expect(Array.from(calibration.frequency)).toEqual(before);
  });
});

describe('periodTransactions', () => {
  const split = calibrationAndHoldoutColumns(table, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' });
  const c = split.columns.btyd;
  const bars = periodTransactions(paper, c);

  it('observed bars count the customers per calibration frequency (the BTYD bins on CDNOW)', () => {
    expect(bars.map((b) => b.actual)).toEqual(agg.bin_sizes);
  });

  it('expected bars are the sum over customers of P(X(T_i) = x), the open bar the rest (1e-9)', () => {
    for (let x = 0; x < 7; x++) {
      let sum = 0;
      for (let i = 0; i < c.T.length; i++) sum += paper.purchaseProbability(x, c.T[i]!);
      expect(Math.abs(bars[x]!.expected - sum)).toBeLessThan(1e-9);
    }
    expect(Math.abs(bars.reduce((s, b) => s + b.expected, 0) - c.T.length)).toBeLessThan(1e-9);
    // With the published fit the model matches the observed counts closely (FHL 2005): within 5% for x = 0 and 1.
    expect(Math.abs(bars[0]!.expected / bars[0]!.actual - 1)).toBeLessThan(0.05);
    expect(Math.abs(bars[1]!.expected / bars[1]!.actual - 1)).toBeLessThan(0.1);
  });

  it('handles empty input, T = 0 and rejects bad values', () => {
    const empty = periodTransactions(paper, { frequency: new Float64Array(0), recency: new Float64Array(0), T: new Float64Array(0) }, { censorAt: 2 });
    expect(empty.map((b) => [b.actual, b.expected])).toEqual([[0, 0], [0, 0], [0, 0]]);
    const justNow = periodTransactions(paper, { frequency: Float64Array.of(0), recency: Float64Array.of(0), T: Float64Array.of(0) }, { censorAt: 1 });
    expect(justNow.map((b) => b.expected)).toEqual([1, 0]);
    expect(() => periodTransactions(paper, { frequency: Float64Array.of(-1), recency: Float64Array.of(0), T: Float64Array.of(1) })).toThrow(InvalidInputError);
    expect(() => periodTransactions(paper, c, { censorAt: 0 })).toThrow(InvalidInputError);
  });
});

describe('repeatPurchaseTracking on CDNOW', () => {
  const t = repeatPurchaseTracking(table, paper, { timeUnit: 'week', origin: '1997-01-01', end: '1998-06-30', calibrationEnd: '1997-09-30' });

  it('observed weekly repeat purchases equal the BTYD tracking data in every one of the 78 weeks', () => {
    const cu = readSharedCsv('btyd/cdnowSummary_cu_tracking.csv').map((r) => Number(r['cum_repeat_transactions']));
    expect(t.periodEnd).toHaveLength(78);
    expect(Array.from(t.actualCumulative)).toEqual(cu);
    expect(Array.from(t.actualCumulative.slice(19, 25))).toEqual(agg.weekly_cum_repeat_weeks_20_25);
    expect(Array.from(t.actualIncremental.slice(19, 25))).toEqual(agg.weekly_inc_repeat_weeks_20_25);
    expect(t.actualCumulative[77]).toBe(agg.cu_tracking_78_weeks_last);
    expect(t.calibrationEnd).toBeCloseTo(272 / 7, 12);
  });

  it('the expected curve is trackRepeatPurchases on the first-purchase weeks, bit for bit', () => {
    const origin = dayFromIso('1997-01-01');
    const { firstPurchaseDay, repeatDays } = repeatPurchaseDays(table);
    const direct = trackRepeatPurchases(paper, {
      firstPurchaseTimes: Array.from(firstPurchaseDay, (d) => (d - origin) / 7),
      actual: countPurchasesByPeriod(Array.from(repeatDays, (d) => (d - origin) / 7), { periods: 78 }),
    });
    expect(Array.from(t.expectedCumulative)).toEqual(Array.from(direct.expectedCumulative));
    expect(Array.from(t.actualIncremental)).toEqual(Array.from(direct.actualIncremental));
    expect(t.cumulativeError).toEqual(direct.cumulativeError);
    // FHL 2005 figure 2: the published BG/NBD tracks the 78 weeks within 5%.
    expect(Math.abs(t.expectedCumulative[77]! / agg.cu_tracking_78_weeks_last - 1)).toBeLessThan(0.05);
  });

  it('property: the same series as repeatPurchaseDays + countPurchasesByPeriod + trackRepeatPurchases on any table', () => {
    const row = fc.record({ customerId: fc.integer({ min: 1, max: 30 }), day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 120 }), (input) => {
        const rows = input.map((r) => ({ customerId: r.customerId, date: new Date(Date.UTC(2024, 0, 1 + r.day)).toISOString().slice(0, 10), amount: r.amount }));
        const tbl = parseTransactions(rows).table;
        const days = Array.from(tbl.day);
        const lo = Math.min(...days);
        const hi = Math.max(...days);
        if (hi === lo) return;
        const t = repeatPurchaseTracking(tbl, paper, { timeUnit: 'week' });
        const { firstPurchaseDay, repeatDays } = repeatPurchaseDays(tbl);
        const periods = Math.ceil((hi - lo) / 7 - 1e-9);
        const direct = trackRepeatPurchases(paper, {
          firstPurchaseTimes: Array.from(firstPurchaseDay, (d) => (d - lo) / 7),
          actual: countPurchasesByPeriod(Array.from(repeatDays, (d) => (d - lo) / 7), { periods }),
        });
        expect(Array.from(t.actualIncremental)).toEqual(Array.from(direct.actualIncremental));
        expect(Array.from(t.expectedCumulative)).toEqual(Array.from(direct.expectedCumulative));
      }),
      { numRuns: 60 },
    );
  });

  it('defaults to the table\'s first and last days and counts weeks of 7 days for a daily model', () => {
    const d = repeatPurchaseTracking(table, paper, { timeUnit: 'day' });
    expect(d.origin).toBe('1997-01-01');
    expect(d.periodLength).toBe(7);
    expect(Array.from(d.actualCumulative)).toEqual(Array.from(t.actualCumulative));
    expect(() => repeatPurchaseTracking(table, paper, { origin: '1998-07-01' })).toThrow(InvalidInputError);
  });
});
