import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCustomerIds, customerIndexOrder } from '../../src/summary/compareCustomerIds.js';
import type { CustomerId } from '../../src/transactions/types.js';

// The fast index order must be the order of compareCustomerIds, whatever mix of ids it gets.
const reference = (ids: readonly CustomerId[]): number[] =>
  ids.map((_, i) => i).sort((a, b) => compareCustomerIds(ids[a]!, ids[b]!));

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

describe('customerIndexOrder', () => {
  it('orders numbers first, ascending, then strings by UTF-16 code units', () => {
    const ids: CustomerId[] = ['b', 10, 'a', 2, 'B', 'é', '😀', '\uffff', 0, 'a0', 'a'.repeat(3)];
    expect(Array.from(customerIndexOrder(ids)).map((i) => ids[i])).toEqual([0, 2, 10, 'B', 'a', 'a0', 'aaa', 'b', 'é', '😀', '\uffff']);
  });

  it('handles empty and one-element inputs', () => {
    expect(Array.from(customerIndexOrder([]))).toEqual([]);
    expect(Array.from(customerIndexOrder([7]))).toEqual([0]);
    expect(Array.from(customerIndexOrder(['x']))).toEqual([0]);
  });

  it('equals the comparator order for whole, negative, fractional, huge and string ids', () => {
    const id = fc.oneof(
      fc.nat({ max: 1e6 }),
      fc.maxSafeInteger(),
      fc.integer({ min: -1e6, max: -1 }),
      fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (raw) => {
        const ids = distinct(raw.map((v) => (Object.is(v, -0) ? 0 : v)));
        expect(Array.from(customerIndexOrder(ids))).toEqual(reference(ids));
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not mutate its input', () => {
    const ids: CustomerId[] = [3, 'z', 1, 'a'];
    customerIndexOrder(ids);
    expect(ids).toEqual([3, 'z', 1, 'a']);
  });
});
