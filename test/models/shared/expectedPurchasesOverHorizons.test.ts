import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import type { BtydCustomer, PurchaseModel } from '../../../src/models/types.js';

const models: [string, PurchaseModel<unknown>][] = [
  ['BG/NBD', bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })],
  ['Pareto/NBD', paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 })],
  ['MBG/NBD', mbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 })],
];

/** Valid (x, t_x, T) histories on a coarse grid, so that (x, T) pairs repeat. */
const history = fc
  .record({ x: fc.integer({ min: 0, max: 6 }), T: fc.integer({ min: 0, max: 40 }), f: fc.integer({ min: 0, max: 4 }) })
  .map(({ x, T, f }): BtydCustomer => (x === 0 || T === 0 ? { frequency: 0, recency: 0, T: T / 7 } : { frequency: x, recency: (T * f) / 4 / 7, T: T / 7 }));

function collect(m: PurchaseModel<unknown>, times: number[], cs: readonly BtydCustomer[]): Float64Array[] {
  const seen: Float64Array[] = [];
  m.expectedPurchasesOverHorizons!(times, cs, (k, cumulative) => {
    expect(k).toBe(seen.length);
    seen.push(Float64Array.from(cumulative));
  });
  return seen;
}

describe('expectedPurchasesOverHorizons', () => {
  for (const [name, m] of models) {
    it(`${name}: each horizon bit for bit expectedPurchasesMany (arrays and columns), t = 0 gives 0`, () => {
      fc.assert(
        fc.property(fc.array(history, { maxLength: 60 }), fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { maxLength: 6 }), (cs, ts) => {
          const times = [0, ...ts, 1];
          const cols = { frequency: Float64Array.from(cs, (c) => c.frequency), recency: Float64Array.from(cs, (c) => c.recency), T: Float64Array.from(cs, (c) => c.T) };
          const before = JSON.stringify(cs);
          const rows = collect(m, times, cs);
          const byCols: Float64Array[] = [];
          m.expectedPurchasesOverHorizons!(times, cols, (_k, c) => byCols.push(Float64Array.from(c)));
          expect(rows.length).toBe(times.length);
          times.forEach((t, k) => {
            const want = m.expectedPurchasesMany(t, cs);
            for (let i = 0; i < cs.length; i++) {
              expect(Object.is(rows[k]![i], want[i])).toBe(true);
              expect(Object.is(byCols[k]![i], want[i])).toBe(true);
            }
          });
          expect(Array.from(rows[0]!).every((v) => Object.is(v, 0))).toBe(true);
          expect(JSON.stringify(cs)).toBe(before);
        }),
        { numRuns: 50 },
      );
    });
  }

  it('checks every horizon and history before the first visit; no customers gives empty arrays', () => {
    const m = models[0]![1];
    let visits = 0;
    expect(() => m.expectedPurchasesOverHorizons!([1, -1], [{ frequency: 0, recency: 0, T: 1 }], () => visits++)).toThrow(/horizon/);
    expect(() => m.expectedPurchasesOverHorizons!([1], [{ frequency: 1, recency: 2, T: 1 }], () => visits++)).toThrow();
    expect(visits).toBe(0);
    const lengths: number[] = [];
    m.expectedPurchasesOverHorizons!([0, 1, 2], [], (_k, c) => lengths.push(c.length));
    expect(lengths).toEqual([0, 0, 0]);
  });
});
