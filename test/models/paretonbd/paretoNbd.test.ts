import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import { paretoNbdLogBracket, paretoNbdScratch } from '../../../src/models/paretonbd/paretoNbdCore.js';
import { simulateParetoNbd } from '../../../src/models/paretonbd/simulateParetoNbd.js';
import { btydCustomer, positiveParameter } from '../fit/arbitraries.js';
import { expectFiniteOutputs, pmfMoments } from '../fit/modelChecks.js';
import { cdnowExact, cdnowRounded, reference, relMean } from '../fit/sharedData.js';


describe('fitParetoNbd on CDNOW (reference-values.json)', () => {
  const exact = fitParetoNbd(cdnowExact());
  const rounded = fitParetoNbd(cdnowRounded());
  const p = (f: typeof exact): number[] => [f.params.r, f.params.alpha, f.params.s, f.params.beta];

  it('pnbd.cdnow.params_paper: r, alpha, s within 0.001, beta within 0.015, LL -9595.0 (rel_mean 0.001)', () => {
    const ref = reference('pnbd.cdnow.params_paper').expected as Record<string, number>;
    for (const fit of [exact, rounded]) {
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.params.r - ref.r!)).toBeLessThanOrEqual(0.001);
      expect(Math.abs(fit.params.alpha - ref.alpha!)).toBeLessThanOrEqual(0.001);
      expect(Math.abs(fit.params.s - ref.s!)).toBeLessThanOrEqual(0.001);
      expect(Math.abs(fit.params.beta - ref.beta!)).toBeLessThanOrEqual(0.015);
      expect(relMean([fit.logLikelihood], [ref.log_likelihood!])).toBeLessThan(0.001);
      // Tighter than the reference's rel_mean: -9595.0 is printed to 1 decimal, so within 0.05.
      expect(Math.abs(fit.logLikelihood - ref.log_likelihood!)).toBeLessThanOrEqual(0.05);
    }
  });
  it('pnbd.cdnow.params_btyd_clvtools: estimates and standard errors (rel_mean 0.001), LL -9594.976 (abs 0.0005)', () => {
    const ref = reference('pnbd.cdnow.params_btyd_clvtools').expected as Record<string, number[] | number>;
    expect(relMean(p(exact), ref.clvtools as number[])).toBeLessThan(0.001);
    expect(relMean(p(exact), ref['btyd_cdnowSummary_est.params'] as number[])).toBeLessThan(0.001);
    expect(relMean(p(exact), ref.btyd_printed as number[])).toBeLessThan(0.001);
    expect(Math.abs(exact.logLikelihood - (ref.btyd_LL as number))).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(exact.logLikelihood - (ref.clvtools_LL as number))).toBeLessThanOrEqual(0.0005);
    const se = exact.standardErrors!;
    expect(relMean([se.r, se.alpha, se.s, se.beta], ref.clvtools_se as number[])).toBeLessThan(0.001);
  });
  it('reaches the same optimum from several starting points', () => {
    const data = cdnowExact();
    for (const start of [{ r: 0.1, alpha: 1, s: 0.1, beta: 1 }, { r: 3, alpha: 50, s: 3, beta: 100 }, { r: 1, alpha: 1, s: 1, beta: 1 }]) {
      const fit = fitParetoNbd(data, { start });
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.logLikelihood - exact.logLikelihood)).toBeLessThan(1e-5);
      expect(relMean(p(fit), p(exact))).toBeLessThan(1e-3);
    }
  });
  it('throws when nobody repeats', () => {
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 3 }])).toThrow(InvalidInputError);
  });
  it('recovers simulated parameters within 4 standard errors', () => {
    const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const Ts = Array.from({ length: 20000 }, (_, i) => 26 + (i % 13));
    const fit = fitParetoNbd(simulateParetoNbd(truth, { T: Ts, seed: 9 }));
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });
});

describe('paretoNbd formulas (reference-values.json)', () => {
  it('pnbd.btyd_example.expectation: E[X(t)], t = 0..9, within 5e-9', () => {
    const ref = reference('pnbd.btyd_example.expectation');
    const m = paretoNbd(ref.inputs.params as { r: number; alpha: number; s: number; beta: number });
    const ts = ref.inputs.t as number[];
    const expected = ref.expected['E[X(t)]'] as number[];
    ts.forEach((t, i) => expect(Math.abs(m.expectedPurchasesNewCustomer(t) - expected[i]!)).toBeLessThanOrEqual(5e-9));
  });
  it('pnbd.lifetimes.underflow_pair: t_x = T = 200, x = 132 / 133 (rel 1e-9, and |left - right| < 0.05)', () => {
    const ref = reference('pnbd.lifetimes.underflow_pair');
    const m = paretoNbd(ref.inputs.params as { r: number; alpha: number; s: number; beta: number });
    const expected = ref.expected.values_in_comment as number[];
    const got = (ref.inputs.cases as number[][]).map(([x, tx, T]) => m.expectedPurchases(ref.inputs.t as number, { frequency: x!, recency: tx!, T: T! }));
    got.forEach((v, i) => expect(Math.abs(v / expected[i]! - 1)).toBeLessThanOrEqual(1e-9));
    expect(Math.abs(got[0]! - got[1]!)).toBeLessThan(0.05);
  });
  it('pnbd.lifetimes.overflow_palive: P(alive) finite in [0, 1]; log A0 finite and < 0', () => {
    const ref = reference('pnbd.lifetimes.overflow_palive');
    const params = ref.inputs.params as { r: number; alpha: number; s: number; beta: number };
    const m = paretoNbd(params);
    for (const [x, tx, T] of ref.inputs['P(alive) cases (x,t_x,T)'] as number[][]) {
      const pa = m.probabilityAlive({ frequency: x!, recency: tx!, T: T! });
      expect(Number.isFinite(pa) && pa >= 0 && pa <= 1).toBe(true);
    }
    const scratch = paretoNbdScratch();
    for (const [x, tx, T] of ref.inputs['log_A0 cases'] as number[][]) {
      paretoNbdLogBracket(params.r, params.alpha, params.s, params.beta, x!, tx!, T!, false, scratch, new Float64Array(12));
      expect(Number.isFinite(scratch.logA0)).toBe(true);
      expect(scratch.logA0).toBeLessThan(0);
    }
  });
});

