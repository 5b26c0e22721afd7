import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitMbgNbd } from '../../../src/models/mbgnbd/fitMbgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { simulateMbgNbd } from '../../../src/models/mbgnbd/simulateMbgNbd.js';
import { btydCustomer, positiveParameter } from '../fit/arbitraries.js';
import { expectFiniteOutputs, pmfMoments } from '../fit/modelChecks.js';
import { cdnowExact, cdnowRounded, reference, relMean } from '../fit/sharedData.js';


describe('fitMbgNbd on CDNOW (reference-values.json)', () => {
  const rounded = fitMbgNbd(cdnowRounded());
  const exact = fitMbgNbd(cdnowExact());
  const p = (f: typeof exact): number[] => [f.params.r, f.params.alpha, f.params.a, f.params.b];
  it('mbgnbd.cdnow.params_btydplus: r=0.525, alpha=6.183, a=0.891, b=1.614 within 0.0015 (and 0.001 per the issue)', () => {
    const ref = reference('mbgnbd.cdnow.params_btydplus').expected as Record<string, number>;
    const expected = [ref.r!, ref.alpha!, ref.a!, ref.b!];
    for (const fit of [rounded, exact]) {
      expect(fit.converged).toBe(true);
      p(fit).forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(0.001));
    }
  });
  it('reaches the same optimum from several starting points', () => {
    for (const start of [{ r: 0.1, alpha: 1, a: 0.1, b: 0.1 }, { r: 5, alpha: 100, a: 5, b: 20 }]) {
      const fit = fitMbgNbd(cdnowExact(), { start });
      expect(Math.abs(fit.logLikelihood - exact.logLikelihood)).toBeLessThan(1e-6);
      expect(relMean(p(fit), p(exact))).toBeLessThan(1e-5);
    }
  });
  it('recovers simulated parameters within 4 standard errors', () => {
    const truth = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    const Ts = Array.from({ length: 20000 }, (_, i) => 26 + (i % 13));
    const fit = fitMbgNbd(simulateMbgNbd(truth, { T: Ts, seed: 2 }));
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });
});

describe('mbgNbd invariants', () => {
  const m = mbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  it('the pmf sums to 1 and its mean is the new-customer expectation', () => {
    const { total, mean } = pmfMoments((n) => m.purchaseProbability(n, 52), 2000);
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(m.expectedPurchasesNewCustomer(52), 8);
  });
  it('the conditional pmf sums to 1 with mean the conditional expectation; a non-repeater may be dead', () => {
    const c = { frequency: 0, recency: 0, T: 38 };
    expect(m.probabilityAlive(c)).toBeLessThan(1);
    const { total, mean } = pmfMoments((n) => m.purchaseProbability(n, 30, c), 2000);
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(m.expectedPurchases(30, c), 8);
  });
  it('no NaN or Infinity for any parameters and valid customer; only a documented error for extreme horizons (property)', () => {
    fc.assert(
      fc.property(fc.array(positiveParameter, { minLength: 4, maxLength: 4 }), btydCustomer, fc.double({ min: 0, max: 500, noNaN: true }), fc.integer({ min: 0, max: 30 }), ([r, alpha, a, b], c, t, n) => {
        expectFiniteOutputs(mbgNbd({ r: r!, alpha: alpha!, a: a!, b: b! }), c, t, n);
      }),
      { numRuns: 300 },
    );
  });
  it('no NaN or Infinity for extreme valid customers (property)', () => {
    fc.assert(
      fc.property(btydCustomer, fc.double({ min: 0, max: 500, noNaN: true }), (c, t) => {
        const pa = m.probabilityAlive(c);
        const ex = m.expectedPurchases(t, c);
        return pa >= 0 && pa <= 1 && Number.isFinite(ex) && ex >= 0;
      }),
    );
  });
});
