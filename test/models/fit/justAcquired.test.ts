import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgBb } from '../../../src/models/bgbb/bgBb.js';
import { fitBgBb } from '../../../src/models/bgbb/fitBgBb.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { fitGammaGamma } from '../../../src/models/gammagamma/fitGammaGamma.js';
import { gammaGamma } from '../../../src/models/gammagamma/gammaGamma.js';
import { fitMbgNbd } from '../../../src/models/mbgnbd/fitMbgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import type { BtydCustomer } from '../../../src/models/types.js';
import { summarizeCustomers } from '../../../src/summary/summarizeCustomers.js';
import { parseTransactions } from '../../../src/transactions/parseTransactions.js';
import { readSharedCsv } from '../../helpers/sharedData.js';
import { cdnowExact } from './sharedData.js';

// A customer first seen on the as-of date (T = 0, so x = 0 and t_x = 0) has likelihood exactly 1
// under every continuous-time model: the fits count and drop them, and must then be bit-identical
// to fits on the customers with T > 0 only.
const justAcquired: BtydCustomer = { frequency: 0, recency: 0, T: 0 };

function withNewcomers(data: readonly BtydCustomer[], every: number): BtydCustomer[] {
  const out: BtydCustomer[] = [];
  data.forEach((c, i) => {
    out.push(c);
    if (i % every === 0) out.push(justAcquired);
  });
  return out;
}

describe('fits accept customers with T = 0 (likelihood contribution 1)', () => {
  const cdnow = cdnowExact();
  const mixed = withNewcomers(cdnow, 100);
  const added = mixed.length - cdnow.length;
  for (const [name, fit] of [
    ['fitBgNbd', fitBgNbd],
    ['fitParetoNbd', fitParetoNbd],
    ['fitMbgNbd', fitMbgNbd],
  ] as const) {
    it(`${name}: parameters, LL and standard errors bit-identical to the fit without them; counted in justAcquired`, () => {
      const base = fit(cdnow);
      const withZero = fit(mixed);
      expect(withZero.params).toStrictEqual(base.params);
      expect(withZero.logLikelihood).toBe(base.logLikelihood);
      expect(withZero.standardErrors).toStrictEqual(base.standardErrors);
      expect(withZero.iterations).toBe(base.iterations);
      expect(withZero.customers).toBe(cdnow.length);
      expect(withZero.justAcquired).toBe(added);
      expect(base.justAcquired).toBe(0);
    });
  }
  it('weights of T = 0 rows are counted in justAcquired, and the weighted fit equals the one without them', () => {
    const data = cdnow.slice(0, 500);
    const base = fitBgNbd(data, { weights: data.map(() => 2) });
    const w = fitBgNbd([...data, justAcquired], { weights: [...data.map(() => 2), 7] });
    expect(w.params).toStrictEqual(base.params);
    expect(w.justAcquired).toBe(7);
  });
  it('throws not_identified when every customer has T = 0', () => {
    for (const fit of [fitBgNbd, fitParetoNbd, fitMbgNbd]) {
      try {
        fit([justAcquired, justAcquired]);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError);
        expect((e as InvalidInputError).issues[0].code).toBe('not_identified');
        expect((e as Error).message).toMatch(/T = 0/);
      }
    }
  });
  it('rejects T = 0 with a repeat purchase (not a history)', () => {
    expect(() => fitBgNbd([...cdnow.slice(0, 10), { frequency: 1, recency: 0, T: 0 }])).toThrow(/row 10, frequency: expected frequency 0 when T is 0/);
  });
  it('fitBgNbd(summarizeCustomers(rows).customers) works when a customer first bought on the as-of date', () => {
    const rows = [
      { customerId: 'ann', date: '2024-01-05', amount: 20 },
      { customerId: 'ann', date: '2024-03-01', amount: 35 },
      { customerId: 'ann', date: '2024-05-01', amount: 15 },
      { customerId: 'bob', date: '2024-02-11', amount: 12.5 },
      { customerId: 'cem', date: '2024-01-20', amount: 8 },
      { customerId: 'cem', date: '2024-06-02', amount: 9 },
      { customerId: 'dee', date: '2024-06-30', amount: 40 },
    ];
    const { table } = parseTransactions(rows);
    const { customers } = summarizeCustomers(table, { asOf: '2024-06-30', timeUnit: 'week' });
    const dee = customers.find((c) => c.customerId === 'dee')!;
    expect(dee.btyd.T).toBe(0);
    const fit = fitBgNbd(customers);
    expect(fit.justAcquired).toBe(1);
    expect(fit.customers).toBe(3);
    expect(fit.params).toStrictEqual(fitBgNbd(customers.filter((c) => c.btyd.T > 0)).params);
    expect(fit.probabilityAlive(dee.btyd)).toBe(1);
    expect(fit.expectedPurchases(52, dee.btyd)).toBe(fit.expectedPurchasesNewCustomer(52));
  });
});

