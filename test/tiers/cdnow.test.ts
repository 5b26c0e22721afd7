/**
 * The CDNOW whole-cohort worked example of docs/tiers.md and docs/rfm.md.
 *
 * Data: ../shared/data/CDNOW_master.txt, every purchase (Jan 1997 - Jun 1998, 78 weeks) of the
 * 23,570 customers who first bought at CDNOW in Q1 1997. Value = total dollar value per customer.
 * Expected figures were computed independently, in exact rational arithmetic (Python `fractions`,
 * integer cents per customer, ranks by cents descending then id), from the same file with the
 * documented rules; tolerances cover float summation only.
 *
 * The file's lines are split into rows here; `summarizeCustomers` (as-of 1998-06-30, days) builds
 * the summaries. A plain per-customer sum of the file's cents cross-checks the revenue totals.
 */
import { describe, expect, it } from 'vitest';
import { scoreRfm } from '../../src/rfm/scoreRfm.js';
import { scoreRfmColumns } from '../../src/rfm/scoreRfmColumns.js';
import { compareCustomerIds } from '../../src/summary/compareCustomerIds.js';
import { summarizeCustomers } from '../../src/summary/summarizeCustomers.js';
import type { CustomerSummary } from '../../src/summary/types.js';
import { assignTierColumns } from '../../src/tiers/assignTierColumns.js';
import { assignTiers } from '../../src/tiers/assignTiers.js';
import { tierReport } from '../../src/tiers/tierReport.js';
import { TIERS } from '../../src/tiers/types.js';
import { readShared } from '../helpers/sharedData.js';

function readCdnow(): { customers: CustomerSummary[]; centsById: Map<string, number> } {
  const text = readShared('CDNOW_master.txt');
  const rows: { customerId: string; date: string; amount: number }[] = [];
  const centsById = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i]!.trim().split(/\s+/);
    if (parts.length < 4) continue;
    const [customerId, date, , dollars] = parts as [string, string, string, string];
    rows.push({ customerId, date, amount: Number(dollars) });
    centsById.set(customerId, (centsById.get(customerId) ?? 0) + Math.round(Number(dollars) * 100));
  }
  const { customers } = summarizeCustomers(rows, { asOf: '1998-06-30', timeUnit: 'day', parse: { dateFormat: 'yyyyMMdd' } });
  return { customers, centsById };
}

