import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { assignTiers } from '../../src/tiers/assignTiers.js';
import { tierReport } from '../../src/tiers/tierReport.js';
import type { TierAssignment } from '../../src/tiers/types.js';
import { makeSummary } from '../rfm/makeSummary.js';

const assignment = (value: number, i: number, tier: TierAssignment['tier'] = 'D'): TierAssignment => ({
  customerId: i + 1,
  rank: i + 1,
  percentile: 0,
  value,
  tier,
});

/** Gini by its definition: mean absolute difference over all ordered pairs, over twice the mean. O(n^2). */
function giniByPairs(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let sum = 0;
  for (const x of values) for (const y of values) sum += Math.abs(x - y);
  return sum / (2 * n * n * mean);
}

describe('tierReport', () => {
  it('runs the doc example (hand-computed: values 1, 2, 3, 4 give G = 0.25)', () => {
    // sorted 1,2,3,4; sum i*v = 30; G = 2*30/(4*10) - 5/4 = 0.25.
    // Pairs: sum |xi - xj| over ordered pairs = 20; 20 / (2 * 16 * 2.5) = 0.25.
    const report = tierReport([4, 3, 2, 1].map((v, i) => assignment(v, i, i === 0 ? 'A' : 'D')), { lorenzPoints: 'all' });
    expect(Math.abs(report.gini - 0.25)).toBeLessThanOrEqual(1e-12);
    expect(report.lorenz.map((p) => p.y)).toEqual([0, 0.1, 0.3, 0.6, 1]);
    expect(report.lorenz.map((p) => p.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(report.tiers[0]).toEqual({ tier: 'A', count: 1, customerShare: 0.25, value: 4, valueShare: 0.4, meanValue: 4 });
    expect(report.tiers[1]).toEqual({ tier: 'B', count: 0, customerShare: 0, value: 0, valueShare: 0, meanValue: null });
  });

  it('gives G = 1 - 1/N when one customer holds everything, and 0 when all are equal', () => {
    expect(tierReport([0, 5e-324].map((v, i) => assignment(v, i))).gini).toBe(0.5);
    expect(tierReport([0, 0, 0, 10].map((v, i) => assignment(v, i))).gini).toBeCloseTo(0.75, 14);
    expect(tierReport([5, 5, 5].map((v, i) => assignment(v, i))).gini).toBe(0);
  });

  it('matches the pairwise definition of the Gini coefficient and 1 - 2 x area under the Lorenz curve', () => {
    fc.assert(
      // zero or at least 1e-3: the O(n^2) reference loses subnormal means to underflow
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 60 }), (values) => {
        fc.pre(values.some((v) => v > 0));
        const report = tierReport(values.map((v, i) => assignment(v, i)), { lorenzPoints: 'all' });
        expect(report.gini).toBeCloseTo(giniByPairs(values), 9);
        let area = 0;
        for (let i = 1; i < report.lorenz.length; i++) {
          const a = report.lorenz[i - 1]!;
          const b = report.lorenz[i]!;
          area += ((b.x - a.x) * (a.y + b.y)) / 2;
        }
        expect(report.gini).toBeCloseTo(Math.max(0, 1 - 2 * area), 9);
        expect(report.gini).toBeGreaterThanOrEqual(0);
        expect(report.gini).toBeLessThanOrEqual(1 - 1 / values.length + 1e-12);
      }),
    );
  });

  it('samples the Lorenz curve at every percent by default, monotone from (0,0) to (1,1)', () => {
    const t = assignTiers(Array.from({ length: 1000 }, (_, i) => makeSummary(i, { revenue: (i + 1) ** 2 })));
    const report = tierReport(t);
    expect(report.lorenz).toHaveLength(101);
    expect(report.lorenz[0]).toEqual({ x: 0, y: 0 });
    expect(report.lorenz[100]).toEqual({ x: 1, y: 1 });
    for (let i = 1; i <= 100; i++) expect(report.lorenz[i]!.y).toBeGreaterThanOrEqual(report.lorenz[i - 1]!.y);
    // the poorest 50% (values 1..500 squared) hold sum(k^2, 1..500) / sum(k^2, 1..1000)
    const s = (m: number): number => (m * (m + 1) * (2 * m + 1)) / 6;
    expect(report.lorenz[50]!.y).toBeCloseTo(s(500) / s(1000), 12);
    expect(report.tiers.map((r) => r.count)).toEqual([10, 40, 150, 800]);
    expect(report.tiers.reduce((a, r) => a + r.valueShare, 0)).toBeCloseTo(1, 12);
  });

  it('counts negative values as 0 in the curve and Gini, but in the tier sums', () => {
    const report = tierReport([10, -4, 0].map((v, i) => assignment(v, i)));
    expect(report.negativeCount).toBe(1);
    expect(report.totalValue).toBe(6);
    expect(report.gini).toBeCloseTo(2 / 3, 14);
  });

  it('documents degenerate inputs: empty, all zero', () => {
    const empty = tierReport([]);
    expect(empty.gini).toBe(0);
    expect(empty.lorenz[0]).toEqual({ x: 0, y: 0 });
    expect(empty.tiers.every((r) => r.customerShare === 0 && r.meanValue === null)).toBe(true);
    const zeros = tierReport([0, 0].map((v, i) => assignment(v, i)), { lorenzPoints: 3 });
    expect(zeros.lorenz).toEqual([{ x: 0, y: 0 }, { x: 0.5, y: 0.5 }, { x: 1, y: 1 }]);
    expect(zeros.tiers[3]!.valueShare).toBe(0);
  });

  it('rejects invalid input', () => {
    expect(() => tierReport([assignment(NaN, 0)])).toThrow(InvalidInputError);
    expect(() => tierReport([{ ...assignment(1, 0), tier: 'E' as never }])).toThrow(/expected tier/);
    expect(() => tierReport([], { lorenzPoints: 1 })).toThrow(InvalidInputError);
    expect(() => tierReport({} as never)).toThrow(InvalidInputError);
  });
});

describe('tierReport: huge values', () => {
  it('keeps shares and Gini finite when sums would overflow', () => {
    const report = tierReport([1.7e308, 1.7e308, 1e308, 0].map((v, i) => assignment(v, i, i === 0 ? 'A' : 'D')));
    expect(report.gini).toBeCloseTo(giniByPairs([1.7, 1.7, 1, 0]), 12);
    expect(report.tiers[0]!.valueShare).toBeCloseTo(1.7 / 4.4, 12);
    expect(report.tiers[3]!.valueShare).toBeCloseTo(2.7 / 4.4, 12);
    expect(report.totalValue).toBe(Infinity); // the sum itself is beyond double range
    for (const p of report.lorenz) expect(Number.isFinite(p.y)).toBe(true);
  });
});
