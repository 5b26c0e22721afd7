import { describe, expect, it } from 'vitest';
import { fitBgBb } from '../../../src/models/bgbb/fitBgBb.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { FIT_WARNING_CODES, optimizerWarnings, spendWarnings, weightedCorrelation, type FitWarning } from '../../../src/models/fit/fitWarnings.js';
import { fitGammaGamma } from '../../../src/models/gammagamma/fitGammaGamma.js';
import { simulateGammaGamma } from '../../../src/models/gammagamma/simulateGammaGamma.js';
import { fitMbgNbd } from '../../../src/models/mbgnbd/fitMbgNbd.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { summarizeCustomers } from '../../../src/summary/summarizeCustomers.js';
import { parseTransactions } from '../../../src/transactions/parseTransactions.js';
import { readSharedCsv } from '../../helpers/sharedData.js';
import { donationRows, weightsOf } from '../bgbb/donations.js';
import { cdnowExact } from './sharedData.js';

const codes = (ws: readonly FitWarning[]): string[] => ws.map((w) => (w.parameter ? `${w.code}:${w.parameter}` : w.code));

function expectReadable(ws: readonly FitWarning[]): void {
  for (const w of ws) {
    expect(FIT_WARNING_CODES).toContain(w.code);
    expect(w.message).toMatch(/^[A-Z].*\.$/);
    if (w.parameter !== undefined) expect(w.message).toContain(w.parameter);
    if (w.value !== undefined) expect(Number.isFinite(w.value)).toBe(true);
  }
}

