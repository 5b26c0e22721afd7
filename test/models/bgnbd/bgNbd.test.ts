import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { simulateBgNbd } from '../../../src/models/bgnbd/simulateBgNbd.js';
import { reference } from '../fit/sharedData.js';

const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const model = bgNbd(PAPER);

// Arbitrary valid (x, t_x, T), x in the thousands included.
export const btydCustomer = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([x, T, u]) => ({ frequency: x, recency: x === 0 ? 0 : u * T, T }));

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

describe('bgNbd invariants', () => {
  it('the pmf sums to 1 and its mean is the new-customer expectation', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 2000; n++) {
      const p = model.purchaseProbability(n, 52);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(52), 8);
  });
  it('the conditional pmf sums to 1 and its mean is the conditional expectation', () => {
    const c = { frequency: 4, recency: 25, T: 38 };
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 2000; n++) {
      const p = model.purchaseProbability(n, 20, c);
      total += p;
      mean += n * p;
    }
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
  it('rejects a bad T', () => {
    expect(() => simulateBgNbd(PAPER, { customers: 2, T: 0, seed: 1 })).toThrow(InvalidInputError);
  });
});
