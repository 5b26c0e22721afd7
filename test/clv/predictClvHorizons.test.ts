import { describe, expect, it } from 'vitest';
import { predictClv, type PredictClvOptions } from '../../src/clv/predictClv.js';
import { bgNbd } from '../../src/models/bgnbd/bgNbd.js';
import { simulateBgNbd } from '../../src/models/bgnbd/simulateBgNbd.js';
import { gammaGamma } from '../../src/models/gammagamma/gammaGamma.js';
import { mbgNbd } from '../../src/models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../src/models/paretonbd/paretoNbd.js';
import type { BtydCustomer, PurchaseModel } from '../../src/models/types.js';

// predictClv through expectedPurchasesOverHorizons (one validation, P(alive) pass and (x, T)
// grouping) against the per-step expectedPurchasesMany path: every element bit for bit equal.

const gg = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });

/** CDNOW-sized cohort (2,357 customers acquired over 12 weeks, observed to week 39), in days or weeks; recency rounded up to whole days. */
function cohort(unit: 'day' | 'week'): BtydCustomer[] {
  const perWeek = unit === 'day' ? 7 : 1;
  const Ts = Array.from({ length: 2357 }, (_, i) => (273 - (i % 84)) / (7 / perWeek));
  return simulateBgNbd({ r: 0.243, alpha: 4.414 * perWeek, a: 0.793, b: 2.426 }, { T: Ts, seed: 11 }).map((c) => ({
    frequency: c.frequency,
    recency: Math.min(Math.ceil((c.recency * 7) / perWeek) / (7 / perWeek), c.T),
    T: c.T,
  }));
}

/** The model without expectedPurchasesOverHorizons: predictClv falls back to one expectedPurchasesMany call per step. */
function perStep(m: PurchaseModel<unknown>): Pick<PurchaseModel<unknown>, 'model' | 'expectedPurchasesMany'> {
  return { model: m.model, expectedPurchasesMany: (t, cs) => m.expectedPurchasesMany(t, cs) };
}

function sameBits(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  let mismatches = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) mismatches++;
  expect(mismatches).toBe(0);
}

const models = (perWeek: number): [string, PurchaseModel<unknown>][] => [
  ['BG/NBD', bgNbd({ r: 0.243, alpha: 4.414 * perWeek, a: 0.793, b: 2.426 })],
  ['Pareto/NBD', paretoNbd({ r: 0.553, alpha: 10.578 * perWeek, s: 0.606, beta: 11.669 * perWeek })],
  ['MBG/NBD', mbgNbd({ r: 0.525, alpha: 6.183 * perWeek, a: 0.891, b: 1.614 })],
];

describe('predictClv with expectedPurchasesOverHorizons', () => {
  for (const unit of ['day', 'week'] as const) {
    const customers = cohort(unit);
    const rows = customers.map((c, i) => ({ purchase: c, spend: { frequency: c.frequency, monetaryValue: 20 + (i % 17) } }));
    const columns = {
      purchase: { frequency: Float64Array.from(customers, (c) => c.frequency), recency: Float64Array.from(customers, (c) => c.recency), T: Float64Array.from(customers, (c) => c.T) },
      spend: { frequency: Float64Array.from(customers, (c) => c.frequency), monetaryValue: Float64Array.from(rows, (r) => r.spend.monetaryValue) },
    };
    const cases: PredictClvOptions[] = [
      { asOf: '1997-09-30', horizon: { amount: 1, unit: 'year' }, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: unit, margin: 0.3 },
      { asOf: '1997-09-30', horizon: { amount: 3, unit: 'month' }, modelTimeUnit: unit, step: unit === 'day' ? 7 : 0.5 },
    ];
    for (const [name, model] of models(unit === 'day' ? 7 : 1)) {
      it(`${name} in ${unit}s: clv and expectedPurchases bit for bit those of the per-step path (objects and columns)`, () => {
        expect(typeof model.expectedPurchasesOverHorizons).toBe('function');
        for (const opts of cases) {
          const fast = predictClv(model, gg, rows, opts);
          const slow = predictClv(perStep(model), gg, rows, opts);
          expect(fast.steps).toBe(slow.steps);
          expect(fast.steps).toBeGreaterThan(1);
          sameBits(fast.clv, slow.clv);
          sameBits(fast.expectedPurchases, slow.expectedPurchases);
          expect(Object.is(fast.total, slow.total)).toBe(true);
          const fastCols = predictClv(model, gg, columns, opts);
          const slowCols = predictClv(perStep(model), gg, columns, opts);
          sameBits(fastCols.clv, slowCols.clv);
          sameBits(fastCols.expectedPurchases, slowCols.expectedPurchases);
          sameBits(fastCols.clv, fast.clv);
        }
      });
    }
  }

  it('a zero horizon does not call the model (invalid histories pass, as on the per-step path)', () => {
    const bad = [{ purchase: { frequency: 1, recency: 5, T: 3 }, spend: { frequency: 1, monetaryValue: 10 } }];
    const r = predictClv(bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), gg, bad, { asOf: '2024-01-01', horizon: { amount: 0, unit: 'week' } });
    expect(r.steps).toBe(0);
    expect(Array.from(r.clv)).toEqual([0]);
  });

  it('invalid histories throw the same InvalidInputError as the per-step path', () => {
    const model = paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
    const bad = [
      { purchase: { frequency: 1, recency: 2, T: 3 }, spend: { frequency: 1, monetaryValue: 10 } },
      { purchase: { frequency: 1, recency: 5, T: 3 }, spend: { frequency: 1, monetaryValue: 10 } },
    ];
    const opts = { asOf: '2024-01-01', horizon: { amount: 4, unit: 'week' as const } };
    const caught = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('expected a throw');
    };
    const fast = caught(() => predictClv(model, gg, bad, opts)) as { name: string; issues: unknown };
    const slow = caught(() => predictClv(perStep(model), gg, bad, opts)) as { name: string; issues: unknown };
    expect(fast.name).toBe('InvalidInputError');
    expect(fast.issues).toEqual(slow.issues);
  });
});
