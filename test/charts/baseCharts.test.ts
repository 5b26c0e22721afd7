import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyValueLoyalty,
  clvByGroup,
  clvDistribution,
  InvalidInputError,
  lorenzCurve,
  loyaltyPyramid,
  loyaltyQuadrant,
  missingSignalShares,
  rfmGrid,
  scoreChanges,
  scoreCustomers,
  simulateTransactions,
  tierPyramid,
  tierReport,
  topCustomers,
  valueLoyaltyGroups,
} from '../../src/index.js';

// Every chart's numbers are recounted here from the customer objects of the same scoring (the
// library's per-customer results), not from the columns the chart functions read.
const rows = simulateTransactions({ customers: 1500, start: '2023-01-01', end: '2025-06-30', seed: 11 });
const scores = scoreCustomers(rows, { asOf: '2025-06-30' });
const customers = scores.customers;
const n = customers.length;
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe('tierPyramid and lorenzCurve', () => {
  it('each tier\'s customers, revenue and CLV equal the customers\' own numbers', () => {
    const p = tierPyramid(scores);
    const totalRevenue = sum(customers.map((c) => c.revenue));
    const totalClv = sum(customers.map((c) => c.clv));
    for (const level of p.levels) {
      const inTier = customers.filter((c) => c.tier === level.tier);
      expect(level.customers).toBe(inTier.length);
      expect(level.revenue).toBeCloseTo(sum(inTier.map((c) => c.revenue)), 6);
      expect(level.clv).toBeCloseTo(sum(inTier.map((c) => c.clv)), 6);
      expect(level.revenueShare).toBeCloseTo(level.revenue / totalRevenue, 12);
      expect(level.clvShare).toBeCloseTo(level.clv / totalClv, 12);
    }
    expect(p.levels.map((l) => l.customers)).toEqual([15, 60, 225, 1200]); // the 1/4/15/80 split
    expect(p.resourceTable.map((r) => [r.tier, r.customerShare, r.revenueShare])).toEqual([['A', 0.1, 0.7], ['B', 0.2, 0.2], ['C+D', 0.7, 0.1]]);
  });

  it('lorenzCurve is tierReport\'s curve and Gini', () => {
    const values = customers.map((c) => c.tierValue);
    const direct = tierReport(customers.map((c) => ({ customerId: c.customerId, rank: c.tierRank, percentile: 0, value: c.tierValue, tier: c.tier })));
    const curve = lorenzCurve(values);
    expect(curve.gini).toBe(direct.gini);
    expect(curve.points).toEqual(direct.lorenz);
    expect(() => lorenzCurve([1, NaN])).toThrow(InvalidInputError);
    expect(() => lorenzCurve([1], { points: 1 })).toThrow(InvalidInputError);
    expect(lorenzCurve([]).points.at(-1)).toEqual({ x: 1, y: 1 });
  });
});

describe('rfmGrid', () => {
  it('cells count customers by (R, F) with their mean monetary value; segments with mean CLV', () => {
    const g = rfmGrid(scores);
    expect(g.k).toBe(5);
    for (const cell of g.cells) {
      const inCell = customers.filter((c) => c.rScore === cell.r && c.fScore === cell.f);
      expect(cell.customers).toBe(inCell.length);
      if (inCell.length === 0) expect(cell.meanMonetary).toBeNull();
      else expect(cell.meanMonetary!).toBeCloseTo(sum(inCell.map((c) => c.rfm.monetary)) / inCell.length, 9);
      const bySegment = new Map<string, number>();
      for (const c of inCell) bySegment.set(c.rfmSegment!, (bySegment.get(c.rfmSegment!) ?? 0) + 1);
      if (inCell.length > 0) expect(bySegment.get(cell.segment!)).toBe(Math.max(...bySegment.values()));
    }
    expect(sum(g.segments.map((s) => s.customers))).toBe(n);
    for (const s of g.segments) {
      const inSegment = customers.filter((c) => c.rfmSegment === s.segment);
      expect(s.customers).toBe(inSegment.length);
      if (inSegment.length > 0) expect(s.meanClv!).toBeCloseTo(sum(inSegment.map((c) => c.clv)) / inSegment.length, 9);
    }
  });
});

describe('loyalty charts', () => {
  it('loyaltyPyramid and loyaltyQuadrant count the customers\' levels, quadrants and types', () => {
    for (const l of loyaltyPyramid(scores)) expect(l.customers).toBe(customers.filter((c) => c.pyramidLevel === l.level).length);
    for (const q of loyaltyQuadrant(scores)) {
      const inQ = customers.filter((c) => c.loyaltyQuadrant === q.quadrant);
      expect(q.customers).toBe(inQ.length);
      for (const t of q.types) expect(t.customers).toBe(inQ.filter((c) => c.loyaltyType === t.type).length);
      expect(sum(q.types.map((t) => t.customers))).toBe(inQ.length);
    }
  });

  it('valueLoyaltyGroups equals classifyValueLoyalty on every customer', () => {
    const groups = valueLoyaltyGroups(scores);
    for (const g of groups) {
      const inGroup = customers.filter((c) => classifyValueLoyalty({ value: { tier: c.tier }, loyalty: { level: c.pyramidLevel } }).group === g.group);
      expect(g.customers).toBe(inGroup.length);
      expect(g.clv).toBeCloseTo(sum(inGroup.map((c) => c.clv)), 6);
    }
    expect(sum(groups.map((g) => g.customers))).toBe(n);
  });

  it('missingSignalShares counts each customer\'s missing signals', () => {
    const m = missingSignalShares(scores);
    for (const s of m.signals) expect(s.customers).toBe(customers.filter((c) => c.missingSignals.includes(s.signal)).length);
    expect(m.customersMissingAny).toBe(customers.filter((c) => c.missingSignals.length > 0).length);
    expect(m.meanConfidence).toBeCloseTo(sum(customers.map((c) => c.loyaltyConfidence)) / n, 12);
  });
});

