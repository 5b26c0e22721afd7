import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/math/logGamma.js';
import { betaGeometricLikelihood } from '../../../src/models/bgnbd/betaGeometricLikelihood.js';
import { groupRows } from '../../../src/models/fit/groupRows.js';
import { btydCustomer, positiveParameter } from '../fit/arbitraries.js';
import { expectGradientMatchesDifferences, expectHessianMatchesDifferences } from '../fit/modelChecks.js';
import { cdnowExact } from '../fit/sharedData.js';

/** The likelihood written out term by term in linear space (FHL 2005 eq. 6; Batislam et al. 2007). */
function direct(variant: 'bgnbd' | 'mbgnbd', [r, alpha, a, b]: number[], x: number, tx: number, T: number): number {
  const B = (p: number, q: number): number => Math.exp(logGamma(p) + logGamma(q) - logGamma(p + q));
  const A = Math.exp(logGamma(r! + x) - logGamma(r!)) * alpha! ** r!;
  const shift = variant === 'mbgnbd' ? 1 : 0;
  let L = ((A * B(a!, b! + x + shift)) / B(a!, b!)) * (alpha! + T) ** -(r! + x);
  if (variant === 'mbgnbd' || x > 0) L += ((A * B(a! + 1, b! + x - 1 + shift)) / B(a!, b!)) * (alpha! + tx) ** -(r! + x);
  return Math.log(L);
}

const rows = (cs: { frequency: number; recency: number; T: number }[]) =>
  groupRows([cs.map((c) => c.frequency), cs.map((c) => c.recency), cs.map((c) => c.T)]);

describe('betaGeometricLikelihood', () => {
  const small = [
    { frequency: 0, recency: 0, T: 30 },
    { frequency: 2, recency: 30.43, T: 38.86 },
    { frequency: 7, recency: 12, T: 20 },
    { frequency: 1, recency: 5, T: 5 },
  ];
  const params = [0.243, 4.414, 0.793, 2.426];
  it.each(['bgnbd', 'mbgnbd'] as const)('%s: equals the direct formula summed over customers (1e-12 relative)', (variant) => {
    const want = small.reduce((s, c) => s + direct(variant, params, c.frequency, c.recency, c.T), 0);
    const got = betaGeometricLikelihood(rows(small), variant)(Float64Array.from(params), null);
    expect(Math.abs(got / want - 1)).toBeLessThan(1e-12);
  });
  it.each(['bgnbd', 'mbgnbd'] as const)('%s: the analytic gradient agrees with central differences (1e-6 relative)', (variant) => {
    const f = betaGeometricLikelihood(rows(small), variant);
    expectGradientMatchesDifferences(f, params);
  });
  it.each(['bgnbd', 'mbgnbd'] as const)('%s: the analytic Hessian agrees with differences of the gradient (1e-6 relative), at the paper values and away', (variant) => {
    const cdnow = cdnowExact();
    for (const data of [small, cdnow]) {
      const f = betaGeometricLikelihood(rows(data), variant);
      for (const p of [params, [1.7, 0.6, 3.1, 0.4], [0.05, 40, 0.2, 9]]) expectHessianMatchesDifferences(f, f.hessian, p);
    }
  });
  it('the analytic Hessian agrees with differences of the gradient for random rows and parameters (property)', () => {
    const moderate = fc.double({ min: 0.05, max: 20, noNaN: true });
    fc.assert(
      fc.property(fc.array(btydCustomer, { minLength: 1, maxLength: 20 }), fc.array(moderate, { minLength: 4, maxLength: 4 }), fc.boolean(), (cs, p, modified) => {
        const f = betaGeometricLikelihood(rows(cs), modified ? 'mbgnbd' : 'bgnbd');
        expectHessianMatchesDifferences(f, f.hessian, p);
      }),
      { numRuns: 200 },
    );
  });
  it('is finite, with a finite gradient and Hessian, for extreme valid rows and parameters (property)', () => {
    fc.assert(
      fc.property(fc.array(btydCustomer, { minLength: 1, maxLength: 20 }), fc.array(positiveParameter, { minLength: 4, maxLength: 4 }), fc.boolean(), (cs, p, modified) => {
        const g = new Float64Array(4);
        const H = new Float64Array(16);
        const f = betaGeometricLikelihood(rows(cs), modified ? 'mbgnbd' : 'bgnbd');
        const ll = f(Float64Array.from(p), g);
        f.hessian(Float64Array.from(p), H);
        expect(Number.isFinite(ll)).toBe(true);
        for (const v of g) expect(Number.isFinite(v)).toBe(true);
        for (const v of H) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
