import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { assignTiers } from '../../src/tiers/assignTiers.js';
import type { TierAssignment } from '../../src/tiers/types.js';
import { makeSummary } from '../rfm/makeSummary.js';

const TIER_ORDER = { A: 0, B: 1, C: 2, D: 3 } as const;

describe('assignTiers', () => {
  it('runs the doc example', () => {
    const summaries = Array.from({ length: 1000 }, (_, i) => makeSummary(i + 1, { revenue: 1000 - i }));
    const tiers = assignTiers(summaries);
    expect(tiers.counts).toEqual({ A: 10, B: 40, C: 150, D: 800 });
    expect(tiers.customers[0]).toEqual({ customerId: 1, rank: 1, percentile: 99.9, value: 1000, tier: 'A' });
  });

  it('ranks by value descending and reports rank, percentile and tier', () => {
    const values = [5, 80, 20, 100, 1, 60, 40, 10, 30, 70];
    const t = assignTiers(values.map((v, i) => makeSummary(`c${i}`, { revenue: v })), { shares: { A: 0.1, B: 0.2, C: 0.3 } });
    expect(t.customers.map((c) => c.value)).toEqual([100, 80, 70, 60, 40, 30, 20, 10, 5, 1]);
    expect(t.customers.map((c) => c.tier).join('')).toBe('ABBCCCDDDD');
    expect(t.customers.map((c) => c.percentile)).toEqual([90, 80, 70, 60, 50, 40, 30, 20, 10, 0]);
    expect(t.customers[0]!.customerId).toBe('c3');
  });

  it('breaks ties at a boundary by customer id, keeping exact counts (numbers before strings)', () => {
    // 10 customers, A quota 1: three tied at the top
    const s = [makeSummary('b', { revenue: 9 }), makeSummary(7, { revenue: 9 }), makeSummary('a', { revenue: 9 }), ...[1, 2, 3, 4, 5, 6, 8].map((i) => makeSummary(i, { revenue: i }))];
    const t = assignTiers(s, { shares: { A: 0.1, B: 0.1, C: 0.1 } });
    expect(t.customers.slice(0, 3).map((c) => [c.customerId, c.tier])).toEqual([
      [7, 'A'],
      ['a', 'B'],
      ['b', 'C'],
    ]);
    expect(t.counts).toEqual(t.quotas);
  });

  it("keeps ties together under ties: 'together', in the tier of the best-ranked", () => {
    const s = [makeSummary('b', { revenue: 9 }), makeSummary(7, { revenue: 9 }), makeSummary('a', { revenue: 9 }), ...[1, 2, 3, 4, 5, 6, 8].map((i) => makeSummary(i, { revenue: i }))];
    const t = assignTiers(s, { shares: { A: 0.1, B: 0.1, C: 0.1 }, ties: 'together' });
    expect(t.customers.slice(0, 4).map((c) => c.tier)).toEqual(['A', 'A', 'A', 'D']);
    expect(t.counts).toEqual({ A: 3, B: 0, C: 0, D: 7 });
    expect(t.quotas).toEqual({ A: 1, B: 1, C: 1, D: 7 });
  });

  it('puts zero and negative values in D even when quotas are unfilled', () => {
    const s = [makeSummary(1, { revenue: 0 }), makeSummary(2, { revenue: -5 }), makeSummary(3, { revenue: 10 })];
    const t = assignTiers(s, { shares: { A: 0.34, B: 0.33, C: 0.33 } });
    expect(t.customers.map((c) => [c.customerId, c.tier])).toEqual([
      [3, 'A'],
      [1, 'D'],
      [2, 'D'],
    ]);
    expect(t.counts).toEqual({ A: 1, B: 0, C: 0, D: 2 });
  });

  it('ranks by profit when asked, and refuses summaries without cost', () => {
    const s = [makeSummary(1, { revenue: 100, cost: 90 }), makeSummary(2, { revenue: 50, cost: 10 })];
    expect(assignTiers(s, { by: 'profit' }).customers.map((c) => [c.customerId, c.value])).toEqual([
      [2, 40],
      [1, 10],
    ]);
    try {
      assignTiers([makeSummary(1, { revenue: 100, cost: 90 }), makeSummary('x-2', { revenue: 50 })], { by: 'profit', revealValues: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues[0]).toMatchObject({ code: 'missing_profit', path: [1, 'profit'] });
      expect((e as Error).message).toMatch(/x-2/);
    }
  });

  it('rejects invalid options and values', () => {
    expect(() => assignTiers([makeSummary(1)], { by: 'margin' as never })).toThrow(InvalidInputError);
    expect(() => assignTiers([makeSummary(1)], { ties: 'random' as never })).toThrow(InvalidInputError);
    expect(() => assignTiers([makeSummary(1, { revenue: Infinity })])).toThrow(/expected a finite number/);
    expect(() => assignTiers([makeSummary(1), makeSummary(1)])).toThrow(/more than once/);
  });

  it('handles empty and one-customer inputs, huge values, and -0', () => {
    expect(assignTiers([]).customers).toEqual([]);
    expect(assignTiers([makeSummary(1, { revenue: 5 })]).customers).toEqual([{ customerId: 1, rank: 1, percentile: 0, value: 5, tier: 'D' }]);
    const big = assignTiers([1e308, -1e308, 1.7e308, 5e-324, -0, 0].map((v, i) => makeSummary(i, { revenue: v })));
    expect(big.customers.map((c) => c.customerId)).toEqual([2, 0, 3, 4, 5, 1]);
  });

  it('does not mutate its input and accepts { customers }', () => {
    const s = [3, 1, 2].map((v) => makeSummary(v, { revenue: v }));
    const copy = structuredClone(s);
    const a = assignTiers({ customers: s });
    expect(s).toEqual(copy);
    expect(a).toEqual(assignTiers(s));
  });
});

const valueArb = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
);
const customersArb = fc.array(valueArb, { maxLength: 300 });

