import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictClv } from '../../../src/clv/predictClv.js';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { fitGammaGamma } from '../../../src/models/gammagamma/fitGammaGamma.js';
import { gammaGamma } from '../../../src/models/gammagamma/gammaGamma.js';
import { fitMbgNbd } from '../../../src/models/mbgnbd/fitMbgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import type { BtydColumns, BtydCustomer, SpendColumns } from '../../../src/models/types.js';
import { readSharedCsv } from '../../helpers/sharedData.js';
import { btydCustomer } from './arbitraries.js';

// The columns forms must give bit for bit what the object forms give: the pipeline switches to
// them and its output must not change.
const cdnow = readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({
  purchase: { frequency: Number(r['x']), recency: Number(r['t.x']), T: Number(r['T.cal']) },
  spend: { frequency: Number(r['x']), monetaryValue: Number(r['m.x']) },
}));
const histories: BtydCustomer[] = [...cdnow.map((c) => c.purchase), { frequency: 0, recency: 0, T: 0 }];

function columns(cs: readonly BtydCustomer[]): BtydColumns {
  return { frequency: Float64Array.from(cs, (c) => c.frequency), recency: Float64Array.from(cs, (c) => c.recency), T: Float64Array.from(cs, (c) => c.T) };
}
function spendColumns(cs: readonly { frequency: number; monetaryValue: number }[]): SpendColumns {
  return { frequency: Float64Array.from(cs, (c) => c.frequency), monetaryValue: Float64Array.from(cs, (c) => c.monetaryValue) };
}

const models = [
  bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
  mbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }),
  paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }),
];

describe('vectorised predictions on BtydColumns', () => {
  const cols = columns(histories);
  for (const m of models) {
    it(`${m.model}: probabilityAliveMany and expectedPurchasesMany equal the single forms bit for bit, on columns and on arrays`, () => {
      const pa = m.probabilityAliveMany(cols);
      expect(Array.from(pa)).toEqual(Array.from(m.probabilityAliveMany(histories)));
      histories.forEach((c, i) => expect(pa[i]).toBe(m.probabilityAlive(c)));
      for (const t of [0, 1, 39, 52 * 3]) {
        const e = m.expectedPurchasesMany(t, cols);
        expect(Array.from(e)).toEqual(Array.from(m.expectedPurchasesMany(t, histories)));
        histories.forEach((c, i) => expect(e[i]).toBe(m.expectedPurchases(t, c)));
      }
    });
  }
  it('agree with the single forms on arbitrary histories (property)', () => {
    fc.assert(
      fc.property(fc.array(btydCustomer, { minLength: 1, maxLength: 30 }), (cs) => {
        const cols2 = columns(cs);
        for (const m of models.slice(0, 2)) {
          const pa = m.probabilityAliveMany(cols2);
          const e = m.expectedPurchasesMany(10, cols2);
          cs.forEach((c, i) => {
            expect(pa[i]).toBe(m.probabilityAlive(c));
            expect(e[i]).toBe(m.expectedPurchases(10, c));
          });
        }
      }),
      { numRuns: 60 },
    );
  });
  it('reject an invalid history with its row and field, and mismatched lengths; do not mutate the columns', () => {
    const bad = columns([{ frequency: 1, recency: 2, T: 5 }, { frequency: 1, recency: 9, T: 5 }]);
    for (const m of models) {
      expect(() => m.probabilityAliveMany(bad)).toThrow(/row 1, recency/);
      expect(() => m.expectedPurchasesMany(0, bad)).toThrow(InvalidInputError);
      expect(() => m.probabilityAliveMany({ frequency: new Float64Array(2), recency: new Float64Array(1), T: new Float64Array(2) })).toThrow(InvalidInputError);
    }
    const copy = columns(histories);
    models[0]!.expectedPurchasesMany(39, copy);
    expect(copy).toEqual(cols);
  });
  it('empty columns give empty results', () => {
    const empty = columns([]);
    for (const m of models) {
      expect(m.probabilityAliveMany(empty).length).toBe(0);
      expect(m.expectedPurchasesMany(5, empty).length).toBe(0);
    }
  });
});

