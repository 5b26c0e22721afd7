import { describe, expect, it } from 'vitest';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import { summarizeCustomers } from '../../src/summary/summarizeCustomers.js';
import { parseTransactions } from '../../src/transactions/parseTransactions.js';
import { cdnowMasterRows, cdnowSampleIds } from './loadData.js';

// CDNOW master file: 23,570 customers, all 78 weeks, as of 1998-06-30.
// The distributions are the ones printed in docs/loyalty.md.
const { table } = parseTransactions(cdnowMasterRows(), { dateFormat: 'yyyyMMdd' });

function tally(xs: readonly (string | number)[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of xs) m[String(x)] = (m[String(x)] ?? 0) + 1;
  return m;
}

describe('CDNOW', () => {
  const { customers, excluded } = deriveBehaviourSignals(table, { asOf: '1998-06-30' });

  it('reproduces the published calibration counts of the 1/10 sample (README: 2,457 repeat purchases, 1,411 with none)', () => {
    const sample = cdnowSampleIds();
    const cal = deriveBehaviourSignals(table, { asOf: '1997-09-30' }).customers.filter((c) => sample.has(c.customerId as number));
    expect(cal).toHaveLength(2357);
    expect(cal.reduce((s, c) => s + c.behaviour.purchases - 1, 0)).toBe(2457);
    expect(cal.filter((c) => c.behaviour.purchases === 1)).toHaveLength(1411);
  });

  it('agrees with summarizeCustomers on every customer (purchases = x + 1, tenure = T, recency gap = T - t_x, spend)', () => {
    const s = summarizeCustomers(table, { asOf: '1998-06-30', timeUnit: 'day' }).customers;
    expect(customers).toHaveLength(s.length);
    const bad: string[] = [];
    customers.forEach((c, i) => {
      const y = s[i]!;
      const b = c.behaviour;
      if (c.customerId !== y.customerId) bad.push(`order ${i}`);
      if (b.purchases !== y.btyd.frequency + 1) bad.push(`${c.customerId} purchases`);
      if (b.tenureDays !== y.btyd.T) bad.push(`${c.customerId} tenure`);
      if (b.daysSinceLastPurchase !== y.btyd.T - y.btyd.recency) bad.push(`${c.customerId} since`);
      if (Math.abs(b.totalSpend! - y.revenue) > 1e-9 * Math.max(1, y.revenue)) bad.push(`${c.customerId} spend`);
    });
    expect(bad).toEqual([]);
  });

  it('distribution of pyramid levels, behavioural quadrants and types (transactions only)', () => {
    expect(customers).toHaveLength(23570);
    expect(excluded).toEqual({ rowsAfterAsOf: 0, customersWithoutPurchase: 0 });
    const p = customers.map((c) => classifyPyramid(c));
    const t = customers.map((c) => classifyLoyaltyType(c));
    expect(tally(p.map((r) => r.level))).toEqual({ 1: 13947, 2: 7159, 3: 2464 });
    expect(tally(t.map((r) => r.quadrant))).toEqual({ none: 13459, true: 4357, latent: 4828, spurious: 926 });
    expect(tally(t.map((r) => r.type))).toEqual({ none: 13459, true: 4357, latent: 4828, inertia: 926 });
    // No promo or discount columns, no survey, no context.
    expect(new Set(p.map((r) => r.confidence))).toEqual(new Set([0.4]));
    expect(tally(customers.map((c) => String(c.behaviour.purchases === 1)))).toEqual({ true: 12054, false: 11516 });
  });
});