describe('value charts', () => {
  it('clvByGroup and topCustomers equal the customers\' CLV', () => {
    for (const g of clvByGroup(scores, 'tier')) expect(g.totalClv).toBeCloseTo(sum(customers.filter((c) => c.tier === g.group).map((c) => c.clv)), 6);
    for (const g of clvByGroup(scores, 'segment')) expect(g.customers).toBe(customers.filter((c) => c.rfmSegment === g.group).length);
    const sorted = [...customers].sort((a, b) => b.clv - a.clv || a.tierRank - b.tierRank);
    expect(topCustomers(scores, 12).map((c) => c.customerId)).toEqual(sorted.slice(0, 12).map((c) => c.customerId));
    expect(topCustomers(scores, 0)).toEqual([]);
    expect(topCustomers(scores, n + 5)).toHaveLength(n);
    expect(() => topCustomers(scores, -1)).toThrow(InvalidInputError);
    expect(() => clvByGroup(scores, 'x' as 'tier')).toThrow(InvalidInputError);
  });

  it('property: clvDistribution bins are contiguous and hold every value once', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 1e6, noNaN: true }), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (values, bins, clip) => {
        const out = clvDistribution(values, { bins, clip });
        expect(sum(out.map((b) => b.customers))).toBe(values.length);
        for (let i = 1; i < out.length; i++) expect(out[i]!.from).toBeCloseTo(out[i - 1]!.to, 9);
        expect(out.length).toBeLessThanOrEqual(bins + 1);
        expect(out.at(-1)!.to).toBe(Infinity);
      }),
      { numRuns: 100 },
    );
    // Subnormal tops (found by the property): no round width is representable, so one bin.
    for (const [values, bins] of [[[3e-323], 5], [[5e-324], 1], [[1e-320, 2e-321], 30], [[1e-310], 7]] as const) {
      const out = clvDistribution(values, { bins, clip: 0.01 });
      expect(out.length).toBeLessThanOrEqual(bins + 1);
      expect(sum(out.map((b) => b.customers))).toBe(values.length);
    }
    expect(() => clvDistribution([1, Infinity])).toThrow(InvalidInputError);
    expect(() => clvDistribution([1], { bins: 0 })).toThrow(InvalidInputError);
  });

  it('the chart functions do not change the scoring', () => {
    const clv = Array.from(scores.columns.clv);
    const tier = Array.from(scores.columns.tiers.tier);
    tierPyramid(scores);
    rfmGrid(scores);
    topCustomers(scores, 5);
    clvDistribution(scores.columns.clv);
    expect(Array.from(scores.columns.clv)).toEqual(clv);
    expect(Array.from(scores.columns.tiers.tier)).toEqual(tier);
  });
});

describe('scoreChanges', () => {
  const before = scoreCustomers(rows, { asOf: '2025-01-31' });
  const changes = scoreChanges(before, scores);
  const earlier = new Map(before.customers.map((c) => [c.customerId, c]));

  it('the migration matrix counts customers by earlier and later tier', () => {
    for (const from of ['A', 'B', 'C', 'D'] as const) {
      for (const to of ['A', 'B', 'C', 'D'] as const) {
        expect(changes.migration.matrix[from][to]).toBe(customers.filter((c) => earlier.get(c.customerId)?.tier === from && c.tier === to).length);
      }
    }
    expect(changes.migration.newCustomers.length).toBe(customers.filter((c) => !earlier.has(c.customerId)).length);
  });

  it('RFM drops count customers whose R, F or M fell by 2 or more', () => {
    const both = customers.filter((c) => earlier.has(c.customerId));
    expect(changes.rfm.compared).toBe(both.length);
    expect(changes.rfm.drops.r).toBe(both.filter((c) => earlier.get(c.customerId)!.rScore - c.rScore >= 2).length);
    expect(changes.rfm.drops.m).toBe(both.filter((c) => earlier.get(c.customerId)!.mScore - c.mScore >= 2).length);
  });

  it('slipping away: high tiers before, P(alive) down by 0.1 or more, largest fall first', () => {
    const expected = customers
      .filter((c) => { const b = earlier.get(c.customerId); return b !== undefined && (b.tier === 'A' || b.tier === 'B') && b.pAlive - c.pAlive >= 0.1; })
      .map((c) => ({ id: c.customerId, drop: earlier.get(c.customerId)!.pAlive - c.pAlive, clv: earlier.get(c.customerId)!.clv }))
      .sort((a, b) => b.drop - a.drop || b.clv - a.clv)
      .map((c) => c.id);
    expect(changes.slippingAway.map((s) => s.customerId)).toEqual(expected.slice(0, 20));
    for (let i = 1; i < changes.slippingAway.length; i++) {
      const d = (s: (typeof changes.slippingAway)[number]) => s.pAliveBefore - s.pAliveAfter;
      expect(d(changes.slippingAway[i - 1]!)).toBeGreaterThanOrEqual(d(changes.slippingAway[i]!));
    }
    expect(() => scoreChanges(before, scores, { minDrop: 2 })).toThrow(InvalidInputError);
  });
});
