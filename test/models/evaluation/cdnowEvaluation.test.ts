import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { compareHoldoutByFrequency } from '../../../src/models/evaluation/compareHoldoutByFrequency.js';
import { countPurchasesByPeriod } from '../../../src/models/evaluation/countPurchasesByPeriod.js';
import { repeatPurchaseDays } from '../../../src/models/evaluation/repeatPurchaseDays.js';
import { trackRepeatPurchases } from '../../../src/models/evaluation/trackRepeatPurchases.js';
import { calibrationAndHoldout } from '../../../src/summary/calibrationAndHoldout.js';
import { dayFromIso } from '../../../src/time/days.js';
import { parseTransactions } from '../../../src/transactions/parseTransactions.js';
import { cdnowSampleRows, readSharedCsv, referenceValue } from '../../helpers/sharedData.js';

// Reference: reference-values.json rfm.cdnow.aggregates (BTYD vignette comp and tracking tables,
// printed to 3 dp, tolerance 0.0005) and btyd/cdnowSummary_cu_tracking.csv.
const agg = referenceValue('rfm.cdnow.aggregates').expected as {
  bin_sizes: number[];
  holdout_mean_by_bin: number[];
  weekly_cum_repeat_weeks_20_25: number[];
  weekly_inc_repeat_weeks_20_25: number[];
  cu_tracking_78_weeks_last: number;
};
// FHL 2005 published estimates (reference-values.json bgnbd.cdnow.params_paper).
const bgNbdPaper = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const { table } = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' });
const origin = dayFromIso('1997-01-01');

describe('calibration versus holdout by frequency on CDNOW', () => {
  const cbs = readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({
    calibration: { frequency: Number(r['x']), recency: Number(r['t.x']), T: Number(r['T.cal']) },
    holdoutPurchases: Number(r['x.star']),
    holdoutLength: 39,
  }));

  it('reproduces the BTYD bin sizes and actual holdout means (0..6, 7+) from the cbs rows', () => {
    const result = compareHoldoutByFrequency(bgNbdPaper, cbs);
    expect(result.buckets.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(result.buckets.map((b) => b.customers)).toEqual(agg.bin_sizes);
    result.buckets.forEach((b, i) => {
      expect(Math.abs(b.actualMean - agg.holdout_mean_by_bin[i]!), `bin ${b.label}: ${b.actualMean}`).toBeLessThanOrEqual(0.0005);
    });
    expect(result.total.actual).toBe(1882);
  });

  it('gives the same buckets from the summaries of calibrationAndHoldout', () => {
    const split = calibrationAndHoldout(table, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' });
    const fromSummaries = compareHoldoutByFrequency(bgNbdPaper, split.customers);
    const fromRows = compareHoldoutByFrequency(bgNbdPaper, cbs);
    expect(fromSummaries.buckets.map((b) => b.customers)).toEqual(agg.bin_sizes);
    fromSummaries.buckets.forEach((b, i) => {
      expect(b.actualMean).toBeCloseTo(fromRows.buckets[i]!.actualMean, 12);
      expect(Math.abs(b.expectedMean - fromRows.buckets[i]!.expectedMean)).toBeLessThan(1e-9);
    });
  });

  it('the expected side is the mean of the model\'s conditional expectations per bucket', () => {
    const result = compareHoldoutByFrequency(bgNbdPaper, cbs);
    let total = 0;
    const sums = new Array<number>(8).fill(0);
    for (const row of cbs) {
      const e = bgNbdPaper.expectedPurchases(39, row.calibration);
      total += e;
      sums[Math.min(row.calibration.frequency, 7)]! += e;
    }
    expect(Math.abs(result.total.expected - total)).toBeLessThan(1e-9);
    result.buckets.forEach((b, i) => expect(Math.abs(b.expectedMean - sums[i]! / agg.bin_sizes[i]!)).toBeLessThan(1e-12));
    // Expected means rise with calibration frequency (FHL 2005 figure 4).
    for (let i = 1; i < result.buckets.length; i++) expect(result.buckets[i]!.expectedMean).toBeGreaterThan(result.buckets[i - 1]!.expectedMean);
    expect(result.error.rmse).toBeGreaterThanOrEqual(result.error.mae);
  });
});

describe('tracking repeat purchases on CDNOW', () => {
  const { firstPurchaseDay, repeatDays } = repeatPurchaseDays(table);
  const repeatWeeks = Array.from(repeatDays, (d) => (d - origin) / 7);
  const firstWeeks = Array.from(firstPurchaseDay, (d) => (d - origin) / 7);
  const actualIncremental = countPurchasesByPeriod(repeatWeeks, { periods: 78 });

  it('actual weekly repeat purchases reproduce the BTYD tracking tables (weeks 20-25, 4,339 at week 78)', () => {
    const tracking = trackRepeatPurchases(bgNbdPaper, { firstPurchaseTimes: firstWeeks, actual: actualIncremental });
    expect(Array.from(tracking.actualCumulative.slice(19, 25))).toEqual(agg.weekly_cum_repeat_weeks_20_25);
    expect(Array.from(tracking.actualIncremental.slice(19, 25))).toEqual(agg.weekly_inc_repeat_weeks_20_25);
    expect(tracking.actualCumulative[77]).toBe(agg.cu_tracking_78_weeks_last);
    const cu = readSharedCsv('btyd/cdnowSummary_cu_tracking.csv').map((r) => Number(r['cum_repeat_transactions']));
    expect(Array.from(tracking.actualCumulative)).toEqual(cu);
  });

  it('BG/NBD expected cumulative repeat purchases track the actual ones (FHL 2005 figure 2)', () => {
    const tracking = trackRepeatPurchases(bgNbdPaper, { firstPurchaseTimes: firstWeeks, actual: actualIncremental });
    // Calibration ends at week 39 (2,457 repeat purchases); the fitted model reproduces that total
    // closely and stays within a few per cent over the holdout weeks.
    expect(Math.abs(tracking.expectedCumulative[38]! / tracking.actualCumulative[38]! - 1)).toBeLessThan(0.05);
    expect(Math.abs(tracking.expectedCumulative[77]! / agg.cu_tracking_78_weeks_last - 1)).toBeLessThan(0.05);
    expect(tracking.incrementalError.rmse).toBeGreaterThanOrEqual(tracking.incrementalError.mae);
    // Expected cumulative is non-decreasing, incremental non-negative.
    for (let k = 0; k < 78; k++) expect(tracking.expectedIncremental[k]).toBeGreaterThanOrEqual(0);
  });

  it('accepts cumulative actuals and gives the same series', () => {
    const a = trackRepeatPurchases(bgNbdPaper, { firstPurchaseTimes: firstWeeks, actual: actualIncremental });
    const cu = readSharedCsv('btyd/cdnowSummary_cu_tracking.csv').map((r) => Number(r['cum_repeat_transactions']));
    const b = trackRepeatPurchases(bgNbdPaper, { firstPurchaseTimes: firstWeeks, actual: cu, actualKind: 'cumulative' });
    expect(Array.from(b.actualIncremental)).toEqual(Array.from(a.actualIncremental));
    expect(b.cumulativeError).toEqual(a.cumulativeError);
  });
});
