import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { fitMbgNbd } from '../../../src/models/mbgnbd/fitMbgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import { btydCustomer } from '../fit/arbitraries.js';

/** 600 simulated Pareto/NBD histories with a numeric, a boolean and a three-level categorical covariate. */
function customers(): { frequency: number; recency: number; T: number; customerId: string; age: number; female: boolean; region: string }[] {
  const h = paretoNbd({ r: 0.8, alpha: 8, s: 0.6, beta: 12 }).simulate({ customers: 600, T: 52, seed: 11 });
  return h.map((c, i) => ({ ...c, customerId: `c${i}`, age: 20 + ((i * 7) % 41), female: i % 3 === 0, region: ['north', 'south', 'east'][i % 5 % 3]! }));
}

function issueOf(f: () => unknown): { code: string; path: readonly (string | number)[]; message: string; customerId?: string | number } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues[0];
  }
  throw new Error('expected an InvalidInputError');
}

const data = customers();
const covariates = { purchase: ['female', 'region'], dropout: ['age'] };

describe('covariate encoding', () => {
  const fit = fitParetoNbd(data, { covariates });
  it('a string field gives k - 1 dummies against its first category in sorted order; numbers and booleans one column', () => {
    expect(fit.covariates!.design.purchase.columns).toEqual(['female', 'region=north', 'region=south']);
    expect(fit.covariates!.design.purchase.encodings[1]).toEqual({ field: 'region', kind: 'categorical', categories: ['east', 'north', 'south'], columns: ['region=north', 'region=south'] });
    expect(fit.covariates!.design.dropout.columns).toEqual(['age']);
    expect(Object.keys(fit.covariates!.coefficients.purchase)).toEqual(['female', 'region=north', 'region=south']);
    expect(fit.converged).toBe(true);
  });

  it('booleans, 0/1 numbers and a two-category string give the same fit bit for bit', () => {
    const asNumber = data.map((c) => ({ ...c, female: c.female ? 1 : 0 }));
    const asString = data.map((c) => ({ ...c, female: c.female ? 'yes' : 'no' }));
    const a = fitParetoNbd(data, { covariates: { purchase: ['female'] } });
    const b = fitParetoNbd(asNumber, { covariates: { purchase: ['female'] } });
    const c = fitParetoNbd(asString, { covariates: { purchase: ['female'] } });
    expect(b.params).toEqual(a.params);
    expect(c.params).toEqual(a.params);
    expect(c.covariates!.coefficients.purchase['female=yes']).toBe(a.covariates!.coefficients.purchase.female);
  });

  it('columns with a covariate column beside frequency, recency and T give the rows\' fit bit for bit', () => {
    const cols = {
      frequency: Float64Array.from(data, (c) => c.frequency),
      recency: Float64Array.from(data, (c) => c.recency),
      T: Float64Array.from(data, (c) => c.T),
      female: data.map((c) => c.female),
      region: data.map((c) => c.region),
      age: Float64Array.from(data, (c) => c.age),
    };
    const b = fitParetoNbd(cols, { covariates });
    expect(b.params).toEqual(fit.params);
    expect(b.covariates!.coefficients).toEqual(fit.covariates!.coefficients);
    expect(Array.from(b.probabilityAliveMany(cols))).toEqual(Array.from(fit.probabilityAliveMany(data)));
  });

  it('customer summaries: the history in btyd, the covariates on the element', () => {
    const summaries = data.map(({ frequency, recency, T, ...rest }) => ({ ...rest, btyd: { frequency, recency, T } }));
    const b = fitParetoNbd(summaries, { covariates });
    expect(b.params).toEqual(fit.params);
    expect(b.probabilityAlive(summaries[3] as never)).toBe(fit.probabilityAlive(data[3]!));
  });

  it('weights: a weighted row is worth that many copies (1e-8 relative)', () => {
    const twice = [...data.slice(0, 300), ...data.slice(0, 300)];
    const a = fitParetoNbd(twice, { covariates });
    const b = fitParetoNbd(data.slice(0, 300), { covariates, weights: new Array(300).fill(2) });
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(Math.abs(b.params[k] / a.params[k] - 1), k).toBeLessThan(1e-8);
    expect(Math.abs(b.logLikelihood / a.logLikelihood - 1)).toBeLessThan(1e-12);
  });

  it('does not mutate its input, and the order of the customers does not matter (1e-8 relative)', () => {
    const copy = structuredClone(data);
    const reversed = fitParetoNbd([...data].reverse(), { covariates });
    expect(data).toEqual(copy);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(Math.abs(reversed.params[k] / fit.params[k] - 1), k).toBeLessThan(1e-8);
    for (const [k, g] of Object.entries(fit.covariates!.coefficients.purchase)) expect(Math.abs(reversed.covariates!.coefficients.purchase[k]! - g), k).toBeLessThan(1e-8);
  });
});

