/**
 * The numbers of the "Will this customer buy again?" and "Intervals" sections of docs/models.md
 * and of the lifetimes worked example of docs/coming-from-lifetimes.md, recomputed on the
 * published CDNOW summary (../shared/data/cdnow_customers_summary_with_transactions.csv, weeks)
 * and checked against the text (`expectQuoted`: the computed value rounds to the printed digits).
 */
import { describe, expect, it } from 'vitest';
import {
  bootstrapFit,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  predictWithUncertainty,
  probabilityAliveAt,
  probabilityOfPurchase,
  type ClvColumns,
} from '../../src/index.js';
import { readSharedCsv } from '../helpers/sharedData.js';
import { docText, expectQuoted } from './quoted.js';

const rows = readSharedCsv('cdnow_customers_summary_with_transactions.csv');
const purchases = rows.map((r) => ({ frequency: Number(r['x']), recency: Number(r['t_x']), T: Number(r['T']) }));
const columns: ClvColumns = {
  purchase: { frequency: Float64Array.from(purchases, (c) => c.frequency), recency: Float64Array.from(purchases, (c) => c.recency), T: Float64Array.from(purchases, (c) => c.T) },
  spend: { frequency: Float64Array.from(rows, (r) => Number(r['x'])), monetaryValue: Float64Array.from(rows, (r) => Number(r['zbar'])) },
};
const fit = fitBgNbd(purchases);
const spend = fitGammaGamma(columns.spend);
const options = { asOf: '1997-09-30', horizon: { amount: 12, unit: 'month' }, discountRate: { rate: 0.01, per: 'month' }, modelTimeUnit: 'week' } as const;
const Z90 = 1.6448536269514722;

describe('docs/models.md: will this customer buy again?', () => {
  const doc = docText('models.md');
  it('quotes the one-time buyer and customer 1', () => {
    const oneTime = { frequency: 0, recency: 0, T: 38.86 };
    expect(fit.probabilityAlive(oneTime)).toBe(1);
    expectQuoted(doc, '0.0617', probabilityOfPurchase(fit, oneTime, 13));
    expectQuoted(doc, '0.174', probabilityOfPurchase(fit, oneTime, 52));
    const c1 = purchases[0]!;
    expect(c1).toEqual({ frequency: 2, recency: 30.43, T: 38.86 });
    expectQuoted(doc, '0.727', fit.probabilityAlive(c1));
    expectQuoted(doc, '0.323', probabilityOfPurchase(fit, c1, 13));
    expectQuoted(doc, '0.532', probabilityAliveAt(fit, c1, 52));
  });
});

describe('docs/models.md: intervals', () => {
  const doc = docText('models.md');
  it('quotes the estimates, standard errors, bootstrap and asymptotic intervals of BG/NBD on CDNOW', () => {
    const se = fit.standardErrors!;
    const table: [string, 'r' | 'alpha' | 'a' | 'b', string, string, [string, string], [string, string]][] = [
      ['r', 'r', '0.2426', '0.0126', ['0.215', '0.270'], ['0.223', '0.264']],
      ['α', 'alpha', '4.414', '0.378', ['3.61', '5.18'], ['3.83', '5.08']],
      ['a', 'a', '0.793', '0.186', ['0.582', '1.126'], ['0.539', '1.166']],
      ['b', 'b', '2.426', '0.705', ['1.62', '3.70'], ['1.50', '3.91']],
    ];
    const boot = bootstrapFit(fitBgNbd, purchases, { draws: 200, seed: 1 });
    const cov = fit.logParameterCovariance!;
    table.forEach(([label, name, est, s, b, w], i) => {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${label} |`))!;
      expect(row, label).toBeDefined();
      expectQuoted(row, est, fit.params[name]);
      expectQuoted(row, s, se[name]);
      expectQuoted(row, b[0], boot.intervals[name].low);
      expectQuoted(row, b[1], boot.intervals[name].high);
      const u = Math.log(fit.params[name]);
      const sd = Math.sqrt(cov[i * 4 + i]!);
      expectQuoted(row, w[0], Math.exp(u - Z90 * sd));
      expectQuoted(row, w[1], Math.exp(u + Z90 * sd));
    });
  });

  it('quotes customer 1’s prediction intervals (asymptotic, 200 draws, seed 1)', () => {
    const u = predictWithUncertainty(fit, columns, { ...options, spendModel: spend, draws: 200, seed: 1 });
    const line = (label: string): string => doc.split('\n').find((l) => l.startsWith(`| ${label} |`))!;
    for (const [label, m] of [['P(alive)', u.probabilityAlive], ['expected purchases', u.expectedPurchases], ['CLV', u.clv]] as const) {
      const cells = line(label).split('|').map((c) => c.trim());
      const [estimate, interval] = [cells[2]!, cells[3]!];
      const [low, high] = interval.split(' to ') as [string, string];
      expectQuoted(line(label), estimate, m.estimate[0]!);
      expectQuoted(line(label), low, m.low[0]!);
      expectQuoted(line(label), high, m.high[0]!);
    }
  });
});

describe('docs/coming-from-lifetimes.md: the worked example', () => {
  const doc = docText('coming-from-lifetimes.md');
  // lifetimes 0.11.3 on the same file (test/bench/peers/lifetimes_clv_reference.py; the same
  // figures are reproduced to 1e-9 in test/clv/predictClvLifetimes.test.ts).
  const LIFETIMES_TOTAL = 71509.89931936492;
  const LIFETIMES_CUSTOMER_1 = 36.278495763627944;

  it('quotes lifetimes, our lifetimes convention and our calendar default', () => {
    expectQuoted(doc, '71,509.90', LIFETIMES_TOTAL);
    expectQuoted(doc, '36.28', LIFETIMES_CUSTOMER_1);
    const asLifetimes = predictClv(fit, spend, columns, { ...options, convention: 'lifetimes' });
    expectQuoted(doc, '71,509.90', asLifetimes.total);
    expectQuoted(doc, '36.28', asLifetimes.clv[0]!);
    const calendar = predictClv(fit, spend, columns, options);
    expectQuoted(doc, '71,858.94', calendar.total);
    expectQuoted(doc, '36.46', calendar.clv[0]!);
    expectQuoted(doc, '0.49', (calendar.total / asLifetimes.total - 1) * 100);
    expectQuoted(doc, '52.143', calendar.horizon);
    expectQuoted(doc, '52.14', asLifetimes.horizon);
    const flat = { ...options, discountRate: { rate: 0, per: 'month' } } as const;
    expectQuoted(doc, '75,875.42', predictClv(fit, spend, columns, flat).total);
    expectQuoted(doc, '75,872.12', predictClv(fit, spend, columns, { ...flat, convention: 'lifetimes' }).total);
  });
});