describe('predictions at T = 0 are the model limits, exactly', () => {
  const models = [
    bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
    paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }),
    mbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }),
  ];
  it('BG/NBD and Pareto/NBD: P(alive) = 1; expectations and pmf equal the new-customer ones bit for bit', () => {
    for (const m of models.slice(0, 2)) {
      expect(m.probabilityAlive(justAcquired)).toBe(1);
      for (const t of [0, 0.5, 39, 520]) {
        expect(m.expectedPurchases(t, justAcquired)).toBe(m.expectedPurchasesNewCustomer(t));
        for (const n of [0, 1, 3]) expect(m.purchaseProbability(n, t, justAcquired)).toBe(m.purchaseProbability(n, t));
      }
    }
  });
  it('MBG/NBD: P(alive) = b / (a + b) (the coin at the first purchase); expectations and pmf equal the new-customer ones', () => {
    const m = models[2]!;
    expect(m.probabilityAlive(justAcquired)).toBe(1.614 / (0.891 + 1.614));
    for (const t of [0, 0.5, 39, 520]) {
      expect(m.expectedPurchases(t, justAcquired)).toBe(m.expectedPurchasesNewCustomer(t));
      for (const n of [0, 1, 3]) expect(m.purchaseProbability(n, t, justAcquired)).toBe(m.purchaseProbability(n, t));
    }
  });
  it('the T = 0 values are the limits of T -> 0 (1e-9 relative at T = 1e-9)', () => {
    for (const m of models) {
      const tiny = { frequency: 0, recency: 0, T: 1e-9 };
      expect(Math.abs(m.probabilityAlive(tiny) - m.probabilityAlive(justAcquired))).toBeLessThan(1e-9);
      const e0 = m.expectedPurchases(39, justAcquired);
      expect(Math.abs(m.expectedPurchases(39, tiny) - e0) / e0).toBeLessThan(1e-9);
    }
  });
  it('the *Many forms accept T = 0 and agree with the single forms, without NaN', () => {
    for (const m of models) {
      const cs = [justAcquired, { frequency: 2, recency: 30.43, T: 38.86 }, justAcquired];
      const pa = m.probabilityAliveMany(cs);
      const ep = m.expectedPurchasesMany(10, cs);
      cs.forEach((c, i) => {
        expect(pa[i]).toBe(m.probabilityAlive(c));
        expect(ep[i]).toBe(m.expectedPurchases(10, c));
        expect(Number.isNaN(pa[i]) || Number.isNaN(ep[i])).toBe(false);
      });
    }
  });
  it('BG/BB (discrete) accepts n = 0 opportunities, and its fit counts them as justAcquired without changing the estimates', () => {
    const m = bgBb({ alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 });
    const none = { frequency: 0, recency: 0, periods: 0 };
    expect(m.expectedPurchases(5, none)).toBeCloseTo(m.expectedPurchasesNewCustomer(5), 12);
    const rows = [
      { frequency: 0, recency: 0, periods: 6 },
      { frequency: 1, recency: 1, periods: 6 },
      { frequency: 3, recency: 5, periods: 6 },
      { frequency: 6, recency: 6, periods: 6 },
    ];
    const weights = [3464, 1091, 225, 1203];
    const base = fitBgBb(rows, { weights });
    const more = fitBgBb({ customers: [...rows, none] }, { weights: [...weights, 50] });
    expect(more.params).toStrictEqual(base.params);
    expect(more.justAcquired).toBe(50);
    expect(() => fitBgBb([none], { weights: [3] })).toThrow(/0 transaction opportunities/);
  });
});

describe('Gamma-Gamma: repeat customers with a zero mean spend', () => {
  const spends = readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({ frequency: Number(r['x']), monetaryValue: Number(r['m.x']) }));
  it('are left out and counted (zeroSpend), bit-identically to the fit without them', () => {
    const free = [
      { frequency: 2, monetaryValue: 0 },
      { frequency: 1, monetaryValue: 0 },
    ];
    const base = fitGammaGamma(spends);
    const fit = fitGammaGamma([...free, ...spends]);
    expect(fit.params).toStrictEqual(base.params);
    expect(fit.logLikelihood).toBe(base.logLikelihood);
    expect(fit.customers).toBe(base.customers);
    expect(fit.zeroSpend).toBe(2 + base.zeroSpend);
  });
  it('get the limit p γ / (p x + q − 1), equal to the old command line rule (mean spend Number.MIN_VALUE)', () => {
    const model = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    for (const x of [1, 2, 7]) {
      const v = model.expectedAverageSpend({ frequency: x, monetaryValue: 0 });
      expect(v).toBe((6.25 * 15.44) / (6.25 * x + 3.74 - 1));
      expect(v).toBe(model.expectedAverageSpend({ frequency: x, monetaryValue: Number.MIN_VALUE }));
    }
    expect(Array.from(model.expectedAverageSpendMany([{ frequency: 3, monetaryValue: 0 }]))).toEqual([model.expectedAverageSpend({ frequency: 3, monetaryValue: 0 })]);
  });
  it('throws not_identified when no repeat customer has a positive spend', () => {
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 0 }])).toThrow(/positive mean repeat spend/);
  });
});
