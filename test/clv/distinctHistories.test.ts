import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctHistories } from '../../src/clv/distinctHistories.js';
import { predictClv } from '../../src/clv/predictClv.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { bgNbd } from '../../src/models/bgnbd/bgNbd.js';
import { gammaGamma } from '../../src/models/gammagamma/gammaGamma.js';
import { mbgNbd } from '../../src/models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../src/models/paretonbd/paretoNbd.js';
import type { BtydColumns } from '../../src/models/types.js';
import { aliveByHistory } from '../../src/pipeline/aliveByHistory.js';

// predictClv on columns evaluates the purchase model once per distinct (x, t_x, T) history and
// spreads the results back; the general path (the same customers as objects) evaluates every
// customer. Both must agree bit for bit, for every continuous-time model.
const models = [
  bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
  paretoNbd({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }),
  mbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }),
];
const gg = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });

/** Customers over few T and recency values, so that many share a history (one-time buyers share one per T). */
const customers = fc.array(
  fc.record({ x: fc.nat({ max: 4 }), tx: fc.nat({ max: 6 }), T: fc.integer({ min: 0, max: 6 }), m: fc.double({ min: 0.5, max: 500, noNaN: true }), margin: fc.double({ min: -1, max: 1, noNaN: true }) }),
  { maxLength: 120 },
).map((rows) =>
  rows.map(({ x, tx, T, m, margin }) => {
    // a valid history: t_x <= T, t_x = 0 when x = 0, weeks as sevenths
    const when = x === 0 ? 0 : Math.min(tx, T) / 7;
    return { x: T === 0 ? 0 : x, tx: T === 0 ? 0 : when, T: T / 7 + 0.5 * Number(T > 3), m: x === 0 || T === 0 ? 0 : m, margin };
  }),
);

function columnsOf(rows: ReadonlyArray<{ x: number; tx: number; T: number; m: number; margin: number }>) {
  const purchase: BtydColumns = { frequency: Float64Array.from(rows, (r) => r.x), recency: Float64Array.from(rows, (r) => r.tx), T: Float64Array.from(rows, (r) => r.T) };
  return { purchase, spend: { frequency: purchase.frequency, monetaryValue: Float64Array.from(rows, (r) => r.m) }, margin: Float64Array.from(rows, (r) => r.margin) };
}

const options = { asOf: '2025-06-30', horizon: { amount: 1, unit: 'year' }, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week' } as const;

describe('distinctHistories', () => {
  it('gives each customer her own history, bit for bit, once per distinct history (fast-check)', () => {
    fc.assert(
      fc.property(customers, fc.array(fc.nat(), { maxLength: 5 }), (rows, negativeZeros) => {
        const { purchase } = columnsOf(rows);
        // -0 is a history of its own (its bits differ from 0)
        for (const k of negativeZeros) if (rows.length > 0 && purchase.recency[k % rows.length] === 0) purchase.recency[k % rows.length] = -0;
        const h = distinctHistories(purchase);
        const keys = new Set<string>();
        for (let i = 0; i < rows.length; i++) {
          const g = h.group[i]!;
          expect(Object.is(h.histories.frequency[g], purchase.frequency[i])).toBe(true);
          expect(Object.is(h.histories.recency[g], purchase.recency[i])).toBe(true);
          expect(Object.is(h.histories.T[g], purchase.T[i])).toBe(true);
          keys.add(`${purchase.frequency[i]},${Object.is(purchase.recency[i], -0) ? '-0' : purchase.recency[i]},${purchase.T[i]}`);
        }
        expect(h.count).toBe(keys.size);
        expect(h.histories.frequency.length).toBe(h.count);
      }),
      { numRuns: 500 },
    );
  });

  it('predictClv on columns equals the same customers as objects, bit for bit, for BG/NBD, Pareto/NBD and MBG/NBD (fast-check)', () => {
    fc.assert(
      fc.property(customers, fc.constantFrom(0, 1, 2), (rows, which) => {
        const model = models[which]!;
        const cols = columnsOf(rows);
        const objects = rows.map((r) => ({ purchase: { frequency: r.x, recency: r.tx, T: r.T }, spend: { frequency: r.x, monetaryValue: r.m }, margin: r.margin }));
        const byColumns = predictClv(model, gg, cols, options);
        const byObjects = predictClv(model, gg, objects, options);
        expect(byColumns).toStrictEqual(byObjects);
        expect(aliveByHistory(model, cols.purchase, distinctHistories(cols.purchase))).toStrictEqual(model.probabilityAliveMany(cols.purchase));
      }),
      { numRuns: 300 },
    );
  });

  it('names the customer of an invalid history by her own index', () => {
    const cols = columnsOf([
      { x: 1, tx: 1, T: 2, m: 10, margin: 1 },
      { x: 1, tx: 1, T: 2, m: 10, margin: 1 },
      { x: 2, tx: 3, T: 2, m: 10, margin: 1 }, // recency after T
    ]);
    const issuesOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError);
        return (e as InvalidInputError).issues.map((i) => i.path);
      }
      throw new Error('expected an InvalidInputError');
    };
    const h = distinctHistories(cols.purchase);
    expect(h.count).toBe(2);
    expect(issuesOf(() => predictClv(models[0]!, gg, cols, options))).toEqual([[2, 'recency']]);
    expect(issuesOf(() => aliveByHistory(models[0]!, cols.purchase, h))).toEqual(issuesOf(() => models[0]!.probabilityAliveMany(cols.purchase)));
  });
});
