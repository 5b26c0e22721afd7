import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { simulateBgNbd } from '../../../src/models/bgnbd/simulateBgNbd.js';
import { btydCustomer, positiveParameter } from '../fit/arbitraries.js';
import { expectFiniteOutputs, pmfMoments } from '../fit/modelChecks.js';
import { reference } from '../fit/sharedData.js';

// FHL 2005 published estimates (reference-values.json bgnbd.cdnow.params_paper; also the fixed
// parameters of bgnbd.pmf_btyd).
const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const model = bgNbd(PAPER);


describe('bgNbd formulas (reference-values.json)', () => {
  const ref = reference('bgnbd.pmf_btyd');
  const e = ref.expected as Record<string, number | number[]>;
  it('bgnbd.pmf_btyd: P(X(2)=10) and P(X(39)=0) within 1e-4 (and 1e-6 relative)', () => {
    const a = model.purchaseProbability(10, 2);
    const b = model.purchaseProbability(0, 39);
    expect(Math.abs(a - (e['P(X(2)=10)'] as number))).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(b - (e['P(X(39)=0)'] as number))).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(a / (e['P(X(2)=10)'] as number) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(b / (e['P(X(39)=0)'] as number) - 1)).toBeLessThan(1e-6);
  });
  it('bgnbd.pmf_btyd: P(X(30)=n), n = 11..20, within 1.5e-5 (and 1e-6 relative)', () => {
    const expected = e['P(X(30)=n), n=11..20'] as number[];
    expected.forEach((v, i) => {
      const got = model.purchaseProbability(11 + i, 30);
      expect(Math.abs(got - v)).toBeLessThanOrEqual(1.5e-5);
      expect(Math.abs(got / v - 1)).toBeLessThan(1e-6);
    });
  });
});

