import { describe, expect, it } from 'vitest';
import { betaGeometricFromCovariateRows, bgNbdCovariateLikelihood, bgNbdFromCovariateRows } from '../../../src/models/bgnbd/bgNbdCovariates.js';
import { fitMbgNbd } from '../../../src/models/mbgnbd/fitMbgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { betaGeometricLikelihood } from '../../../src/models/bgnbd/betaGeometricLikelihood.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import type { CovariateFitRows } from '../../../src/models/covariates/covariateRows.js';
import { btydFitRows } from '../../../src/models/fit/btydFitRows.js';
import { groupRows } from '../../../src/models/fit/groupRows.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbdCovariateLikelihood, paretoNbdFromCovariateRows } from '../../../src/models/paretonbd/paretoNbdCovariates.js';
import { paretoNbdLikelihood } from '../../../src/models/paretonbd/paretoNbdLikelihood.js';
import { cdnowExact } from '../fit/sharedData.js';

/**
 * The CDNOW customers with a design of all-zero covariates (two in each process). The public fits
 * refuse such a design (a constant covariate is an error), so the prepared rows go straight to
 * the internal fitting step: what is checked is the algebra, α·exp(−γ·0) = α, not the validation.
 */
function zeroDesignRows(): CovariateFitRows {
  const { rows, justAcquired } = btydFitRows(cdnowExact(), undefined, 'test');
  const n = rows.size;
  const zeros = (): Float64Array => new Float64Array(n);
  return {
    rows: groupRows([...rows.columns, zeros(), zeros(), zeros(), zeros()], rows.weights),
    design: {
      purchase: { encodings: [], columns: ['z1', 'z2'] },
      dropout: { encodings: [], columns: ['z1', 'z2'] },
    },
    purchaseColumns: 2,
    dropoutColumns: 2,
    scales: new Float64Array([1, 1, 1, 1]),
    justAcquired,
  };
}

/**
 * The plain fit without standard errors: its BFGS estimate as it is. An all-zero design makes the
 * covariate fit's Hessian singular (the γ rows are 0), so that fit takes no Newton step after BFGS
 * either, and the two runs are the same BFGS path step for step.
 */
const UNPOLISHED = { standardErrors: false } as const;

describe('static covariates at all-zero values reduce to the plain models exactly', () => {
  const prepared = zeroDesignRows();

  it('Pareto/NBD: the same parameters and log-likelihood, bit for bit, and γ stays 0', () => {
    const plain = fitParetoNbd(cdnowExact(), UNPOLISHED);
    const cov = paretoNbdFromCovariateRows(prepared, {});
    expect(cov.params).toEqual(plain.params);
    expect(cov.logLikelihood).toBe(plain.logLikelihood);
    expect(cov.iterations).toBe(plain.iterations);
    for (const g of [...Object.values(cov.covariates!.coefficients.purchase), ...Object.values(cov.covariates!.coefficients.dropout)]) expect(g).toBe(0);
  });

  it('BG/NBD: the same parameters and log-likelihood, bit for bit, and γ stays 0', () => {
    const plain = fitBgNbd(cdnowExact(), UNPOLISHED);
    const cov = bgNbdFromCovariateRows(prepared, {});
    expect(cov.params).toEqual(plain.params);
    expect(cov.logLikelihood).toBe(plain.logLikelihood);
    expect(cov.iterations).toBe(plain.iterations);
    for (const g of [...Object.values(cov.covariates!.coefficients.purchase), ...Object.values(cov.covariates!.coefficients.dropout)]) expect(g).toBe(0);
  });

  it('MBG/NBD: the same parameters and log-likelihood, bit for bit, and γ stays 0', () => {
    const plain = fitMbgNbd(cdnowExact(), UNPOLISHED);
    const cov = betaGeometricFromCovariateRows(prepared, {}, 'mbgnbd', mbgNbd, 'test');
    expect(cov.model).toBe('mbgnbd');
    expect(cov.params).toEqual(plain.params);
    expect(cov.logLikelihood).toBe(plain.logLikelihood);
    expect(cov.iterations).toBe(plain.iterations);
  });

  it('the likelihoods and their base gradients equal the plain ones bit for bit at any parameters (γ nonzero, z = 0)', () => {
    const { rows } = btydFitRows(cdnowExact(), undefined, 'test');
    const cases: [(p: Float64Array, g: Float64Array | null) => number, (p: Float64Array, g: Float64Array | null) => number][] = [
      [paretoNbdLikelihood(rows), paretoNbdCovariateLikelihood(prepared)],
      [betaGeometricLikelihood(rows, 'bgnbd'), bgNbdCovariateLikelihood(prepared)],
      [betaGeometricLikelihood(rows, 'mbgnbd'), bgNbdCovariateLikelihood(prepared, 'mbgnbd')],
    ];
    for (const [plain, cov] of cases) {
      for (const base of [
        [0.55, 10.6, 0.61, 11.7],
        [0.243, 4.414, 0.793, 2.426],
        [2, 30, 3, 1.5],
      ]) {
        const g0 = new Float64Array(4);
        const g1 = new Float64Array(8);
        const v0 = plain(Float64Array.from(base), g0);
        const v1 = cov(Float64Array.from([...base, 0.3, -1.2, 2, -0.7]), g1);
        expect(v1).toBe(v0);
        expect(Array.from(g1.subarray(0, 4))).toEqual(Array.from(g0));
        // ∂/∂γ = (…)·z = 0 (or −0) for every coefficient.
        expect(Array.from(g1.subarray(4)).every((v) => v === 0)).toBe(true);
      }
    }
  });
});
