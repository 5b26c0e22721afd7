import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';

// Above 80,000 distinct histories the fit starts from a fit to every k-th distinct row (about
// 20,000) and from that fit's curvature. The reference is the same likelihood fitted from the
// default start (a `start` option turns the warm start off), stopped at a 100 times tighter
// gradient tolerance.
describe('BG/NBD family on large data (warm start from a subsample)', () => {
  const truth = { r: 0.6, alpha: 5, a: 0.9, b: 4 };
  const customers = bgNbd(truth).simulate({ customers: 150_000, T: 60, seed: 21 });

  // MBG/NBD takes the same path (fitBetaGeometricFamily).
  it('reaches the optimum of the plain fit in a few passes over the rows', () => {
    const warm = fitBgNbd(customers);
    const reference = fitBgNbd(customers, { start: { r: 1, alpha: 60, a: 1, b: 1 }, gradientTolerance: 1e-10 });
    expect(warm.converged).toBe(true);
    expect(reference.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      // Far inside the standard error (1e-4 of it) and within 1e-6 relative.
      expect(Math.abs(warm.params[k] - reference.params[k])).toBeLessThan(1e-4 * warm.standardErrors![k]);
      expect(Math.abs(warm.params[k] / reference.params[k] - 1)).toBeLessThan(1e-6);
    }
    expect(Math.abs(warm.logLikelihood - reference.logLikelihood)).toBeLessThan(1e-6);
    expect(warm.evaluations!).toBeLessThan(reference.evaluations! / 2);
  });
});
