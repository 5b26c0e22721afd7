/**
 * assignTierColumns against a naive reference (a comparator sort by value descending then index,
 * quotas from tierCounts, the documented tie and non-positive rules), and against assignTiers on
 * the same customers given in any order: ids in compareCustomerIds order are index order.
 * Many ties, zeros of both signs, negatives, one element and none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { compareCustomerIds } from '../../src/summary/compareCustomerIds.js';
import type { CustomerId } from '../../src/transactions/types.js';
import { assignTierColumns } from '../../src/tiers/assignTierColumns.js';
import { assignTiers } from '../../src/tiers/assignTiers.js';
import { tierCounts } from '../../src/tiers/tierCounts.js';
import { TIERS, type Tier, type TierShares, type TierTieRule } from '../../src/tiers/types.js';
import { makeSummary } from '../rfm/makeSummary.js';

function reference(values: readonly number[], shares: TierShares, ties: TierTieRule): { order: number[]; tiers: Tier[] } {
  const n = values.length;
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]! || a - b);
  const q = tierCounts(n, shares);
  const tiers = new Array<Tier>(n);
  let prev: { value: number; tier: Tier } | null = null;
  order.forEach((i, p) => {
    const v = values[i]!;
    let t: Tier = p < q.A ? 'A' : p < q.A + q.B ? 'B' : p < q.A + q.B + q.C ? 'C' : 'D';
    if (ties === 'together' && prev !== null && prev.value === v) t = prev.tier;
    if (v <= 0) t = 'D';
    tiers[i] = t;
    prev = { value: v, tier: t };
  });
  return { order, tiers };
}

const valuesArb = fc.oneof(
  fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 120 }),
  fc.array(fc.constantFrom(0, -0, 1, 9.99, 100, -3), { maxLength: 120 }),
  fc.array(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(0, -0, 5e-324, -5e-324, 1.7e308, -1.7e308)), { maxLength: 120 }),
);
const sharesArb = fc.oneof(
  fc.constant({ A: 0.01, B: 0.04, C: 0.15 }),
  fc.tuple(fc.double({ min: 0, max: 0.4, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true })).map(([A, B, C]) => ({ A, B, C })),
);
const tiesArb = fc.constantFrom<TierTieRule>('customerId', 'together');

/** Distinct ids, numbers and strings mixed, sorted by compareCustomerIds. */
function sortedIds(n: number, seed: number): CustomerId[] {
  const ids = new Set<CustomerId>();
  let x = seed >>> 0 || 1;
  while (ids.size < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    ids.add(x % 3 === 0 ? `c${x % 997}` : (x % 5000) - 100);
  }
  return [...ids].sort(compareCustomerIds);
}