describe('fits on columns', () => {
  const cols = columns(histories);
  it('BG/NBD, MBG/NBD and Pareto/NBD fits on BtydColumns equal the fits on objects bit for bit', () => {
    for (const fit of [fitBgNbd, fitMbgNbd, fitParetoNbd]) {
      const a = fit(histories);
      const b = fit(cols);
      expect(b.params).toStrictEqual(a.params);
      expect(b.logLikelihood).toBe(a.logLikelihood);
      expect(b.justAcquired).toBe(1);
    }
  });
  it('accept weights as a Float64Array, and weights of 1 change nothing', () => {
    const ones = new Float64Array(histories.length).fill(1);
    expect(fitBgNbd(cols, { weights: ones }).params).toStrictEqual(fitBgNbd(cols).params);
    const twos = new Float64Array(histories.length).fill(2);
    expect(fitBgNbd(cols, { weights: twos }).logLikelihood).toBeCloseTo(2 * fitBgNbd(cols).logLikelihood, 6);
  });
  it('Gamma-Gamma on SpendColumns equals the fit on objects; weights of 1 change nothing; weights of 2 double the LL', () => {
    const spends = cdnow.map((c) => c.spend);
    const a = fitGammaGamma(spends);
    const b = fitGammaGamma(spendColumns(spends));
    expect(b.params).toStrictEqual(a.params);
    expect(b.logLikelihood).toBe(a.logLikelihood);
    expect(fitGammaGamma({ customers: spends }, { weights: spends.map(() => 1) }).params).toStrictEqual(a.params);
    const doubled = fitGammaGamma(spends, { weights: spends.map(() => 2) });
    expect(doubled.logLikelihood).toBeCloseTo(2 * a.logLikelihood, 6);
    expect(doubled.customers).toBe(2 * a.customers);
    expect(() => fitGammaGamma(spends, { weights: [1] })).toThrow(/options, weights/);
  });
  it('Gamma-Gamma expectedAverageSpendMany on columns equals the object form bit for bit, zero spends included', () => {
    const m = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    const spends = [...cdnow.map((c) => c.spend), { frequency: 3, monetaryValue: 0 }];
    const viaCols = m.expectedAverageSpendMany(spendColumns(spends));
    expect(Array.from(viaCols)).toEqual(Array.from(m.expectedAverageSpendMany(spends)));
    expect(() => m.expectedAverageSpendMany(spendColumns([{ frequency: 1, monetaryValue: Number.NaN }]))).toThrow(/row 0, monetaryValue/);
  });
});

describe('predictClv on columns', () => {
  it('gives the object path results bit for bit (continuous model, margins per customer)', () => {
    const model = models[0]!;
    const spend = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    const margins = cdnow.map((_, i) => (i % 3 === 0 ? 0.4 : 0.25));
    const objects = cdnow.map((c, i) => ({ ...c, margin: margins[i]! }));
    const options = { asOf: '1997-09-30', horizon: { amount: 1, unit: 'year' }, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week', step: 1 } as const;
    const a = predictClv(model, spend, objects, options);
    const b = predictClv(model, spend, { purchase: columns(cdnow.map((c) => c.purchase)), spend: spendColumns(cdnow.map((c) => c.spend)), margin: Float64Array.from(margins) }, options);
    expect(Array.from(b.clv)).toEqual(Array.from(a.clv));
    expect(Array.from(b.expectedPurchases)).toEqual(Array.from(a.expectedPurchases));
    expect(Array.from(b.expectedSpend)).toEqual(Array.from(a.expectedSpend));
    expect(Array.from(b.margin)).toEqual(Array.from(a.margin));
    expect(b.total).toBe(a.total);
    const noMargin = predictClv(model, spend, { purchase: columns(cdnow.map((c) => c.purchase)), spend: spendColumns(cdnow.map((c) => c.spend)) }, { ...options, margin: 0.3 });
    expect(noMargin.margin.every((m) => m === 0.3)).toBe(true);
  });
  it('rejects a bad margin and mismatched lengths', () => {
    const model = models[0]!;
    const spend = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    const purchase = columns([{ frequency: 1, recency: 2, T: 3 }]);
    const sc = spendColumns([{ frequency: 1, monetaryValue: 10 }]);
    const options = { asOf: '2024-01-01', horizon: { amount: 4, unit: 'week' } } as const;
    expect(() => predictClv(model, spend, { purchase, spend: sc, margin: Float64Array.of(2) }, options)).toThrow(/row 0, margin/);
    expect(() => predictClv(model, spend, { purchase, spend: spendColumns([]) }, options)).toThrow(InvalidInputError);
  });
});
