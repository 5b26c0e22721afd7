import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/math/logGamma.js';
import { gammaGammaLikelihood } from '../../../src/models/gammagamma/gammaGammaLikelihood.js';
import { expectGradientMatchesDifferences, expectHessianMatchesDifferences } from '../fit/modelChecks.js';
import { readSharedCsv } from '../../helpers/sharedData.js';

/** One customer's log-likelihood written out term by term (Fader & Hardie 2013, eq. 5 in logs). */
function direct([p, q, g]: number[], x: number, m: number): number {
  return logGamma(p! * x + q!) - logGamma(p! * x) - logGamma(q!) + q! * Math.log(g!) + (p! * x - 1) * Math.log(m) + p! * x * Math.log(x) - (p! * x + q!) * Math.log(g! + x * m);
}

const columns = (cs: { x: number; m: number; w?: number }[]) => [Float64Array.from(cs, (c) => c.x), Float64Array.from(cs, (c) => c.m), Float64Array.from(cs, (c) => c.w ?? 1)] as const;

describe('gammaGammaLikelihood', () => {
  const small = [
    { x: 2, m: 22.35 },
    { x: 1, m: 11.77 },
    { x: 5, m: 48.5, w: 3 },
    { x: 1, m: 35.0 },
    { x: 4, m: 27.2, w: 0.5 },
  ];
  const published = [6.25, 3.74, 15.44];
  it('equals the direct formula summed over customers with their weights (1e-12 relative)', () => {
    const want = small.reduce((s, c) => s + (c.w ?? 1) * direct(published, c.x, c.m), 0);
    const f = gammaGammaLikelihood(...columns(small));
    expect(Math.abs(f(Float64Array.from(published), null) / want - 1)).toBeLessThan(1e-12);
    expect(f.customers).toBe(6.5);
  });
  it('the analytic gradient agrees with central differences (1e-6 relative)', () => {
    expectGradientMatchesDifferences(gammaGammaLikelihood(...columns(small)), published);
  });
  it('the analytic Hessian agrees with differences of the gradient (1e-6 relative), on CDNOW and a small set, at the published values and away', () => {
    const cdnow = readSharedCsv('btyd/cdnowSummary_cbs.csv')
      .map((r) => ({ x: Number(r['x']), m: Number(r['m.x']) }))
      .filter((c) => c.x > 0);
    expect(cdnow.length).toBe(946);
    for (const set of [small, cdnow]) {
      const f = gammaGammaLikelihood(...columns(set));
      for (const p of [published, [0.8, 40, 2.5], [30, 0.6, 400]]) expectHessianMatchesDifferences(f, f.hessian, p);
    }
  });
  it('the analytic Hessian agrees with differences of the gradient for random rows and parameters (property)', () => {
    const moderate = fc.double({ min: 0.05, max: 50, noNaN: true });
    const customer = fc.record({ x: fc.integer({ min: 1, max: 60 }), m: fc.double({ min: 0.01, max: 5000, noNaN: true }), w: fc.double({ min: 0.1, max: 100, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 20 }), fc.array(moderate, { minLength: 3, maxLength: 3 }), (cs, p) => {
        const f = gammaGammaLikelihood(...columns(cs));
        expectHessianMatchesDifferences(f, f.hessian, p);
      }),
      { numRuns: 200 },
    );
  });
  it('writes a symmetric 3 × 3 Hessian whose (γ, γ) entry is p F + q G − N q / γ² (one customer, by hand)', () => {
    const [x, m, p, q, g] = [3, 10, 2, 5, 7];
    const H = new Float64Array(9);
    gammaGammaLikelihood(...columns([{ x, m }])).hessian(Float64Array.from([p, q, g]), H);
    const s = g + x * m;
    expect(H[8]).toBeCloseTo((p * x) / s ** 2 + q / s ** 2 - q / g ** 2, 14);
    expect(H[2]).toBeCloseTo(-x / s, 14);
    expect(H[5]).toBeCloseTo(1 / g - 1 / s, 14);
  });
});
