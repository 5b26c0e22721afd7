import { describe, expect, it } from 'vitest';
import { betaGeometricLikelihood } from '../../../src/models/bgnbd/betaGeometricLikelihood.js';
import { bgNbdCovariateLikelihood } from '../../../src/models/bgnbd/bgNbdCovariates.js';
import { covariateFitRows } from '../../../src/models/covariates/covariateRows.js';
import { groupRows } from '../../../src/models/fit/groupRows.js';
import { paretoNbdCovariateLikelihood } from '../../../src/models/paretonbd/paretoNbdCovariates.js';
import { paretoNbdLikelihood } from '../../../src/models/paretonbd/paretoNbdLikelihood.js';
import { apparelCustomers } from './apparelData.js';

/**
 * The covariate likelihoods against the plain likelihoods summed customer by customer at each
 * customer's own parameters (α_i, β_i or α_i, a_i, b_i written out here from the formulas), and
 * their gradients against central finite differences.
 */
const customers = apparelCustomers().slice(0, 200);
const covariates = { purchase: ['Gender', 'Channel'], dropout: ['Channel'] };
const prepared = covariateFitRows(customers, covariates, undefined, 'test');
/** The likelihood's coefficients are those of the scaled design columns: γ' = γ · scale. */
const scaled = (base: number[], g: number[]): Float64Array => Float64Array.from([...base, ...g.map((v, j) => v * prepared.scales[j]!)]);
const one = (c: { frequency: number; recency: number; T: number }) => groupRows([[c.frequency], [c.recency], [c.T]]);

describe('covariate likelihoods', () => {
  const gamma = { pG: 0.35, pC: -0.6, dC: 0.8 };
  it('Pareto/NBD: the sum of the plain terms at (r, α·exp(−γ_P·z), s, β·exp(−γ_D·z)), to 1e-12 relative', () => {
    const [r, alpha, s, beta] = [1.7, 80, 0.6, 45];
    let sum = 0;
    for (const c of customers) {
      const a = alpha * Math.exp(-(gamma.pG * c.Gender + gamma.pC * c.Channel));
      const b = beta * Math.exp(-gamma.dC * c.Channel);
      sum += paretoNbdLikelihood(one(c))(Float64Array.from([r, a, s, b]), null);
    }
    const v = paretoNbdCovariateLikelihood(prepared)(scaled([r, alpha, s, beta], [gamma.pG, gamma.pC, gamma.dC]), null);
    expect(Math.abs(v / sum - 1)).toBeLessThan(1e-12);
  });

  it('BG/NBD: the sum of the plain terms at (r, α·exp(−γ_P·z), a·exp(γ_D·z), b·exp(γ_D·z)), to 1e-12 relative', () => {
    const [r, alpha, a, b] = [0.7, 30, 1.2, 6];
    let sum = 0;
    for (const c of customers) {
      const al = alpha * Math.exp(-(gamma.pG * c.Gender + gamma.pC * c.Channel));
      const e = Math.exp(gamma.dC * c.Channel);
      sum += betaGeometricLikelihood(one(c), 'bgnbd')(Float64Array.from([r, al, a * e, b * e]), null);
    }
    const v = bgNbdCovariateLikelihood(prepared)(scaled([r, alpha, a, b], [gamma.pG, gamma.pC, gamma.dC]), null);
    expect(Math.abs(v / sum - 1)).toBeLessThan(1e-12);
  });

  it('MBG/NBD: the sum of the plain terms at the customers\' own parameters, to 1e-12 relative', () => {
    const [r, alpha, a, b] = [0.7, 30, 1.2, 6];
    let sum = 0;
    for (const c of customers) {
      const al = alpha * Math.exp(-(gamma.pG * c.Gender + gamma.pC * c.Channel));
      const e = Math.exp(gamma.dC * c.Channel);
      sum += betaGeometricLikelihood(one(c), 'mbgnbd')(Float64Array.from([r, al, a * e, b * e]), null);
    }
    const v = bgNbdCovariateLikelihood(prepared, 'mbgnbd')(scaled([r, alpha, a, b], [gamma.pG, gamma.pC, gamma.dC]), null);
    expect(Math.abs(v / sum - 1)).toBeLessThan(1e-12);
  });

  it('BG/NBD: the term-by-term Beta ratio used for huge a, b agrees with the log-gamma form where both are accurate (1e-6 relative across the switch)', () => {
    // a·e, b·e just above 1e6 (summed form) against just below (log-gamma form), continuity of the value.
    const f = bgNbdCovariateLikelihood(prepared);
    const lo = f(Float64Array.from([0.7, 30, 0.999999e6 / Math.E ** 0.8, 5e5, 0.35, -0.6, 0.8]), null);
    const hi = f(Float64Array.from([0.7, 30, 1.000001e6 / Math.E ** 0.8, 5e5, 0.35, -0.6, 0.8]), null);
    expect(Math.abs(hi / lo - 1)).toBeLessThan(1e-6);
  });

  for (const [name, ll, p] of [
    ['Pareto/NBD', paretoNbdCovariateLikelihood(prepared), [1.7, 80, 0.6, 45, 0.35, -0.6, 0.8]],
    ['BG/NBD', bgNbdCovariateLikelihood(prepared), [0.7, 30, 1.2, 6, 0.35, -0.6, 0.8]],
    ['MBG/NBD', bgNbdCovariateLikelihood(prepared, 'mbgnbd'), [0.7, 30, 1.2, 6, 0.35, -0.6, 0.8]],
    ['BG/NBD with a, b past 1e6 (summed Beta ratio)', bgNbdCovariateLikelihood(prepared), [0.7, 30, 2e6, 9e6, 0.35, -0.6, 0.8]],
  ] as const) {
    it(`${name}: the analytic gradient equals central differences (1e-6 relative to the largest component)`, () => {
      const x = Float64Array.from(p);
      const g = new Float64Array(x.length);
      ll(x, g);
      const scale = Math.max(...Array.from(g, Math.abs));
      for (let j = 0; j < x.length; j++) {
        const h = 1e-5 * Math.max(1, Math.abs(x[j]!));
        const up = Float64Array.from(x);
        const dn = Float64Array.from(x);
        up[j] = up[j]! + h;
        dn[j] = dn[j]! - h;
        const fd = (ll(up, null) - ll(dn, null)) / (2 * h);
        expect(Math.abs(fd - g[j]!) / scale, `parameter ${j}`).toBeLessThan(1e-6);
      }
    });
  }
});
