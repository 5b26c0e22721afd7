import { describe, expect, it } from 'vitest';
import { bgNbd, fitBgBb, fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd, gammaGamma, predictClv } from '../../src/index.js';
import { thrownIssues as issuesOf } from './thrownIssues.js';
import { cdnowExact } from '../models/fit/sharedData.js';

describe('class: non-identifiable data is an error, not converged: true at r = 2.2e9', () => {
  const same = Array.from({ length: 100 }, () => ({ frequency: 2, recency: 10, T: 20 }));
  it.each([
    ['fitBgNbd', () => fitBgNbd(same)],
    ['fitParetoNbd', () => fitParetoNbd(same)],
    ['fitMbgNbd', () => fitMbgNbd(same)],
    ['fitBgNbd, one row', () => fitBgNbd([{ frequency: 2, recency: 10, T: 20 }])],
    ['fitBgNbd, identical rows as weights', () => fitBgNbd([{ frequency: 2, recency: 10, T: 20 }], { weights: [100] })],
    ['fitBgBb', () => fitBgBb(Array.from({ length: 100 }, () => ({ frequency: 2, recency: 4, periods: 6 })))],
    ['fitGammaGamma', () => fitGammaGamma(Array.from({ length: 100 }, () => ({ frequency: 2, monetaryValue: 10 })))],
  ])('%s: not_identified at customers', (_name, run) => {
    const [issue] = issuesOf(run);
    expect(issue.code).toBe('not_identified');
    expect(issue.path).toEqual(['customers']);
    expect(issue.message).toMatch(/same .*not identified/);
  });

  it('two distinct histories are fitted; estimates at a limit carry parameter_at_boundary', () => {
    const two = [...Array.from({ length: 50 }, () => ({ frequency: 2, recency: 10, T: 20 })), ...Array.from({ length: 50 }, () => ({ frequency: 0, recency: 0, T: 20 }))];
    const fit = fitBgNbd(two);
    const boundary = Object.values(fit.params).some((v) => v < 1e-8 || v > 1e8);
    if (boundary) expect(fit.warnings.map((w) => w.code)).toContain('parameter_at_boundary');
    for (const v of Object.values(fit.params)) expect(v).toBeLessThanOrEqual(1e10 * (1 + 1e-12));
  });
});

describe('class: every fit is bounded in time', () => {
  const cdnow = cdnowExact();

  it('fitParetoNbd from a start three decades away (the run that walked to s = 6.9e-10) ends at the optimum within the cap', () => {
    const fit = fitParetoNbd(cdnow, { start: { r: 1000, alpha: 0.01, s: 0.001, beta: 10_000 } });
    expect(fit.evaluations).toBeLessThanOrEqual(10_000);
    expect(fit.logLikelihood).toBeCloseTo(-9594.98, 1);
    expect(fit.converged).toBe(true);
  });

  it('maxEvaluations stops a fit with converged: false and a not_converged warning', () => {
    const fit = fitParetoNbd(cdnow, { maxEvaluations: 20 });
    expect(fit.evaluations).toBeLessThanOrEqual(20);
    expect(fit.converged).toBe(false);
    expect(fit.warnings[0]!.code).toBe('not_converged');
  });

  it('maxIterations bounds all starts together', () => {
    const fit = fitBgNbd(cdnow, { maxIterations: 3, start: { r: 1000, alpha: 1e5, a: 1000, b: 1000 } });
    expect(fit.iterations).toBeLessThanOrEqual(3);
    expect(fit.converged).toBe(false);
  });

  it('maxEvaluations must be a whole number >= 1', () => {
    expect(issuesOf(() => fitBgNbd(cdnow, { maxEvaluations: 0 }))[0].path).toEqual(['options', 'maxEvaluations']);
    expect(issuesOf(() => fitBgNbd(cdnow, { maxIterations: -1 }))[0].path).toEqual(['options', 'maxIterations']);
  });

  describe('predictClv refuses a horizon of more than 100,000 sub-periods and says how to fix it', () => {
    const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const spend = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    const customers = [{ purchase: { frequency: 2, recency: 30, T: 38 }, spend: { frequency: 2, monetaryValue: 20 } }];
    it('step 1e-12', () => {
      const [issue] = issuesOf(() => predictClv(model, spend, customers, { asOf: '2024-01-01', horizon: { amount: 1, unit: 'year' }, step: 1e-12 }));
      expect(issue.path).toEqual(['options', 'step']);
      expect(issue.message).toMatch(/more than the maximum of 100000: use a step of at least [\d.e-]+ or a shorter horizon/);
    });
    it('a million-year horizon', () => {
      const [issue] = issuesOf(() => predictClv(model, spend, customers, { asOf: '2024-01-01', horizon: { amount: 1_000_000, unit: 'year' } }));
      expect(issue.path).toEqual(['options', 'step']);
    });
    it('the largest horizon that fits still runs', () => {
      const r = predictClv(model, spend, customers, { asOf: '2024-01-01', horizon: { amount: 700, unit: 'week' }, step: 0.01 });
      expect(r.steps).toBe(70_000);
      expect(Number.isFinite(r.total)).toBe(true);
    });
  });
});

describe('class: model inputs name the customer index and field', () => {
  it('Gamma-Gamma frequency 1.5', () => {
    const [issue] = issuesOf(() => fitGammaGamma([{ frequency: 2, monetaryValue: 10 }, { frequency: 1.5, monetaryValue: 12 }]));
    expect(issue).toMatchObject({ code: 'invalid_frequency', path: [1, 'frequency'] });
    expect(issuesOf(() => gammaGamma({ p: 6, q: 4, gamma: 15 }).expectedAverageSpend({ frequency: 1.5, monetaryValue: 12 }))[0].path).toEqual(['customer', 'frequency']);
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('weight %s', (bad) => {
    const rows = [
      { frequency: 2, recency: 10, T: 20 },
      { frequency: 0, recency: 0, T: 20 },
    ];
    for (const run of [
      () => fitBgNbd(rows, { weights: [1, bad] }),
      () => fitParetoNbd(rows, { weights: [1, bad] }),
      () => fitGammaGamma([{ frequency: 1, monetaryValue: 3 }, { frequency: 2, monetaryValue: 4 }], { weights: [1, bad] }),
      () => fitBgBb([{ frequency: 1, recency: 2, periods: 3 }, { frequency: 0, recency: 0, periods: 3 }], { weights: [1, bad] }),
    ]) {
      const [issue] = issuesOf(run);
      expect(issue).toMatchObject({ code: 'invalid_weight', path: [1, 'weight'] });
    }
  });
});
