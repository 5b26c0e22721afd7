import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { fitByMaximumLikelihood } from '../../../src/models/fit/fitByMaximumLikelihood.js';

// Normal sample with known mean/sd: MLE mu = mean, sigma = sqrt(mean square deviation);
// asymptotic SEs sigma / sqrt(n) and sigma / sqrt(2n).
const data = [2.1, 3.4, 1.9, 4.4, 3.3, 2.8, 3.9, 2.2, 3.0, 3.6];
const n = data.length;
const mean = data.reduce((a, b) => a + b, 0) / n;
const sd = Math.sqrt(data.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
const logLikelihood = (p: Float64Array): number => {
  const [mu, sigma] = [p[0]!, p[1]!];
  let ll = 0;
  for (const v of data) ll += -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - ((v - mu) ** 2) / (2 * sigma * sigma);
  return ll;
};
const gradient = (p: Float64Array, out: Float64Array): void => {
  const [mu, sigma] = [p[0]!, p[1]!];
  let g0 = 0;
  let g1 = 0;
  for (const v of data) {
    g0 += (v - mu) / (sigma * sigma);
    g1 += -1 / sigma + ((v - mu) ** 2) / sigma ** 3;
  }
  out[0] = g0;
  out[1] = g1;
};

describe('fitByMaximumLikelihood', () => {
  it.each([
    ['numerical gradient', undefined],
    ['analytic gradient', gradient],
  ])('recovers the normal MLE and its delta-method standard errors (%s)', (_, grad) => {
    const fit = fitByMaximumLikelihood({
      paramNames: ['mu', 'sigma'] as const,
      start: { mu: 1, sigma: 1 },
      customers: n,
      logLikelihood,
      ...(grad ? { gradient: grad } : {}),
    });
    expect(fit.converged).toBe(true);
    expect(fit.params.mu).toBeCloseTo(mean, 7);
    expect(fit.params.sigma).toBeCloseTo(sd, 7);
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood(Float64Array.of(mean, sd)), 10);
    expect(fit.standardErrors!.mu).toBeCloseTo(sd / Math.sqrt(n), 5);
    expect(fit.standardErrors!.sigma).toBeCloseTo(sd / Math.sqrt(2 * n), 5);
    expect(fit.customers).toBe(n);
  });
  it('an L2 penalty shrinks the estimates, and the reported LL stays unpenalised', () => {
    const plain = fitByMaximumLikelihood({ paramNames: ['mu', 'sigma'], start: { mu: 1, sigma: 1 }, customers: n, logLikelihood });
    const pen = fitByMaximumLikelihood({ paramNames: ['mu', 'sigma'], start: { mu: 1, sigma: 1 }, customers: n, logLikelihood, options: { l2Penalty: 0.1 } });
    expect(pen.params.mu).toBeLessThan(plain.params.mu);
    expect(pen.logLikelihood).toBeLessThan(plain.logLikelihood);
    expect(pen.logLikelihood).toBeCloseTo(logLikelihood(Float64Array.of(pen.params.mu, pen.params.sigma)), 12);
  });
  it('reports non-convergence instead of throwing', () => {
    const fit = fitByMaximumLikelihood({ paramNames: ['mu', 'sigma'], start: { mu: 100, sigma: 0.01 }, customers: n, logLikelihood, options: { maxIterations: 2 } });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(2);
  });
  it('honours a start option and skips standard errors on request', () => {
    const fit = fitByMaximumLikelihood({
      paramNames: ['mu', 'sigma'],
      start: { mu: 1, sigma: 1 },
      customers: n,
      logLikelihood,
      options: { start: { mu: 3 }, standardErrors: false },
    });
    expect(fit.standardErrors).toBeNull();
    expect(fit.params.mu).toBeCloseTo(mean, 6);
  });
  it.each([
    [{ maxIterations: 0 }, 'maxIterations'],
    [{ maxIterations: 1.5 }, 'maxIterations'],
    [{ gradientTolerance: -1 }, 'gradientTolerance'],
    [{ relativeTolerance: 0 }, 'relativeTolerance'],
    [{ l2Penalty: -0.1 }, 'l2Penalty'],
    [{ start: { mu: -1 } }, 'start'],
  ])('rejects invalid option %j', (options, name) => {
    try {
      fitByMaximumLikelihood({ paramNames: ['mu', 'sigma'], start: { mu: 1, sigma: 1 }, customers: n, logLikelihood, options });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues[0].path).toEqual(['options', name]);
    }
  });
});
