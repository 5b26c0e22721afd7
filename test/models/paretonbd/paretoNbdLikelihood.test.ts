import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../src/models/fit/groupRows.js';
import { paretoNbdLikelihood } from '../../../src/models/paretonbd/paretoNbdLikelihood.js';
import { btydCustomer, positiveParameter } from '../fit/arbitraries.js';
import { expectGradientMatchesDifferences } from '../fit/modelChecks.js';

const rows = (cs: { frequency: number; recency: number; T: number }[]) =>
  groupRows([cs.map((c) => c.frequency), cs.map((c) => c.recency), cs.map((c) => c.T)]);

// Per-customer log-likelihoods computed with mpmath 1.3.0 at 50 digits from the model itself, not
// from the note's hypergeometric closed form: with λ ~ Gamma(r, α) and μ ~ Gamma(s, β) integrated
// out, L = Γ(r+x)/Γ(r) α^r [(α+T)^-(r+x) (β/(β+T))^s + ∫_{t_x}^{T} (α+τ)^-(r+x) s β^s (β+τ)^-(s+1) dτ]
// (alive through T, or dropped out at τ after the last purchase), the integral by mpmath.quad
// with breakpoints doubling away from t_x (the integrand falls like (α+τ)^-(r+x)).
const MPMATH: [number[], number, number, number, number][] = [
  [[0.553, 10.578, 0.606, 11.669], 2, 30.43, 38.86, -9.554283245150407],
  [[0.553, 10.578, 0.606, 11.669], 0, 0, 38.86, -0.5210462940808904],
  [[0.8, 20, 1.4, 5], 5, 10, 40, -15.749115617389524],
  [[0.8, 5, 1.4, 20], 5, 40, 40, -18.031269799440675],
  [[0.8, 5, 1.4, 20], 3000, 10, 40, 12888.310973042917],
  [[10.465, 0.00798565181, 3.0516, 2.82], 500, 4, 37, 1888.8212497389359],
];

describe('paretoNbdLikelihood', () => {
  it.each(MPMATH)('matches mpmath for params %j, x = %d, t_x = %d, T = %d (1e-10 relative)', (p, x, tx, T, want) => {
    const got = paretoNbdLikelihood(rows([{ frequency: x, recency: tx, T }]))(Float64Array.from(p), null);
    expect(Math.abs(got / want - 1)).toBeLessThan(1e-10);
  });
  it.each([
    [[0.553, 10.578, 0.606, 11.669]],
    [[0.8, 5, 1.4, 20]],
  ])('the analytic gradient agrees with central differences at %j (1e-6 relative)', (params) => {
    const data = [
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 7, recency: 12, T: 20 },
      { frequency: 1, recency: 5, T: 5 },
    ];
    const f = paretoNbdLikelihood(rows(data));
    expectGradientMatchesDifferences(f, params);
  });
  it('is finite, with a finite gradient, for extreme valid rows and parameters (property)', () => {
    fc.assert(
      fc.property(fc.array(btydCustomer, { minLength: 1, maxLength: 20 }), fc.array(positiveParameter, { minLength: 4, maxLength: 4 }), (cs, p) => {
        const g = new Float64Array(4);
        const ll = paretoNbdLikelihood(rows(cs))(Float64Array.from(p), g);
        expect(Number.isFinite(ll)).toBe(true);
        for (const v of g) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
