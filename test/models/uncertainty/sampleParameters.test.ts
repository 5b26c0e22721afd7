import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { sampleParameters } from '../../../src/models/uncertainty/sampleParameters.js';
import { cdnowExact } from '../fit/sharedData.js';

const fit = fitBgNbd(cdnowExact());

describe('sampleParameters', () => {
  const draws = sampleParameters(fit, { draws: 20000, seed: 4 });

  it('draws log-parameters with the fit’s mean and covariance (the inverse Hessian)', () => {
    const names = ['r', 'alpha', 'a', 'b'] as const;
    const cov = fit.logParameterCovariance!;
    const logs = names.map((n) => draws.map((d) => Math.log(d[n])));
    const means = logs.map((v) => v.reduce((s, x) => s + x, 0) / v.length);
    for (let i = 0; i < 4; i++) {
      const sd = Math.sqrt(cov[i * 4 + i]!);
      // Mean within 4 standard errors of the mean of 20,000 draws.
      expect(Math.abs(means[i]! - Math.log(fit.params[names[i]!])), names[i]).toBeLessThan((4 * sd) / Math.sqrt(20000));
      for (let j = 0; j <= i; j++) {
        let c = 0;
        for (let k = 0; k < draws.length; k++) c += (logs[i]![k]! - means[i]!) * (logs[j]![k]! - means[j]!);
        c /= draws.length - 1;
        const rho = c / Math.sqrt(cov[i * 4 + i]! * cov[j * 4 + j]!);
        const expected = cov[i * 4 + j]! / Math.sqrt(cov[i * 4 + i]! * cov[j * 4 + j]!);
        // A sample correlation of 20,000 draws has standard error below 1/sqrt(20000) = 0.007.
        expect(Math.abs(rho - expected), `${names[i]}, ${names[j]}`).toBeLessThan(0.03);
      }
    }
  });

  it('gives, through the delta method, the fit’s standard errors', () => {
    for (const name of ['r', 'alpha'] as const) {
      const v = draws.map((d) => Math.log(d[name]));
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      const sdLog = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
      expect(sdLog * fit.params[name]).toBeCloseTo(fit.standardErrors![name], 2);
    }
  });

  it('is seeded and positive', () => {
    expect(sampleParameters(fit, { draws: 5, seed: 4 })).toEqual(draws.slice(0, 5));
    expect(draws.every((d) => d.r > 0 && d.alpha > 0 && d.a > 0 && d.b > 0)).toBe(true);
  });

  it('refuses a fit without standard errors and invalid options', () => {
    const bare = fitBgNbd(cdnowExact(), { standardErrors: false });
    expect(() => sampleParameters(bare)).toThrow(InvalidInputError);
    expect(() => sampleParameters(fit, { draws: 0 })).toThrow(/draws/);
    expect(() => sampleParameters(fit, { seed: Infinity })).toThrow(/seed/);
  });
});