describe('bgNbd against mpmath (1.3.0, 40-60 digits, hyp2f1 of FHL 2005 eq. 7 and 10)', () => {
  it('long horizons, where 2F1 is evaluated near z = 1 (relative 1e-10)', () => {
    for (const [t, want] of [
      [1e4, 15.067913315055178],
      [1e5, 29.607861654554955],
      [1e6, 53.540478253014578],
    ] as const) {
      expect(Math.abs(model.expectedPurchasesNewCustomer(t) / want - 1)).toBeLessThan(1e-10);
    }
  });
  it('customers with thousands of purchases (relative 1e-10)', () => {
    expect(Math.abs(model.expectedPurchases(500, { frequency: 5000, recency: 9999, T: 10000 }) / 245.03047360060597 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(model.expectedPurchases(500, { frequency: 3000, recency: 100, T: 100 }) / 6353.0200266891319 - 1)).toBeLessThan(1e-10);
  });
  it('a + b = 1, where the hypergeometric series has c = 0 (limit r b z 2F1(r+1, b+1; 2; z) (α/(α+t))^r / (1 - a); relative 1e-10)', () => {
    const m1 = bgNbd({ r: 0.12916189898477592, alpha: 0.03213335920652075, a: 0.5, b: 0.5 });
    expect(Math.abs(m1.expectedPurchasesNewCustomer(0.02623193603029924) / 0.088132007988288327 - 1)).toBeLessThan(1e-10);
    const m2 = bgNbd({ r: 2, alpha: 0.5, a: 0.5, b: 0.5 });
    expect(Math.abs(m2.expectedPurchasesNewCustomer(1000) / 67.076447061354695 - 1)).toBeLessThan(1e-10);
    expect(Number.isFinite(m2.expectedPurchases(3, { frequency: 0, recency: 0, T: 0.001 }))).toBe(true);
  });
});

describe('bgNbd invariants', () => {
  it('the pmf sums to 1 and its mean is the new-customer expectation', () => {
    const { total, mean } = pmfMoments((n) => model.purchaseProbability(n, 52), 2000);
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(52), 8);
  });
  it('the conditional pmf sums to 1 and its mean is the conditional expectation', () => {
    const c = { frequency: 4, recency: 25, T: 38 };
    const { total, mean } = pmfMoments((n) => model.purchaseProbability(n, 20, c), 2000);
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(model.expectedPurchases(20, c), 8);
  });
  it('P(alive) = 1 without repeat purchases; expectations are 0 at t = 0', () => {
    expect(model.probabilityAlive({ frequency: 0, recency: 0, T: 50 })).toBe(1);
    expect(model.expectedPurchasesNewCustomer(0)).toBe(0);
    expect(model.expectedPurchases(0, { frequency: 3, recency: 3, T: 9 })).toBe(0);
  });
  it('handles a = 1 (removable singularity) continuously', () => {
    const at1 = bgNbd({ ...PAPER, a: 1 }).expectedPurchasesNewCustomer(20);
    const near = bgNbd({ ...PAPER, a: 1.001 }).expectedPurchasesNewCustomer(20);
    expect(Math.abs(at1 - near) / near).toBeLessThan(1e-3);
  });
  it('no NaN or Infinity for extreme valid customers; P(alive) in [0, 1] (property)', () => {
    fc.assert(
      fc.property(btydCustomer, fc.double({ min: 0, max: 500, noNaN: true }), (c, t) => {
        const pa = model.probabilityAlive(c);
        const ex = model.expectedPurchases(t, c);
        const p0 = model.purchaseProbability(0, t, c);
        return pa >= 0 && pa <= 1 && Number.isFinite(ex) && ex >= 0 && p0 >= 0 && p0 <= 1 + 1e-12;
      }),
    );
  });
  it('no NaN or Infinity for any parameters and valid customer; only a documented error for extreme horizons (property)', () => {
    fc.assert(
      fc.property(fc.array(positiveParameter, { minLength: 4, maxLength: 4 }), btydCustomer, fc.double({ min: 0, max: 500, noNaN: true }), fc.integer({ min: 0, max: 30 }), ([r, alpha, a, b], c, t, n) => {
        expectFiniteOutputs(bgNbd({ r: r!, alpha: alpha!, a: a!, b: b! }), c, t, n);
      }),
      { numRuns: 300 },
    );
  });
  it('P(alive) falls as T grows with x, t_x fixed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (x, tx, extra) => {
        const a = model.probabilityAlive({ frequency: x, recency: tx, T: tx + extra });
        const b = model.probabilityAlive({ frequency: x, recency: tx, T: tx + extra * 2 });
        return b <= a;
      }),
    );
  });
  it('vectorised forms equal the scalar ones', () => {
    const cs = [{ frequency: 0, recency: 0, T: 10 }, { frequency: 3, recency: 8, T: 10 }];
    expect(Array.from(model.probabilityAliveMany(cs))).toEqual(cs.map((c) => model.probabilityAlive(c)));
    expect(Array.from(model.expectedPurchasesMany(5, cs))).toEqual(cs.map((c) => model.expectedPurchases(5, c)));
    expect(model.probabilityAliveMany([]).length).toBe(0);
  });
  it('rejects invalid parameters, customers and queries', () => {
    expect(() => bgNbd({ ...PAPER, r: -1 })).toThrow(InvalidInputError);
    expect(() => bgNbd({ ...PAPER, b: NaN })).toThrow(InvalidInputError);
    expect(() => model.probabilityAlive({ frequency: 1, recency: 5, T: 4 })).toThrow(InvalidInputError);
    expect(() => model.expectedPurchases(-1, { frequency: 1, recency: 1, T: 4 })).toThrow(InvalidInputError);
    expect(() => model.purchaseProbability(1.5, 3)).toThrow(InvalidInputError);
  });
});

describe('simulateBgNbd', () => {
  it('is deterministic for a seed and gives valid customers', () => {
    const a = simulateBgNbd(PAPER, { customers: 50, T: 39, seed: 11 });
    expect(simulateBgNbd(PAPER, { customers: 50, T: 39, seed: 11 })).toEqual(a);
    for (const c of a) expect(c.recency <= c.T && (c.frequency > 0 || c.recency === 0)).toBe(true);
    expect(model.simulate({ customers: 50, T: 39, seed: 11 })).toEqual(a);
  });
  it('a fit on 20,000 simulated customers recovers the parameters (within 4 standard errors)', () => {
    const Ts = Array.from({ length: 20000 }, (_, i) => 26 + (i % 13));
    const fit = fitBgNbd(simulateBgNbd(PAPER, { T: Ts, seed: 5 }));
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] - PAPER[k])).toBeLessThan(4 * fit.standardErrors![k]);
    }
  });
  it('rejects a bad T, customer count or seed, naming the option', () => {
    expect(() => simulateBgNbd(PAPER, { customers: 2, T: 0, seed: 1 })).toThrow(/options, T/);
    expect(() => simulateBgNbd(PAPER, { customers: 1.5, T: 3, seed: 1 })).toThrow(/options, customers/);
    expect(() => simulateBgNbd(PAPER, { customers: 2, T: 3, seed: Number.NaN })).toThrow(/options, seed/);
  });
});