describe('paretoNbd P(X(t) = n) against mpmath', () => {
  // mpmath 1.3.0 (30 digits): NB(n; r, α, t) (β/(β+t))^s + ∫_0^t s β^s (β+τ)^-(s+1) NB(n; r, α, τ) dτ,
  // the integral by mpmath.quad with breakpoints around the integrand's peak n α / r.
  it.each([
    [20, 100, { r: 48.52652959540993, alpha: 0.002091165481113218, s: 0.20071668046181113, beta: 329.61657464004594 }, 2.6793239672758453e-8],
    [3, 40, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0.049194957945616297],
    [0, 40, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0.59171657906279738],
    [50, 40, { r: 0.8, alpha: 20, s: 1.4, beta: 5 }, 1.2716525629947389e-11],
  ])('P(X(%d) ... t = %d) within 1e-10 relative', (n, t, params, want) => {
    expect(Math.abs(paretoNbd(params).purchaseProbability(n, t) / want - 1)).toBeLessThan(1e-10);
  });
  it('no NaN or Infinity for any parameters and valid customer; only a documented error for extreme horizons (property)', () => {
    fc.assert(
      fc.property(fc.array(positiveParameter, { minLength: 4, maxLength: 4 }), btydCustomer, fc.double({ min: 0, max: 500, noNaN: true }), fc.integer({ min: 0, max: 30 }), ([r, alpha, s, beta], c, t, n) => {
        expectFiniteOutputs(paretoNbd({ r: r!, alpha: alpha!, s: s!, beta: beta! }), c, t, n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('paretoNbd invariants', () => {
  const m = paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
  it('the pmf sums to 1 and its mean is the new-customer expectation (both α < β and α > β)', () => {
    for (const model of [m, paretoNbd({ r: 0.8, alpha: 20, s: 1.4, beta: 5 })]) {
      const { total, mean } = pmfMoments((n) => model.purchaseProbability(n, 40), 600);
      expect(total).toBeCloseTo(1, 9);
      expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(40), 7);
    }
  });
  it('the conditional pmf sums to 1 with mean the conditional expectation', () => {
    const c = { frequency: 5, recency: 20, T: 38 };
    const { total, mean } = pmfMoments((n) => m.purchaseProbability(n, 30, c), 600);
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(m.expectedPurchases(30, c), 7);
  });
  it('P(alive) is continuous across α = β (the two hypergeometric branches agree)', () => {
    const c = { frequency: 4, recency: 10, T: 30 };
    const lo = paretoNbd({ r: 0.5, alpha: 10 - 1e-9, s: 0.6, beta: 10 }).probabilityAlive(c);
    const eq = paretoNbd({ r: 0.5, alpha: 10, s: 0.6, beta: 10 }).probabilityAlive(c);
    const hi = paretoNbd({ r: 0.5, alpha: 10 + 1e-9, s: 0.6, beta: 10 }).probabilityAlive(c);
    expect(Math.abs(lo - eq)).toBeLessThan(1e-8);
    expect(Math.abs(hi - eq)).toBeLessThan(1e-8);
  });
  it('s = 1 uses the logarithmic limit', () => {
    const a = paretoNbd({ r: 0.5, alpha: 10, s: 1, beta: 10 }).expectedPurchasesNewCustomer(10);
    expect(a).toBeCloseTo(0.5 * Math.log(2), 12);
  });
  it('no NaN or Infinity for extreme valid customers; P(alive) in [0, 1] (property)', () => {
    const models = [m, paretoNbd({ r: 10.465, alpha: 0.00798565181, s: 3.0516, beta: 2.82 }), paretoNbd({ r: 0.2, alpha: 50, s: 2, beta: 0.5 })];
    fc.assert(
      fc.property(btydCustomer, fc.double({ min: 0, max: 500, noNaN: true }), fc.integer({ min: 0, max: 2 }), (c, t, k) => {
        const model = models[k]!;
        const pa = model.probabilityAlive(c);
        const ex = model.expectedPurchases(t, c);
        return pa >= 0 && pa <= 1 && Number.isFinite(ex) && ex >= 0;
      }),
    );
  });
  it('simulate is deterministic and valid', () => {
    const a = m.simulate({ customers: 30, T: 20, seed: 4 });
    expect(m.simulate({ customers: 30, T: 20, seed: 4 })).toEqual(a);
    for (const c of a) expect(c.recency <= c.T).toBe(true);
  });
});