describe('fit warnings on known cases', () => {
  it('the README Quick start two-customer fit warns: small sample (2 customers, 1 repeat buyer) and no standard errors', () => {
    const { table } = parseTransactions([
      { customerId: 'ann', date: '2024-01-05', amount: 20, cost: 12 },
      { customerId: 'ann', date: '2024-03-01', amount: 35, cost: 20 },
      { customerId: 'bob', date: '2024-02-11', amount: 12.5 },
    ]);
    const { customers } = summarizeCustomers(table, { asOf: '2024-06-30', timeUnit: 'week' });
    const fit = fitBgNbd(customers.map((c) => c.btyd));
    expect(codes(fit.warnings)).toEqual(expect.arrayContaining(['small_sample', 'weakly_identified']));
    expect(fit.warnings.filter((w) => w.code === 'small_sample').map((w) => w.value)).toEqual([2, 1]);
    expect(fit.warnings.find((w) => w.value === 1)!.message).toBe(
      'Only 1 customer in the fit has a repeat purchase (fewer than 20): the estimates are unreliable.',
    );
    expectReadable(fit.warnings);
  });

  it('the grocery file with a constant amount: BG/NBD is clean, Gamma-Gamma sits at q → ∞ and does not converge', () => {
    const rows = readSharedCsv('btydplus/groceryElog.csv').map((r) => ({ customerId: r['cust']!, date: r['date']!, amount: 1 }));
    const { customers } = summarizeCustomers(parseTransactions(rows).table, { timeUnit: 'week' });
    const purchase = fitBgNbd(customers);
    // Its standard errors are fine (largest SE / estimate 0.18): nothing to warn about.
    expect(purchase.warnings).toEqual([]);
    const spend = fitGammaGamma(customers);
    expect(codes(spend.warnings)).toEqual(expect.arrayContaining(['not_converged', 'parameter_at_boundary:q', 'weakly_identified']));
    expect(spend.warnings.find((w) => w.parameter === 'q')!.value).toBeGreaterThan(1e6);
    expectReadable(spend.warnings);
  });

  it('a degenerate BG/NBD (regular buyers, nobody drops out) reports converged at a → 0, b → ∞ and warns at the boundary', () => {
    const regular = Array.from({ length: 60 }, (_, i) => ({ frequency: 10 + (i % 5), recency: 50 - (i % 3) * 0.1, T: 52 }));
    const fit = fitBgNbd(regular);
    expect(fit.converged).toBe(true);
    expect(fit.params.a).toBeLessThan(1e-8);
    expect(fit.params.b).toBeGreaterThan(1e8);
    expect(codes(fit.warnings)).toEqual(['parameter_at_boundary:a', 'parameter_at_boundary:b', 'weakly_identified']);
    expect(fit.warnings[0]!.message).toMatch(/^The estimate of a is \d\.\d\de-\d+, below 1\.00e-8: /);
    expectReadable(fit.warnings);
  });

  it('Gamma-Gamma with q in the billions (spends nearly constant across customers) warns at the boundary of q', () => {
    const freqs = Array.from({ length: 300 }, (_, i) => 1 + (i % 6));
    const fit = fitGammaGamma(simulateGammaGamma({ p: 50, q: 1e11, gamma: 5e10 }, freqs, { seed: 2 }));
    expect(fit.params.q).toBeGreaterThan(1e6);
    expect(codes(fit.warnings)).toContain('parameter_at_boundary:q');
    expect(fit.warnings.find((w) => w.parameter === 'q')!.message).toMatch(/above 1\.00e\+6/);
    // The boundary of q is 1e6, tighter than the generic 1e8.
    const w = optimizerWarnings({ params: { q: 4.9e9 }, standardErrors: null, converged: true, iterations: 10, gradientNorm: 0, standardErrorsRequested: false, upperBoundaries: { q: 1e6 } });
    expect(w.map((x) => x.message)).toEqual(['The estimate of q is 4.90e+9, above 1.00e+6: the likelihood is maximised at a limit of the model (q → ∞), so this parameter is not really estimated.']);
  });

  it('Gamma-Gamma warns when spend grows with frequency (reports the correlation) and when q <= 1', () => {
    const freqs = Array.from({ length: 300 }, (_, i) => 1 + (i % 6));
    const dependent = fitGammaGamma(freqs.map((x, i) => ({ frequency: x, monetaryValue: 10 + 5 * x + (i % 7) })));
    const dep = dependent.warnings.find((w) => w.code === 'spend_frequency_dependence')!;
    expect(dep.value).toBeGreaterThan(0.9);
    expect(dep.message).toMatch(/^The correlation between purchase frequency and mean repeat spend is 0\.9\d: /);
    const heavy = fitGammaGamma(simulateGammaGamma({ p: 2, q: 0.7, gamma: 5 }, Array.from({ length: 3000 }, (_, i) => 1 + (i % 6)), { seed: 2 }));
    expect(codes(heavy.warnings)).toEqual(['no_mean_spend:q']);
    expect(spendWarnings(Number.NaN, 3)).toEqual([]);
    expect(weightedCorrelation([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(weightedCorrelation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
  });

  it('non-convergence is a warning with the gradient norm', () => {
    const fit = fitBgNbd(cdnowExact(), { maxIterations: 2 });
    expect(fit.warnings[0]).toMatchObject({ code: 'not_converged', value: fit.gradientNorm });
    expect(fit.warnings[0]!.message).toMatch(/after 2 iterations/);
  });

  it('a standard error above its estimate is weakly_identified; none when standard errors are not asked for', () => {
    const w = optimizerWarnings({ params: { r: 2, s: 1 }, standardErrors: { r: 0.1, s: 1.5 }, converged: true, iterations: 3, gradientNorm: 0, standardErrorsRequested: true });
    expect(w).toEqual([{ code: 'weakly_identified', parameter: 's', value: 1.5, message: 'The standard error of s (1.5) exceeds its estimate (1): these data hardly determine s.' }]);
    expect(optimizerWarnings({ params: { r: 2 }, standardErrors: null, converged: true, iterations: 3, gradientNorm: 0, standardErrorsRequested: false })).toEqual([]);
    expect(fitBgNbd(cdnowExact().slice(0, 40), { standardErrors: false }).warnings.map((x) => x.code)).toEqual(['small_sample', 'small_sample']);
  });
});

describe('no spurious warnings on the reference data', () => {
  it('CDNOW: BG/NBD, Pareto/NBD, MBG/NBD and Gamma-Gamma; donations: BG/BB', () => {
    const cdnow = cdnowExact();
    for (const fit of [fitBgNbd(cdnow), fitParetoNbd(cdnow), fitMbgNbd(cdnow)]) {
      expect(fit.warnings).toEqual([]);
      for (const [k, se] of Object.entries(fit.standardErrors!)) expect(se).toBeLessThan(fit.params[k as keyof typeof fit.params]);
    }
    const spends = readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({ frequency: Number(r['x']), monetaryValue: Number(r['m.x']) }));
    expect(fitGammaGamma(spends).warnings).toEqual([]);
    expect(fitBgBb(donationRows(), weightsOf(donationRows())).warnings).toEqual([]);
  });
});
