import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { covariateFitRows } from '../../../src/models/covariates/covariateRows.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbdCovariateLikelihood } from '../../../src/models/paretonbd/paretoNbdCovariates.js';
import { apparelCustomers } from './apparelData.js';

/**
 * CLVTools 0.12.1, vignette "CLVTools_advanced_techniques" (vignettes/CLVTools_advanced_techniques.pdf
 * in github.com/bachmannpatrick/CLVTools at tag v0.12.1, section 4, `summary(est.pnbd.full)`):
 * `latentAttrition(~ . | ., family = pnbd, data = clv.apparel.static)` on
 * `clvdata(apparelTrans, time.unit = "week", estimation.split = 104)` with Gender and Channel as
 * static covariates of both processes. Printed to 4 decimals (LL to 4 decimals).
 */
const CLVTOOLS = {
  r: { estimate: 1.8378, se: 0.3455 },
  alpha: { estimate: 92.9123, se: 16.967 },
  s: { estimate: 0.592, se: 0.2609 },
  beta: { estimate: 49.6227, se: 36.2509 },
  'life.Gender': { estimate: -0.643, se: 0.2955 },
  'life.Channel': { estimate: 0.7907, se: 0.3059 },
  'trans.Gender': { estimate: 0.2859, se: 0.1041 },
  'trans.Channel': { estimate: 0.6241, se: 0.105 },
  logLikelihood: -5821.0627,
} as const;

type Key = Exclude<keyof typeof CLVTOOLS, 'logLikelihood'>;

describe('Pareto/NBD with static covariates on the CLVTools apparel data', () => {
  const customers = apparelCustomers();
  const covariates = { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] };
  const fit = fitParetoNbd(customers, { covariates });
  const ours: Record<Key, { estimate: number; se: number }> = {
    r: { estimate: fit.params.r, se: fit.standardErrors!.r },
    alpha: { estimate: fit.params.alpha, se: fit.standardErrors!.alpha },
    s: { estimate: fit.params.s, se: fit.standardErrors!.s },
    beta: { estimate: fit.params.beta, se: fit.standardErrors!.beta },
    'life.Gender': { estimate: fit.covariates!.coefficients.dropout.Gender!, se: fit.covariates!.coefficientStandardErrors!.dropout.Gender! },
    'life.Channel': { estimate: fit.covariates!.coefficients.dropout.Channel!, se: fit.covariates!.coefficientStandardErrors!.dropout.Channel! },
    'trans.Gender': { estimate: fit.covariates!.coefficients.purchase.Gender!, se: fit.covariates!.coefficientStandardErrors!.purchase.Gender! },
    'trans.Channel': { estimate: fit.covariates!.coefficients.purchase.Channel!, se: fit.covariates!.coefficientStandardErrors!.purchase.Channel! },
  };
  const rel = (k: Key): number => Math.abs(ours[k].estimate - CLVTOOLS[k].estimate) / Math.abs(CLVTOOLS[k].estimate);

  it('the data are the vignette\'s: 600 customers, all first buying on 2005-01-02, 1,266 repeat purchase days in 104 weeks', () => {
    expect(customers.length).toBe(600);
    expect(customers.every((c) => c.T === 104)).toBe(true);
    expect(customers.reduce((s, c) => s + c.frequency, 0)).toBe(1266);
  });

  it('converges without warnings', () => {
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
  });

  it('log-likelihood equals the printed -5821.0627 within its print precision (5e-5)', () => {
    expect(Math.abs(fit.logLikelihood - CLVTOOLS.logLikelihood)).toBeLessThanOrEqual(5e-5);
  });

  it('r, alpha, trans.Gender, trans.Channel equal the printed estimates to 1e-3 relative', () => {
    for (const k of ['r', 'alpha', 'trans.Gender', 'trans.Channel'] as const) expect(rel(k), k).toBeLessThanOrEqual(1e-3);
  });

  it('s, beta, life.Gender, life.Channel differ by 1.2e-3 to 2.3e-3 relative: less than 0.01 of a standard error, on a likelihood ours is higher on', () => {
    // Not within 1e-3: these four lie along the flat direction of the likelihood (beta's standard
    // error is 73% of it). The gap is CLVTools' optimiser stopping short: the likelihood at its
    // printed estimates is below ours, and every gap is under 1% of the printed standard error.
    for (const k of ['s', 'beta', 'life.Gender', 'life.Channel'] as const) {
      expect(rel(k), k).toBeLessThanOrEqual(2.5e-3);
      expect(Math.abs(ours[k].estimate - CLVTOOLS[k].estimate), k).toBeLessThan(0.01 * CLVTOOLS[k].se);
    }
    const ll = paretoNbdCovariateLikelihood(covariateFitRows(customers, covariates, undefined, 'test'));
    const c = CLVTOOLS;
    const theirs = ll(Float64Array.from([c.r.estimate, c.alpha.estimate, c.s.estimate, c.beta.estimate, c['trans.Gender'].estimate, c['trans.Channel'].estimate, c['life.Gender'].estimate, c['life.Channel'].estimate]), null);
    expect(theirs).toBeLessThan(fit.logLikelihood);
  });

  it('standard errors equal the printed ones to 1e-2 relative', () => {
    for (const k of Object.keys(ours) as Key[]) expect(Math.abs(ours[k].se - CLVTOOLS[k].se) / CLVTOOLS[k].se, k).toBeLessThanOrEqual(1e-2);
  });
});

describe('BG/NBD with static covariates on the apparel data (no published CLVTools figure)', () => {
  it('raises the log-likelihood over the plain fit and flags its boundary estimate', () => {
    const customers = apparelCustomers();
    const plain = fitBgNbd(customers);
    const fit = fitBgNbd(customers, { covariates: { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] } });
    expect(fit.logLikelihood).toBeGreaterThan(plain.logLikelihood);
    expect(fit.logLikelihood).toBeLessThan(0);
    // The online customers' dropout probability comes out homogeneous (a, b → ∞ at Channel = 0,
    // γ_dropout·Channel ≈ −20 bringing them back to finite values for the offline ones): a limit of
    // the model, which the fit says rather than hides.
    const atBoundary = fit.warnings.filter((w) => w.code === 'parameter_at_boundary').map((w) => w.parameter);
    expect(atBoundary).toEqual(expect.arrayContaining(['a', 'b']));
    expect(Number.isFinite(fit.covariates!.coefficients.purchase.Gender)).toBe(true);
  });
});
