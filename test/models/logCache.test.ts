import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogCache } from '../../src/models/shared/logCache.js';

// The vectorised P(alive) of BG/NBD and MBG/NBD looks its logarithms up here: every answer must be
// exactly Math.log(offset + v), and the ages and recencies of a summary (whole days, sevenths of a
// week) must spread over the slots, or nearly every lookup misses (the old hash gave whole days
// only 8 of 8,192 slots).
describe('LogCache', () => {
  it('returns exactly Math.log(offset + v), hit or miss (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
        fc.array(fc.oneof(fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 }).map((k) => k / 7), fc.double({ min: 0, max: 1e9, noNaN: true })), { maxLength: 300 }),
        (offset, values) => {
          const cache = new LogCache(offset);
          // each value twice: the second read is a hit unless another value took the slot
          for (const v of [...values, ...values]) expect(Object.is(cache.log(v), Math.log(offset + v))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('spreads whole days and sevenths of a week over the slots', () => {
    const cache = new LogCache(30);
    const slots = (values: number[]): number => new Set(values.map((v) => cache.slot(v))).size;
    const days = Array.from({ length: 4_096 }, (_, i) => i);
    const weeks = Array.from({ length: 4_096 }, (_, i) => i / 7);
    // 4,096 values into 8,192 slots at random would fill about 3,200; a poor hash fills few.
    expect(slots(days)).toBeGreaterThan(3_000);
    expect(slots(weeks)).toBeGreaterThan(3_000);
    for (const v of [...days, ...weeks, 1e12, 2 ** 40 + 0.5]) {
      expect(cache.slot(v)).toBeGreaterThanOrEqual(0);
      expect(cache.slot(v)).toBeLessThan(8_192);
    }
  });
});
