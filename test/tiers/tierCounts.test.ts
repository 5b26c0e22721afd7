import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { tierCounts } from '../../src/tiers/tierCounts.js';

/** Half-up rounding of p/q for non-negative integers, in integer arithmetic. */
const roundRatio = (p: number, q: number): number => Math.floor((2 * p + q) / (2 * q));

describe('tierCounts', () => {
  it('runs the doc examples', () => {
    expect(tierCounts(1000)).toEqual({ A: 10, B: 40, C: 150, D: 800 });
    expect(tierCounts(150)).toEqual({ A: 2, B: 6, C: 22, D: 120 });
    expect(tierCounts(10, { A: 0.1, B: 0.2, C: 0.3 })).toEqual({ A: 1, B: 2, C: 3, D: 4 });
  });

  it('gives the course example exactly: 1,000 customers -> 10, 40, 150, 800', () => {
    expect(tierCounts(1000)).toEqual({ A: 10, B: 40, C: 150, D: 800 });
    expect(tierCounts(100_000)).toEqual({ A: 1000, B: 4000, C: 15000, D: 80000 });
  });

  it('follows the rounding rule for every N from 0 to 5,000 (cumulative boundaries N/100, N/20, N/5 rounded half up)', () => {
    for (let n = 0; n <= 5000; n++) {
      const b1 = roundRatio(n, 100);
      const b2 = roundRatio(n, 20);
      const b3 = roundRatio(n, 5);
      expect(tierCounts(n)).toEqual({ A: b1, B: b2 - b1, C: b3 - b2, D: n - b3 });
    }
  });

  it('rounds exact halves up', () => {
    expect(tierCounts(50)).toEqual({ A: 1, B: 2, C: 7, D: 40 }); // 0.5 -> 1, 2.5 -> 3, 10
    expect(tierCounts(10)).toEqual({ A: 0, B: 1, C: 1, D: 8 }); // 0.1 -> 0, 0.5 -> 1, 2
    expect(tierCounts(1)).toEqual({ A: 0, B: 0, C: 0, D: 1 });
    expect(tierCounts(0)).toEqual({ A: 0, B: 0, C: 0, D: 0 });
  });

  it('always adds up to N, with non-negative counts, for any valid shares', () => {
    const share = fc.double({ min: 0, max: 1 / 3, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), share, share, share, (n, A, B, C) => {
        const c = tierCounts(n, { A, B, C });
        expect(c.A + c.B + c.C + c.D).toBe(n);
        for (const v of Object.values(c)) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('rejects invalid N and shares', () => {
    expect(() => tierCounts(-1)).toThrow(InvalidInputError);
    expect(() => tierCounts(2.5)).toThrow(InvalidInputError);
    expect(() => tierCounts(10, { A: -0.1 })).toThrow(/share of tier A/);
    expect(() => tierCounts(10, { A: 0.5, B: 0.4, C: 0.2 })).toThrow(/at most 1/);
    expect(() => tierCounts(10, { C: NaN })).toThrow(InvalidInputError);
    expect(() => tierCounts(10, { D: 0.8 } as never)).toThrow(/options, shares: expected an object \{ A\?, B\?, C\? \}/);
  });
});
