/**
 * The numbers of the "Covariates" section of docs/models.md, recomputed on the CLVTools apparel
 * data (../shared/data/clvtools/, summarised as CLVTools' clvdata with 104 weekly periods) and
 * checked against the text (`expectQuoted`: the computed value rounds to the printed digits).
 * The CLVTools column of the table is checked against the fit in test/models/covariates/apparel.test.ts;
 * the recovery counts come from the slow test/models/covariates/recovery.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitParetoNbd } from '../../src/index.js';
import { apparelCustomers } from '../models/covariates/apparelData.js';
import { docText, expectQuoted } from './quoted.js';

describe('docs/models.md: covariates worked example', () => {
  const doc = docText('models.md');
  const customers = apparelCustomers();
  const covariates = { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] };
  const fit = fitParetoNbd(customers, { covariates });
  const c = fit.covariates!;

  it('quotes the data', () => {
    expect(customers.length).toBe(600);
    expectQuoted(doc, '1,266', customers.reduce((s, x) => s + x.frequency, 0));
  });

  it('quotes the Pareto/NBD estimates and standard errors', () => {
    const se = fit.standardErrors!;
    const cse = c.coefficientStandardErrors!;
    const rows: [string, number, string, number][] = [
      ['| r | 1.8390 (0.3458)', fit.params.r, '0.3458', se.r],
      ['| α | 92.963 (16.979)', fit.params.alpha, '16.979', se.alpha],
      ['| s | 0.5913 (0.2603)', fit.params.s, '0.2603', se.s],
      ['| β | 49.513 (36.143)', fit.params.beta, '36.143', se.beta],
      ['| γ_purchase Gender | 0.2861 (0.1041)', c.coefficients.purchase.Gender!, '0.1041', cse.purchase.Gender!],
      ['| γ_purchase Channel | 0.6239 (0.1049)', c.coefficients.purchase.Channel!, '0.1049', cse.purchase.Channel!],
      ['| γ_dropout Gender | −0.6419 (0.2955)', -c.coefficients.dropout.Gender!, '0.2955', cse.dropout.Gender!],
      ['| γ_dropout Channel | 0.7898 (0.3058)', c.coefficients.dropout.Channel!, '0.3058', cse.dropout.Channel!],
    ];
    for (const [row, value, seText, seValue] of rows) {
      expect(doc).toContain(row);
      const estimate = row.split('|')[2]!.trim().split(' ')[0]!.replace('−', '');
      expectQuoted(doc, estimate, value);
      expectQuoted(doc, seText, seValue);
    }
    expect(doc).toContain('| log-likelihood | −5821.0627 |');
    expectQuoted(doc, '5821.0627', -fit.logLikelihood);
  });

  it('quotes the comparison with the plain fit, the rate ratios and the new-customer expectations', () => {
    const plain = fitParetoNbd(customers);
    expectQuoted(doc, '5848.098', -plain.logLikelihood);
    expectQuoted(doc, '27.0', fit.logLikelihood - plain.logLikelihood);
    expectQuoted(doc, '1.87', Math.exp(c.coefficients.purchase.Channel!));
    expectQuoted(doc, '2.20', Math.exp(c.coefficients.dropout.Channel!));
    expectQuoted(doc, '1.33', Math.exp(c.coefficients.purchase.Gender!));
    expectQuoted(doc, '0.53', Math.exp(c.coefficients.dropout.Gender!));
    expectQuoted(doc, '0.817', c.modelFor({ Gender: 0, Channel: 0 }).expectedPurchasesNewCustomer(52));
    expectQuoted(doc, '1.976', c.modelFor({ Gender: 1, Channel: 1 }).expectedPurchasesNewCustomer(52));
  });

  it('quotes the BG/NBD log-likelihoods and its boundary warnings', () => {
    const plain = fitBgNbd(customers);
    const bg = fitBgNbd(customers, { covariates });
    expectQuoted(doc, '5857.020', -plain.logLikelihood);
    expectQuoted(doc, '5839.862', -bg.logLikelihood);
    expect(bg.warnings.filter((w) => w.code === 'parameter_at_boundary').map((w) => w.parameter)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(Math.round(bg.covariates!.coefficients.dropout.Channel!)).toBe(-20);
  });
});
