import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { bgBb } from '../../../src/models/bgbb/bgBb.js';
import { simulateBgBb } from '../../../src/models/bgbb/simulateBgBb.js';
import { logBeta } from '../../../src/math/logBeta.js';
import { referenceValue } from '../../helpers/sharedData.js';
import { donationRows } from './donations.js';

// Reference: reference-values.json bgbb.donations.expected_new_customer (Hardie's BG/BB workbook
// via pymc-marketing, rtol 1e-3; BTYD vignette p.32 bgbb.Expectation(n = 10) = 3.179805 at BTYD's
// fitted parameters (run 3 of bgbb.donations.params), 7 printed digits).
const newRef = referenceValue('bgbb.donations.expected_new_customer');
const fitRef = referenceValue('bgbb.donations.params').expected as { btyd_run3: number[] };

// FHS 2010 published estimates (reference-values.json bgbb.donations.params).
const published = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const model = bgBb(published);

/** Brute-force E over the joint prior/posterior by enumerating death times (independent check). */
function bruteExpectedConditional(p: typeof published, x: number, tx: number, n: number, nStar: number): number {
  // Only histories alive through n contribute: E = Σ_k E[p (1-θ)^(n+k) p^x (1-p)^(n-x)] / L, in
  // unnormalised beta functions (the normalising constants cancel).
  const lb = (a: number, b: number): number => Math.exp(logBeta(a, b));
  let L = lb(p.alpha + x, p.beta + n - x) * lb(p.gamma, p.delta + n);
  for (let i = 0; i <= n - tx - 1; i++) L += lb(p.alpha + x, p.beta + tx - x + i) * lb(p.gamma + 1, p.delta + tx + i);
  let num = 0;
  for (let k = 1; k <= nStar; k++) num += lb(p.alpha + x + 1, p.beta + n - x) * lb(p.gamma, p.delta + n + k);
  return num / L;
}