describe('assignTiers: properties', () => {
  it('partitions the customers: every customer exactly once, ranks 1..N, tiers in rank order', () => {
    fc.assert(
      fc.property(customersArb, fc.constantFrom('customerId' as const, 'together' as const), (values, ties) => {
        const t = assignTiers(values.map((v, i) => makeSummary(i, { revenue: v })), { ties });
        expect(t.customers.map((c) => c.customerId).sort((a, b) => (a as number) - (b as number))).toEqual(values.map((_, i) => i));
        expect(t.customers.map((c) => c.rank)).toEqual(values.map((_, i) => i + 1));
        const c = t.counts;
        expect(c.A + c.B + c.C + c.D).toBe(values.length);
        for (let i = 1; i < t.customers.length; i++) {
          expect(TIER_ORDER[t.customers[i]!.tier]).toBeGreaterThanOrEqual(TIER_ORDER[t.customers[i - 1]!.tier]);
        }
      }),
    );
  });

  it('gives every N from 1 to 5,000 the counts of the rounding rule (positive values, with ties)', () => {
    // The rule in integer arithmetic: cumulative boundaries N/100, N/20, N/5 rounded half up.
    const roundRatio = (p: number, q: number): number => Math.floor((2 * p + q) / (2 * q));
    // values 1..1000 in a scrambled order: distinct for N <= 1,000, tied beyond
    const base = Array.from({ length: 5000 }, (_, i) => makeSummary(i, { revenue: 1 + ((i * 7919) % 1000) }));
    for (let n = 1; n <= 5000; n++) {
      const [b1, b2, b3] = [roundRatio(n, 100), roundRatio(n, 20), roundRatio(n, 5)];
      const expected = { A: b1, B: b2 - b1, C: b3 - b2, D: n - b3 };
      const t = assignTiers(base.slice(0, n));
      expect(t.counts).toEqual(expected);
      expect(t.quotas).toEqual(expected);
    }
  });

  it('never puts a customer who spends more in a lower tier', () => {
    fc.assert(
      fc.property(customersArb, fc.constantFrom('customerId' as const, 'together' as const), (values, ties) => {
        const t = assignTiers(values.map((v, i) => makeSummary(i, { revenue: v })), { ties });
        const tierOf = new Map(t.customers.map((c) => [c.customerId, TIER_ORDER[c.tier]]));
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i]! > values[j]!) expect(tierOf.get(i)!).toBeLessThanOrEqual(tierOf.get(j)!);
            if (ties === 'together' && values[i] === values[j]) expect(tierOf.get(i)).toBe(tierOf.get(j));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.string({ minLength: 1, maxLength: 3 })), valueArb), { maxLength: 200 }),
        fc.constantFrom('customerId' as const, 'together' as const),
        fc.integer(),
        (pairs, ties, seed) => {
          const unique = [...new Map(pairs.map(([id, v]) => [id, v])).entries()];
          const summaries = unique.map(([id, v]) => makeSummary(id, { revenue: v }));
          const shuffled = summaries
            .map((s, i) => ({ s, key: Math.sin(seed + i * 12.9898) }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.s);
          expect(assignTiers(shuffled, { ties })).toEqual(assignTiers(summaries, { ties }));
        },
      ),
    );
  });

  it('never produces NaN', () => {
    fc.assert(
      fc.property(customersArb, (values) => {
        const t = assignTiers(values.map((v, i) => makeSummary(i, { revenue: v })));
        for (const c of t.customers as TierAssignment[]) expect(Number.isNaN(c.percentile) || Number.isNaN(c.value)).toBe(false);
      }),
    );
  });
});
