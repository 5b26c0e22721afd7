import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import type { BtydColumns, PurchaseModel } from '../../../src/models/types.js';

// predictClv sums the discounted increments of E[Y(t)] customer by customer through
// discountedPurchasesOverHorizons: it must equal, bit for bit, the accumulation of the visits of
// expectedPurchasesOverHorizons (one pass over all customers per sub-period).
function byVisits(model: PurchaseModel<unknown>, times: number[], factors: number[], customers: BtydColumns) {
  const n = customers.frequency.length;
  const discounted = new Float64Array(n);
  let previous = new Float64Array(n);
  model.expectedPurchasesOverHorizons!(times, customers, (k, cumulative) => {
    for (let i = 0; i < n; i++) discounted[i] = discounted[i]! + (cumulative[i]! - previous[i]!) * factors[k]!;
    previous = Float64Array.from(cumulative);
  });
  return { discounted, last: previous };
}

const customersArb = fc
  .array(fc.record({ x: fc.integer({ min: 0, max: 12 }), T: fc.integer({ min: 1, max: 60 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 80 })
  .map((rows): BtydColumns => ({
    frequency: Float64Array.from(rows, (r) => r.x),
    recency: Float64Array.from(rows, (r) => (r.x === 0 ? 0 : Math.round(r.share * r.T * 4) / 4)),
    T: Float64Array.from(rows, (r) => r.T),
  }));
const horizonsArb = fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 1, maxLength: 20 }).map((steps) => {
  const times = [0];
  for (const s of steps) times.push(times.at(-1)! + s);
  return times;
});

describe('discountedPurchasesOverHorizons', () => {
  const models = [
    bgNbd({ r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }),
    mbgNbd({ r: 0.5, alpha: 6, a: 1.2, b: 3 }),
    paretoNbd({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }),
  ] as unknown as PurchaseModel<unknown>[];

  it('equals the accumulated visits of expectedPurchasesOverHorizons bit for bit', () => {
    fc.assert(
      fc.property(customersArb, horizonsArb, fc.integer({ min: 0, max: 2 }), (customers, times, m) => {
        const model = models[m]!;
        const factors = times.map((t) => Math.exp(-0.01 * t));
        expect(model.discountedPurchasesOverHorizons!(times, factors, customers)).toEqual(byVisits(model, times, factors, customers));
      }),
      { numRuns: 200 },
    );
  });
});