describe('bgBb formulas', () => {
  it('expected purchases of a new customer match Hardie\'s workbook (rtol 1e-3) for n = 1..11', () => {
    const p = newRef.inputs['params_pymc'] as { alpha: number; beta: number; gamma: number; delta: number };
    const ns = newRef.inputs['n'] as number[];
    const expected = newRef.expected['E[X(n)]'] as number[];
    const m = bgBb(p);
    ns.forEach((n, i) => {
      const got = m.expectedPurchasesNewCustomer(n);
      expect(Math.abs(got - expected[i]!) / expected[i]!, `n=${n}: got ${got}, expected ${expected[i]}`).toBeLessThanOrEqual(1e-3);
    });
  });

  it('E[X(10)] of a new customer matches BTYD (3.179805, rtol 1e-6) at BTYD\'s parameters', () => {
    const [alpha, beta, gamma, delta] = fitRef.btyd_run3 as [number, number, number, number];
    const got = bgBb({ alpha, beta, gamma, delta }).expectedPurchasesNewCustomer(10);
    expect(Math.abs(got - 3.179805) / 3.179805).toBeLessThanOrEqual(1e-6);
  });

  it('conditional expectation agrees with a direct evaluation of the integral', () => {
    for (const [x, tx, n] of [
      [0, 0, 6],
      [3, 4, 6],
      [6, 6, 6],
      [1, 1, 10],
    ] as const) {
      for (const nStar of [1, 5, 12]) {
        const got = model.expectedPurchases(nStar, { frequency: x, recency: tx, periods: n });
        expect(Math.abs(got - bruteExpectedConditional(published, x, tx, n, nStar))).toBeLessThan(1e-12);
      }
    }
  });

  it('P(X(n) = k) sums to 1 and its mean is the expected purchases, new and conditional', () => {
    for (const nStar of [1, 5, 11]) {
      let s = 0;
      let m = 0;
      for (let k = 0; k <= nStar; k++) {
        const p = model.purchaseProbability(k, nStar);
        s += p;
        m += k * p;
      }
      expect(Math.abs(s - 1)).toBeLessThan(1e-12);
      expect(Math.abs(m - model.expectedPurchasesNewCustomer(nStar))).toBeLessThan(1e-12);
      for (const c of donationRows()) {
        let sc = 0;
        let mc = 0;
        for (let k = 0; k <= nStar; k++) {
          const p = model.purchaseProbability(k, nStar, c);
          sc += p;
          mc += k * p;
        }
        expect(Math.abs(sc - 1)).toBeLessThan(1e-12);
        expect(Math.abs(mc - model.expectedPurchases(nStar, c))).toBeLessThan(1e-12);
      }
    }
    expect(model.purchaseProbability(7, 6)).toBe(0);
    expect(model.purchaseProbability(0, 0)).toBe(1);
  });

  it('P(X(1) = 1) of a new customer is E[p] E[1 - θ]', () => {
    const want = (published.alpha / (published.alpha + published.beta)) * (published.delta / (published.gamma + published.delta));
    expect(Math.abs(model.purchaseProbability(1, 1) - want)).toBeLessThan(1e-14);
  });

  it('P(alive) is highest for the most recent, most frequent donors', () => {
    const best = model.probabilityAlive({ frequency: 6, recency: 6, periods: 6 });
    const lapsed = model.probabilityAlive({ frequency: 3, recency: 3, periods: 6 });
    const never = model.probabilityAlive({ frequency: 0, recency: 0, periods: 6 });
    expect(best).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
    expect(never).toBeLessThan(best);
    // With no opportunities yet, P(alive at opportunity 1) = E[1 - θ].
    expect(Math.abs(model.probabilityAlive({ frequency: 0, recency: 0, periods: 0 }) - published.delta / (published.gamma + published.delta))).toBeLessThan(1e-14);
  });

  it('handles gamma = 1 (where the published closed form is 0/0) continuously', () => {
    const c = { frequency: 2, recency: 5, periods: 8 };
    const at = bgBb({ ...published, gamma: 1 }).expectedPurchases(20, c);
    const below = bgBb({ ...published, gamma: 1 - 1e-7 }).expectedPurchases(20, c);
    const above = bgBb({ ...published, gamma: 1 + 1e-7 }).expectedPurchases(20, c);
    expect(Number.isFinite(at)).toBe(true);
    expect(Math.abs(at - below)).toBeLessThan(1e-6);
    expect(Math.abs(at - above)).toBeLessThan(1e-6);
  });

  it('vectorised forms equal the scalar ones', () => {
    const cs = donationRows();
    const alive = model.probabilityAliveMany(cs);
    const exp = model.expectedPurchasesMany(5, cs);
    const pmf = model.purchaseProbabilityMany(2, 5, cs);
    cs.forEach((c, i) => {
      expect(alive[i]).toBe(model.probabilityAlive(c));
      expect(exp[i]).toBe(model.expectedPurchases(5, c));
      expect(pmf[i]).toBe(model.purchaseProbability(2, 5, c));
    });
    expect(model.expectedPurchasesMany(5, []).length).toBe(0);
  });

  it('never gives NaN or Infinity for valid histories, huge ones included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.record({
          alpha: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          beta: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          gamma: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          delta: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        }),
        (n, u, v, nStar, params) => {
          const tx = Math.round(u * n);
          const x = tx === 0 ? 0 : Math.max(1, Math.round(v * tx));
          const c = { frequency: x, recency: tx, periods: n };
          const m = bgBb(params);
          const alive = m.probabilityAlive(c);
          const e = m.expectedPurchases(nStar, c);
          const p0 = m.purchaseProbability(0, Math.min(nStar, 30), c);
          const ll = m.customerLogLikelihood(c);
          expect(alive >= 0 && alive <= 1).toBe(true);
          expect(Number.isFinite(e) && e >= 0 && e <= nStar + 1e-9).toBe(true);
          expect(p0 >= 0 && p0 <= 1).toBe(true);
          expect(Number.isFinite(ll) && ll <= 1e-9).toBe(true);
          expect(Number.isFinite(m.expectedPurchasesNewCustomer(nStar))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects fractional opportunities, invalid histories and invalid parameters', () => {
    const c = { frequency: 1, recency: 2, periods: 6 };
    expect(() => model.expectedPurchases(1.5, c)).toThrow(InvalidInputError);
    expect(() => model.expectedPurchasesNewCustomer(-1)).toThrow(InvalidInputError);
    expect(() => model.purchaseProbability(0.5, 3)).toThrow(InvalidInputError);
    expect(() => model.probabilityAlive({ frequency: 7, recency: 6, periods: 6 })).toThrow(/customer, frequency/);
    expect(() => model.probabilityAliveMany([c, { frequency: 2, recency: 1, periods: 6 }])).toThrow(/row 1, recency/);
    expect(() => bgBb({ ...published, gamma: 0 })).toThrow(/params, gamma/);
    expect(() => bgBb({ ...published, alpha: Number.NaN })).toThrow(InvalidInputError);
  });
});

describe('simulateBgBb', () => {
  it('is reproducible for a seed and produces valid histories', () => {
    const a = simulateBgBb(published, { customers: 1000, periods: 6, seed: 5 });
    const b = simulateBgBb(published, { customers: 1000, periods: 6, seed: 5 });
    expect(a).toEqual(b);
    expect(model.simulate({ customers: 1000, periods: 6, seed: 5 })).toEqual(a);
    expect(() => simulateBgBb(published, { customers: 3, seed: Number.POSITIVE_INFINITY })).toThrow(/options, seed/);
    for (const c of a) expect(() => model.customerLogLikelihood(c)).not.toThrow();
  });

  it('matches the model\'s expected purchases of a new customer on average', () => {
    const sims = simulateBgBb(published, { customers: 200_000, periods: 6, seed: 9 });
    const mean = sims.reduce((s, c) => s + c.frequency, 0) / sims.length;
    // Standard error of the mean is about 0.005 (sd about 2.2 / sqrt(200k)).
    expect(Math.abs(mean - model.expectedPurchasesNewCustomer(6))).toBeLessThan(0.02);
  });
});