describe('CDNOW whole cohort (23,570 customers, 78 weeks)', () => {
  const { customers, centsById } = readCdnow();

  it('has the documented cohort', () => {
    expect(customers).toHaveLength(23_570);
    for (const c of customers) expect(Math.abs(c.revenue - centsById.get(String(c.customerId))! / 100)).toBeLessThanOrEqual(1e-9);
    const total = [...centsById.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(250_031_563);
  });

  it('tiers by revenue: counts, revenue shares and Gini as in docs/tiers.md', () => {
    const tiers = assignTiers(customers);
    expect(tiers.quotas).toEqual({ A: 236, B: 943, C: 3535, D: 18856 });
    expect(tiers.counts).toEqual({ A: 236, B: 943, C: 3535, D: 18856 });
    const report = tierReport(tiers);
    const expected = [
      { tier: 'A', value: 396_944.17, share: 0.15875762453238754, mean: 1681.9668220338983 },
      { tier: 'B', value: 520_440.76, share: 0.20815002464308877, mean: 551.8990031813362 },
      { tier: 'C', value: 777_263.57, share: 0.3108661805229766, mean: 219.87654031117398 },
      { tier: 'D', value: 805_667.13, share: 0.3222261703015471, mean: 42.72736158252015 },
    ];
    expected.forEach((e, i) => {
      const row = report.tiers[i]!;
      expect(row.tier).toBe(e.tier);
      expect(Math.abs(row.value - e.value)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(row.valueShare - e.share)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(row.meanValue! - e.mean)).toBeLessThanOrEqual(1e-9);
    });
    // Gini, exact rational value 0.63457118458159...
    expect(Math.abs(report.gini - 0.6345711845815959)).toBeLessThanOrEqual(1e-12);
    // Lorenz curve: the poorest 50% / 80% / 95% / 99% hold these shares of revenue
    const at = (x: number): number => report.lorenz[Math.round(x * 100)]!.y;
    expect(Math.abs(at(0.5) - 0.10408712279257319)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at(0.8) - 0.3222261703015471)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at(0.95) - 0.6331685412053357)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at(0.99) - 0.8413526703426639)).toBeLessThanOrEqual(1e-12);
    expect(report.negativeCount).toBe(0);
  });

  it('splits the tie at the C/D boundary by customer id (or keeps it together on request)', () => {
    const tiers = assignTiers(customers);
    // ranks 4,714 and 4,715 share $133.95; the C quota ends at rank 4,714
    const boundary = tiers.customers.slice(4712, 4716).map((c) => [c.rank, c.customerId, c.value, c.tier]);
    expect(boundary).toEqual([
      [4713, '15288', 133.96, 'C'],
      [4714, '03770', 133.95, 'C'],
      [4715, '14704', 133.95, 'D'],
      [4716, boundary[3]![1], 133.89, 'D'],
    ]);
    const together = assignTiers(customers, { ties: 'together' });
    expect(together.counts).toEqual({ A: 236, B: 943, C: 3536, D: 18855 });
  });

  it('scores frequency: half the cohort bought once, so quantile F uses 4 scores and rank F uses 4 others', () => {
    const q = scoreRfm(customers);
    expect(q.frequency.thresholds).toEqual([1, 1, 2, 4]);
    expect(q.frequency.scoresUsed).toEqual([1, 3, 4, 5]);
    expect(q.frequency.counts).toEqual([11_908, 0, 4_079, 3_658, 3_925]);
    const r = scoreRfm(customers, { method: 'rank' });
    expect(r.frequency.scoresUsed).toEqual([2, 3, 4, 5]);
    expect(r.frequency.thresholds).toEqual([-Infinity, 1, 2, 3]);
    expect(r.frequency.counts).toEqual([0, 11_908, 4_079, 2_217, 5_366]);
    expect(q.segments.reduce((s, x) => s + x.count, 0)).toBe(23_570);
  });

  it('by column: the same tiers, counts and Gini, and the same RFM scores, for every customer', () => {
    // summarizeCustomers returns the customers in compareCustomerIds order, as the pipeline holds them
    for (let i = 1; i < customers.length; i++) expect(compareCustomerIds(customers[i - 1]!.customerId, customers[i]!.customerId)).toBeLessThan(0);
    const revenue = Float64Array.from(customers, (c) => c.revenue);
    const cols = assignTierColumns(revenue);
    expect(cols.quotas).toEqual({ A: 236, B: 943, C: 3535, D: 18856 });
    expect(cols.counts).toEqual({ A: 236, B: 943, C: 3535, D: 18856 });
    const tiers = assignTiers(customers);
    tiers.customers.forEach((a, p) => {
      const i = cols.order[p]!;
      expect(customers[i]!.customerId).toBe(a.customerId);
      expect([cols.rank[i], cols.tierAt(i), cols.percentileAt(i), revenue[i]]).toEqual([a.rank, a.tier, a.percentile, a.value]);
    });
    const report = tierReport(
      [...cols.order].map((i) => ({ customerId: customers[i]!.customerId, rank: cols.rank[i]!, percentile: cols.percentileAt(i), value: revenue[i]!, tier: TIERS[cols.tier[i]!]! })),
    );
    expect(Math.abs(report.gini - 0.6345711845815959)).toBeLessThanOrEqual(1e-12);
    expect(report).toEqual(tierReport(tiers));
    expect(assignTierColumns(revenue, { ties: 'together' }).counts).toEqual({ A: 236, B: 943, C: 3536, D: 18855 });

    const measures = {
      recency: Float64Array.from(customers, (c) => c.rfm.recency),
      frequency: Float64Array.from(customers, (c) => c.rfm.frequency),
      monetary: Float64Array.from(customers, (c) => c.rfm.monetary),
    };
    for (const method of ['quantile', 'rank'] as const) {
      const rfm = scoreRfmColumns(measures, { method });
      const obj = scoreRfm(customers, { method });
      expect(rfm.frequency).toEqual(obj.frequency);
      expect(rfm.recency).toEqual(obj.recency);
      expect(rfm.monetary).toEqual(obj.monetary);
      expect(rfm.segments).toEqual(obj.segments);
      obj.customers.forEach((c, i) => expect([rfm.r[i], rfm.f[i], rfm.m[i], rfm.cell(i), rfm.segment(i)]).toEqual([c.r, c.f, c.m, c.cell, c.segment]));
    }
    expect(scoreRfmColumns(measures).frequency.counts).toEqual([11_908, 0, 4_079, 3_658, 3_925]);
    expect(scoreRfmColumns(measures, { method: 'rank' }).frequency.counts).toEqual([0, 11_908, 4_079, 2_217, 5_366]);
  });
});