describe('covariate validation', () => {
  it('a constant covariate is an error naming it', () => {
    const same = data.map((c) => ({ ...c, store: 7 }));
    const issue = issueOf(() => fitParetoNbd(same, { covariates: { purchase: ['female'], dropout: ['store'] } }));
    expect(issue.code).toBe('not_identified');
    expect(issue.path).toEqual(['options', 'covariates', 'dropout', 'store']);
    expect(issue.message).toContain('store');
    const one = data.map((c) => ({ ...c, country: 'fr' }));
    expect(issueOf(() => fitBgNbd(one, { covariates: { purchase: ['country'] } })).path).toEqual(['options', 'covariates', 'purchase', 'country']);
  });

  it('a covariate that is a linear combination of the earlier ones is an error naming it', () => {
    const rows = data.map((c) => ({ ...c, male: c.female ? 0 : 1, ageMonths: c.age * 12 + 3 }));
    const a = issueOf(() => fitParetoNbd(rows, { covariates: { purchase: ['female', 'male'] } }));
    expect(a.code).toBe('not_identified');
    expect(a.path).toEqual(['options', 'covariates', 'purchase', 'male']);
    expect(a.message).toMatch(/male is a linear combination of the purchase covariates before it \(female\)/);
    const b = issueOf(() => fitBgNbd(rows, { covariates: { dropout: ['age', 'female', 'ageMonths'] } }));
    expect(b.path).toEqual(['options', 'covariates', 'dropout', 'ageMonths']);
  });

  it('a missing value is an error naming the customer (index, and id when the row has one)', () => {
    const rows = data.map((c, i) => (i === 17 ? { ...c, age: undefined } : c));
    expect(issueOf(() => fitParetoNbd(rows, { covariates })).customerId).toBeUndefined();
    const issue = issueOf(() => fitParetoNbd(rows, { covariates, revealValues: true }));
    expect(issue).toMatchObject({ code: 'missing_field', path: [17, 'age'], customerId: 'c17' });
    expect(issue.message).toContain('age');
    const nan = data.map((c, i) => (i === 4 ? { ...c, age: Number.NaN } : c));
    expect(issueOf(() => fitBgNbd(nan, { covariates })).path).toEqual([4, 'age']);
    const inf = data.map((c, i) => (i === 5 ? { ...c, age: Infinity } : c));
    expect(issueOf(() => fitBgNbd(inf, { covariates })).code).toBe('not_finite');
    const mixed = data.map((c, i) => (i === 6 ? { ...c, region: 3 } : c));
    expect(issueOf(() => fitBgNbd(mixed, { covariates }))).toMatchObject({ code: 'invalid_value', path: [6, 'region'] });
  });

  it('every bad value is listed, not only the first', () => {
    const rows = data.map((c, i) => (i % 100 === 0 ? { ...c, age: null } : c));
    try {
      fitParetoNbd(rows, { covariates });
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).issues.map((x) => x.path[0])).toEqual([0, 100, 200, 300, 400, 500]);
    }
  });

  it('bad options are invalid_option errors', () => {
    for (const bad of [null, [], { purchase: 'age' }, { purchase: ['age', 'age'] }, { purchase: [''] }, { purchase: ['frequency'] }]) {
      expect(issueOf(() => fitParetoNbd(data, { covariates: bad as never })).code, JSON.stringify(bad)).toBe('invalid_option');
    }
    expect(issueOf(() => fitParetoNbd(data, { covariates: { loyalty: ['age'] } as never }))).toMatchObject({ code: 'unknown_option', path: ['options', 'covariates', 'loyalty'] });
    expect(issueOf(() => fitParetoNbd(data, { covariates, l2Penalty: 0.1 })).code).toBe('invalid_option');
    for (const fit of [fitParetoNbd, fitBgNbd, fitMbgNbd]) expect(issueOf(() => fit(data, { covariates, maxIteration: 10 } as never)).code).toBe('unknown_option');
  });

  it('the history checks of the plain fit still apply', () => {
    const rows = data.map((c, i) => (i === 2 ? { ...c, recency: c.T + 1 } : c));
    expect(issueOf(() => fitParetoNbd(rows, { covariates }))).toMatchObject({ code: 'invalid_recency', path: [2, 'recency'] });
  });
});

