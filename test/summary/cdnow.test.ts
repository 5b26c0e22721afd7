import { describe, expect, it } from 'vitest';
import { calibrationAndHoldout, parseTransactions, summarizeCustomers } from '../../src/index.js';
import { cdnowSampleRows, readSharedCsv, round2HalfUp } from '../helpers/sharedData.js';

// Reference: ../shared/data/README.md "How the CDNOW summary is built" and reference-values.json
// rfm.cdnow.summary_file, rfm.cdnow.summary_with_monetary_file, rfm.cdnow.aggregates.
const { table } = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' });

describe('CDNOW sample, weeks, calibration end 1997-09-30', () => {
  const { customers, excluded } = summarizeCustomers(table, { asOf: '1997-09-30', timeUnit: 'week' });
  const published = readSharedCsv('cdnow_customers_summary.csv');
  const withZbar = readSharedCsv('cdnow_customers_summary_with_transactions.csv');

  it('has the 2,357 customers of the published summary, in id order', () => {
    expect(customers).toHaveLength(2357);
    expect(customers.map((c) => c.customerId)).toEqual(published.map((r) => Number(r.ID)));
    expect(excluded.customersOnlyAfterAsOf).toBe(0);
  });

  it('matches every published row: frequency exact, recency and T within 0.005 weeks', () => {
    const mismatches: string[] = [];
    customers.forEach((c, i) => {
      const r = published[i]!;
      if (c.btyd.frequency !== Number(r.frequency)) mismatches.push(`${r.ID} frequency ${c.btyd.frequency} vs ${r.frequency}`);
      if (Math.abs(c.btyd.recency - Number(r.recency)) > 0.005) mismatches.push(`${r.ID} recency ${c.btyd.recency} vs ${r.recency}`);
      if (Math.abs(c.btyd.T - Number(r.T)) > 0.005) mismatches.push(`${r.ID} T ${c.btyd.T} vs ${r.T}`);
      // Rounded half-up to 2 dp, the published values are reproduced exactly.
      if (round2HalfUp(c.btyd.recency) !== Number(r.recency)) mismatches.push(`${r.ID} rounded recency`);
      if (round2HalfUp(c.btyd.T) !== Number(r.T)) mismatches.push(`${r.ID} rounded T`);
    });
    expect(mismatches).toEqual([]);
  });

  it('matches zbar, the mean repeat spend, for every customer (exact after half-up rounding)', () => {
    const mismatches: string[] = [];
    customers.forEach((c, i) => {
      const r = withZbar[i]!;
      if (round2HalfUp(c.btyd.monetaryValue) !== Number(r.zbar)) mismatches.push(`${r.ID}: ${c.btyd.monetaryValue} vs ${r.zbar}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('matches BTYD cdnowSummary$cbs unrounded (x, t.x, T.cal, m.x) to 1e-9', () => {
    const cbs = readSharedCsv('btyd/cdnowSummary_cbs.csv');
    let worst = 0;
    customers.forEach((c, i) => {
      const r = cbs[i]!;
      expect(c.btyd.frequency).toBe(Number(r.x));
      worst = Math.max(worst, Math.abs(c.btyd.recency - Number(r['t.x'])), Math.abs(c.btyd.T - Number(r['T.cal'])), Math.abs(c.btyd.monetaryValue - Number(r['m.x'])));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it('totals 2,457 repeat purchases and 1,411 customers without repeat', () => {
    expect(customers.reduce((s, c) => s + c.btyd.frequency, 0)).toBe(2457);
    expect(customers.filter((c) => c.btyd.frequency === 0)).toHaveLength(1411);
  });
});

describe('CDNOW calibration and holdout', () => {
  const result = calibrationAndHoldout(table, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' });
  const cbs = readSharedCsv('btyd/cdnowSummary_cbs.csv');

  it('holdout counts equal x.star for every customer; 1,882 in all', () => {
    expect(result.customers).toHaveLength(2357);
    expect(result.customers.map((c) => c.holdout.frequency)).toEqual(cbs.map((r) => Number(r['x.star'])));
    expect(result.customers.reduce((s, c) => s + c.holdout.frequency, 0)).toBe(1882);
    expect(result.customers[0]!.holdout.duration).toBeCloseTo(39, 12);
  });

  it('reproduces the calibration-frequency bins and holdout means of the BTYD vignette', () => {
    // reference-values.json rfm.cdnow.aggregates, printed to 3 dp (tolerance 0.0005).
    const sizes = new Array<number>(8).fill(0);
    const sums = new Array<number>(8).fill(0);
    for (const c of result.customers) {
      const b = Math.min(c.btyd.frequency, 7);
      sizes[b]!++;
      sums[b]! += c.holdout.frequency;
    }
    expect(sizes).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const means = [0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359];
    sums.forEach((s, b) => expect(Math.abs(s / sizes[b]! - means[b]!)).toBeLessThanOrEqual(0.0005));
  });
});