describe('assignTierColumns', () => {
  it('runs the doc example', () => {
    const tiers = assignTierColumns(Float64Array.from({ length: 1000 }, (_, i) => 1000 - i));
    expect(tiers.counts).toEqual({ A: 10, B: 40, C: 150, D: 800 });
    expect([tiers.tierAt(0), tiers.rank[0], tiers.percentileAt(0)]).toEqual(['A', 1, 99.9]);
    const tied = assignTierColumns(Float64Array.of(5, 9, 9, 0), { shares: { A: 0.25, B: 0.25, C: 0.25 } });
    expect([...tied.rank]).toEqual([3, 1, 2, 4]);
    expect([...tied.order]).toEqual([1, 2, 0, 3]);
    expect([0, 1, 2, 3].map((i) => tied.tierAt(i))).toEqual(['C', 'A', 'B', 'D']);
  });

  it('matches the naive reference: order, ranks, tiers, quotas and counts', () => {
    fc.assert(
      fc.property(valuesArb, sharesArb, tiesArb, (values, shares, ties) => {
        const cols = assignTierColumns(Float64Array.from(values), { shares, ties });
        const ref = reference(values, shares, ties);
        const n = values.length;
        expect(cols.length).toBe(n);
        expect([...cols.order]).toEqual(ref.order);
        ref.order.forEach((i, p) => expect(cols.rank[i]).toBe(p + 1));
        expect(Array.from({ length: n }, (_, i) => cols.tierAt(i))).toEqual(ref.tiers);
        expect([...cols.tier].map((t) => TIERS[t])).toEqual(ref.tiers);
        expect(cols.quotas).toEqual(tierCounts(n, shares));
        for (const t of TIERS) expect(cols.counts[t]).toBe(ref.tiers.filter((x) => x === t).length);
        for (let i = 0; i < n; i++) expect(cols.percentileAt(i)).toBe((100 * (n - cols.rank[i]!)) / n);
      }),
      { numRuns: 400 },
    );
  });

  it('equals assignTiers on the same customers in any input order (ids in compareCustomerIds order are index order)', () => {
    fc.assert(
      fc.property(
        valuesArb.chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray([...v.keys()], { minLength: v.length }), fc.integer())),
        sharesArb,
        tiesArb,
        fc.boolean(),
        ([values, perm, seed], shares, ties, byProfit) => {
          const n = values.length;
          const ids = sortedIds(n, seed);
          const cols = assignTierColumns(Float64Array.from(values), { shares, ties, ...(byProfit ? { by: 'profit' as const } : {}) });
          const summaries = perm.map((i) =>
            byProfit ? makeSummary(ids[i]!, { revenue: values[i]!, cost: 0 }) : makeSummary(ids[i]!, { revenue: values[i]! }),
          );
          const obj = assignTiers(summaries, { shares, ties, ...(byProfit ? { by: 'profit' as const } : {}) });
          expect(obj.counts).toEqual(cols.counts);
          expect(obj.quotas).toEqual(cols.quotas);
          expect(obj.customers.map((c) => c.customerId)).toEqual([...cols.order].map((i) => ids[i]));
          expect(obj.customers.map((c) => c.tier)).toEqual([...cols.order].map((i) => cols.tierAt(i)));
          obj.customers.forEach((c, p) => {
            const i = cols.order[p]!;
            expect(c.rank).toBe(cols.rank[i]);
            expect(c.percentile).toBe(cols.percentileAt(i));
          });
          expect(obj.customers.map((c) => c.value)).toEqual([...cols.order].map((i) => values[i]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not mutate its column, and handles empty and one-element columns', () => {
    const values = Float64Array.of(3, -0, 7, 3);
    const copy = Float64Array.from(values);
    assignTierColumns(values, { ties: 'together' });
    expect(values).toEqual(copy);
    expect(Object.is(values[1], -0)).toBe(true);
    const empty = assignTierColumns(new Float64Array(0));
    expect([empty.length, empty.counts, empty.quotas, empty.order.length]).toEqual([0, { A: 0, B: 0, C: 0, D: 0 }, { A: 0, B: 0, C: 0, D: 0 }, 0]);
    expect(() => empty.tierAt(0)).toThrow(RangeError);
    const one = assignTierColumns(Float64Array.of(42));
    // 1% of one customer rounds to none: the one customer is in D
    expect([one.tierAt(0), one.rank[0], one.percentileAt(0), one.counts]).toEqual(['D', 1, 0, { A: 0, B: 0, C: 0, D: 1 }]);
    expect(assignTierColumns(Float64Array.of(42), { shares: { A: 1, B: 0, C: 0 } }).tierAt(0)).toBe('A');
    expect(assignTierColumns(Float64Array.of(0)).tierAt(0)).toBe('D');
  });

  it('raises for a missing profit the error assignTiers raises for a summary without cost', () => {
    const catchIt = (f: () => unknown): InvalidInputError => {
      try {
        f();
      } catch (e) {
        return e as InvalidInputError;
      }
      throw new Error('expected an InvalidInputError');
    };
    const fromObjects = catchIt(() =>
      assignTiers([makeSummary(1, { revenue: 10, cost: 4 }), makeSummary(2, { revenue: 10 }), makeSummary(3, { revenue: 5, cost: 1 })], { by: 'profit' }),
    );
    // profit = revenue - cost, NaN where the cost is missing
    const profit = Float64Array.of(6, Number.NaN, 4);
    const fromColumns = catchIt(() => assignTierColumns(profit, { by: 'profit', customerIds: [1, 2, 3] }));
    expect(fromColumns.issues).toEqual(fromObjects.issues);
    expect(fromColumns.message).toBe(fromObjects.message);
    expect(fromColumns.issues[0]).toMatchObject({ code: 'missing_profit', path: [1, 'profit'] });
    expect(catchIt(() => assignTierColumns(profit, { by: 'profit' })).issues[0]!.message).toMatch(/^customer at index 1 has no profit/);

    // an infinite value is not finite under either basis; NaN under revenue too
    const notFinite = catchIt(() => assignTierColumns(Float64Array.of(1, Infinity, Number.NaN), { customerIds: ['a', 'b', 'c'] }));
    const notFiniteObjects = catchIt(() => assignTiers(['a', 'b', 'c'].map((id, i) => makeSummary(id, { revenue: [1, Infinity, Number.NaN][i]! }))));
    expect(notFinite.issues).toEqual(notFiniteObjects.issues);
    expect(notFinite.issues.map((i) => [i.code, i.path])).toEqual([
      ['not_finite', [1, 'revenue']],
      ['not_finite', [2, 'revenue']],
    ]);
    expect(catchIt(() => assignTierColumns(Float64Array.of(Infinity), { by: 'profit' })).issues[0]).toMatchObject({ code: 'not_finite', path: [0, 'profit'] });

    expect(catchIt(() => assignTierColumns([1, 2] as unknown as Float64Array)).issues[0]).toMatchObject({ code: 'invalid_type', path: ['values'] });
    expect(catchIt(() => assignTierColumns(Float64Array.of(1), { customerIds: [] })).issues[0]).toMatchObject({ code: 'length_mismatch' });
    expect(catchIt(() => assignTierColumns(Float64Array.of(1), { ties: 'x' as TierTieRule })).issues[0]).toMatchObject({ path: ['options', 'ties'] });
    expect(catchIt(() => assignTierColumns(Float64Array.of(1), { shares: { A: 2 } })).issues[0]).toMatchObject({ path: ['options', 'shares'] });
  });
});