describe('predictions take each customer\'s covariates', () => {
  for (const [name, fit, build] of [
    ['Pareto/NBD', fitParetoNbd(data, { covariates }), paretoNbd],
    ['BG/NBD', fitBgNbd(data, { covariates }), bgNbd],
    ['MBG/NBD', fitMbgNbd(data, { covariates }), mbgNbd],
  ] as const) {
    it(`${name}: every method equals the plain model at the customer's own parameters, bit for bit`, () => {
      for (const c of data.slice(0, 40)) {
        const own = (build as (p: never) => ReturnType<typeof paretoNbd>)(fit.covariates!.paramsOf(c) as never);
        expect(fit.probabilityAlive(c)).toBe(own.probabilityAlive(c));
        expect(fit.expectedPurchases(13, c)).toBe(own.expectedPurchases(13, c));
        expect(fit.purchaseProbability(1, 13, c)).toBe(own.purchaseProbability(1, 13, c));
        expect(fit.covariates!.modelFor(c).expectedPurchasesNewCustomer(26)).toBe(own.expectedPurchasesNewCustomer(26));
      }
    });

    it(`${name}: the vectorised forms equal the single forms, in input order`, () => {
      const alive = fit.probabilityAliveMany(data);
      const expected = fit.expectedPurchasesMany(26, data);
      data.forEach((c, i) => {
        expect(alive[i]).toBe(fit.probabilityAlive(c));
        expect(expected[i]).toBe(fit.expectedPurchases(26, c));
      });
    });

    it(`${name}: methods without a customer answer at the base parameters (all covariates 0, reference categories)`, () => {
      const base = (build as (p: never) => ReturnType<typeof paretoNbd>)(fit.params as never);
      expect(fit.expectedPurchasesNewCustomer(10)).toBe(base.expectedPurchasesNewCustomer(10));
      expect(fit.covariates!.paramsOf({ female: false, region: 'east', age: 0 })).toEqual(fit.params);
    });
  }

  const fit = fitParetoNbd(data, { covariates });
  it('a customer without a covariate, or with a category the fit never saw, is an error naming it', () => {
    const { age: _age, ...noAge } = data[0]!;
    expect(issueOf(() => fit.probabilityAlive(noAge as never))).toMatchObject({ code: 'missing_field', path: ['customer', 'age'] });
    expect(issueOf(() => fit.probabilityAliveMany([data[0]!, { ...data[1]!, region: 'west' }]))).toMatchObject({ code: 'invalid_value', path: [1, 'region'] });
    expect(issueOf(() => fit.covariates!.modelFor({ female: true, region: 'north' }))).toMatchObject({ code: 'missing_field', path: ['covariates', 'age'] });
  });

  it('property: P(alive) and expectations over random histories and covariates equal the single forms', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ h: btydCustomer, female: fc.boolean(), region: fc.constantFrom('east', 'north', 'south'), age: fc.integer({ min: 18, max: 90 }) }), { maxLength: 30 }), (rows) => {
        const cs = rows.map((r) => ({ ...r.h, female: r.female, region: r.region, age: r.age }));
        const alive = fit.probabilityAliveMany(cs);
        const e = fit.expectedPurchasesMany(5, cs);
        cs.forEach((c, i) => {
          expect(alive[i]).toBe(fit.probabilityAlive(c));
          expect(e[i]).toBe(fit.expectedPurchases(5, c));
          expect(alive[i]! >= 0 && alive[i]! <= 1).toBe(true);
          expect(Number.isFinite(e[i]!)).toBe(true);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('a higher purchase coefficient raises the expected purchases of the customers who have the covariate', () => {
    const f = data[0]!;
    const m = { ...f, female: !f.female };
    const up = fit.covariates!.coefficients.purchase.female! > 0;
    const ef = fit.covariates!.modelFor({ ...f, female: true }).expectedPurchasesNewCustomer(52);
    const em = fit.covariates!.modelFor({ ...m, female: false }).expectedPurchasesNewCustomer(52);
    expect(ef > em).toBe(up);
  });
});

describe('CLV with a covariate model', () => {
  it('predictClv reads the covariates from the purchase columns: each customer as with her own plain model, bit for bit', async () => {
    const { predictClv } = await import('../../../src/clv/predictClv.js');
    const fit = fitParetoNbd(data, { covariates });
    const n = 12;
    const rows = data.slice(0, n);
    const purchase = {
      frequency: Float64Array.from(rows, (c) => c.frequency),
      recency: Float64Array.from(rows, (c) => c.recency),
      T: Float64Array.from(rows, (c) => c.T),
      female: rows.map((c) => c.female),
      region: rows.map((c) => c.region),
      age: rows.map((c) => c.age),
    };
    const spend = { frequency: purchase.frequency, monetaryValue: new Float64Array(n).fill(40) };
    const spendModel = { expectedAverageSpendMany: (cols: { frequency: Float64Array }) => new Float64Array(cols.frequency.length).fill(40) };
    const options = { asOf: '2024-01-01', horizon: { amount: 12, unit: 'month' }, discountRate: { rate: 0.01, per: 'month' }, modelTimeUnit: 'week' } as const;
    const all = predictClv(fit, spendModel as never, { purchase, spend } as never, options as never);
    rows.forEach((c, i) => {
      const own = fit.covariates!.modelFor(c);
      const one = predictClv(own, spendModel as never, { purchase: { frequency: purchase.frequency.subarray(i, i + 1), recency: purchase.recency.subarray(i, i + 1), T: purchase.T.subarray(i, i + 1) }, spend: { frequency: spend.frequency.subarray(i, i + 1), monetaryValue: spend.monetaryValue.subarray(i, i + 1) } } as never, options as never);
      expect(all.clv[i]).toBe(one.clv[0]);
    });
    // Without the covariate columns the model cannot answer, and says so.
    expect(issueOf(() => predictClv(fit, spendModel as never, { purchase: { frequency: purchase.frequency, recency: purchase.recency, T: purchase.T }, spend } as never, options as never)).code).toBe('missing_field');
  });
});
