import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCustomerIds, customerIndexOrder } from '../../src/summary/compareCustomerIds.js';
import { packedStringOrder } from '../../src/summary/packedStringOrder.js';

// The packed-key sort is a fast path of customerIndexOrder's string order: wherever it accepts
// ids it must give exactly the comparator's order, and leave the input alone when it declines.
const byComparator = (ids: readonly string[], at: readonly number[]): number[] => [...at].sort((a, b) => compareCustomerIds(ids[a]!, ids[b]!));

/** Short ids over a small alphabet (digits and a few letters, some surrogates), with a shared prefix now and then. */
const shortIds = fc
  .tuple(
    fc.constantFrom('', 'C', 'C0', 'cust-', '\ud83d'),
    fc.uniqueArray(fc.string({ unit: fc.constantFrom('0', '1', '9', 'A', 'a', '-', 'é', '\ude00', '\uffff'), maxLength: 7 }), { maxLength: 300 }),
  )
  .map(([prefix, tails]) => tails.map((t) => prefix + t));

describe('packedStringOrder', () => {
  it('orders short ids as compareCustomerIds (fast-check)', () => {
    fc.assert(
      fc.property(shortIds, (ids) => {
        const idx = Int32Array.from(ids.keys());
        expect(packedStringOrder(ids, idx)).toBe(true);
        expect(Array.from(idx)).toEqual(byComparator(ids, [...ids.keys()]));
      }),
      { numRuns: 1_000 },
    );
  });

  it('orders a subset of the indices, whatever their order', () => {
    const ids = ['x', 'b10', 'b9', 'a', 'b', ''];
    const idx = Int32Array.of(4, 2, 1, 3, 5);
    expect(packedStringOrder(ids, idx)).toBe(true);
    expect(Array.from(idx).map((i) => ids[i])).toEqual(['', 'a', 'b', 'b10', 'b9']);
  });

  it('orders long ids behind a long shared prefix (more code units than its first buffer holds) as compareCustomerIds (fast-check)', () => {
    const longIds = fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 0, maxLength: 16 }), { minLength: 2, maxLength: 40 }).map((tails) => tails.map((t) => `customer-of-the-north-shop-${t}`));
    fc.assert(
      fc.property(longIds, (ids) => {
        const idx = Int32Array.from(ids.keys());
        expect(packedStringOrder(ids, idx)).toBe(true);
        expect(Array.from(idx)).toEqual(byComparator(ids, [...ids.keys()]));
      }),
      { numRuns: 300 },
    );
  });

  it('declines ids too long for one double and leaves the indices as they were', () => {
    const ids = ['0123456789abcdefghijklmnopqrstuvwxyz', 'z', 'ABCDEFGHIJ'];
    const idx = Int32Array.of(0, 1, 2);
    expect(packedStringOrder(ids, idx)).toBe(false);
    expect(Array.from(idx)).toEqual([0, 1, 2]);
    expect(Array.from(customerIndexOrder(ids))).toEqual([0, 2, 1]);
  });

  it('gives customerIndexOrder the comparator order on mixed ids (fast-check)', () => {
    fc.assert(
      fc.property(shortIds, fc.uniqueArray(fc.integer({ min: -50, max: 1e6 }), { maxLength: 50 }), (strings, numbers) => {
        const ids = [...strings, ...numbers];
        expect(Array.from(customerIndexOrder(ids))).toEqual(ids.map((_, i) => i).sort((a, b) => compareCustomerIds(ids[a]!, ids[b]!)));
      }),
      { numRuns: 300 },
    );
  });
});
