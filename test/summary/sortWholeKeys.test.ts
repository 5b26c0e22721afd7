import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCustomerIds, customerIndexOrder } from '../../src/summary/compareCustomerIds.js';
import { packedStringOrder } from '../../src/summary/packedStringOrder.js';
import { sortWholeKeys } from '../../src/summary/sortWholeKeys.js';

// The radix sort replaces the native sort of the packed id keys: on every whole number below
// 2^53 it must give exactly what Float64Array.prototype.sort gives. Arrays of 4,096 keys or more
// take the radix passes; shorter ones the native sort.
const native = (keys: Float64Array): number[] => Array.from(keys.slice().sort());

/** A whole number in [0, 2^53) from its top 21 and low 32 bits. */
const wholeKey = fc.tuple(fc.integer({ min: 0, max: 2 ** 21 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map(([hi, lo]) => hi * 2 ** 32 + lo);
/** Keys below a random power of two (1 to 53 bits), so that every number of passes occurs. */
const keyArrays = fc.integer({ min: 1, max: 53 }).chain((bits) =>
  fc.array(
    wholeKey.map((k) => k % 2 ** bits),
    { minLength: 4_096, maxLength: 9_000 },
  ),
);

describe('sortWholeKeys', () => {
  it('sorts as the native sort on whole keys of any size below 2^53 (fast-check)', () => {
    fc.assert(
      fc.property(keyArrays, (list) => {
        const keys = Float64Array.from(list);
        const expected = native(keys);
        sortWholeKeys(keys);
        expect(Array.from(keys)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('sorts keys at the digit boundaries and at the 2^53 limit', () => {
    const edges = [0, 1, 2047, 2048, 2049, 2 ** 22 - 1, 2 ** 22, 2 ** 33, 2 ** 44 - 1, 2 ** 44, 2 ** 52, 2 ** 53 - 2, 2 ** 53 - 1];
    const list: number[] = [];
    for (let i = 0; i < 6_000; i++) list.push(edges[(i * 7) % edges.length]!);
    const keys = Float64Array.from(list.reverse());
    const expected = native(keys);
    sortWholeKeys(keys);
    expect(Array.from(keys)).toEqual(expected);
    expect(keys[keys.length - 1]).toBe(2 ** 53 - 1);
  });

  it('leaves all-zero keys, and short arrays, as the native sort does', () => {
    const zeros = new Float64Array(5_000);
    sortWholeKeys(zeros);
    expect(zeros.every((k) => Object.is(k, 0))).toBe(true);
    for (const list of [[], [7], [3, 1, 2], Array.from({ length: 4_095 }, (_, i) => (i * 7919) % 4_095)]) {
      const keys = Float64Array.from(list);
      const expected = native(keys);
      sortWholeKeys(keys);
      expect(Array.from(keys)).toEqual(expected);
    }
  });

  it('gives the id orders the comparator order on many ids (the radix path)', () => {
    const strings = Array.from({ length: 30_000 }, (_, i) => `C${String((i * 7919) % 30_000).padStart(6, '0')}`);
    const idx = Int32Array.from(strings.keys());
    expect(packedStringOrder(strings, idx)).toBe(true);
    expect(Array.from(idx)).toEqual([...strings.keys()].sort((a, b) => compareCustomerIds(strings[a]!, strings[b]!)));

    const numbers = Array.from({ length: 20_000 }, (_, i) => ((i * 104_729) % 1_000_003) * 1_000);
    expect(Array.from(customerIndexOrder(numbers))).toEqual([...numbers.keys()].sort((a, b) => numbers[a]! - numbers[b]!));
  });
});
