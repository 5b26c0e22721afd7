import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { predictWithUncertainty } from '../../src/clv/uncertainty/predictWithUncertainty.js';
import { scoreCustomers } from '../../src/pipeline/scoreCustomers.js';
import { simulateTransactions } from '../../src/simulate/simulateTransactions.js';

const rows = simulateTransactions({ customers: 800, start: '2024-01-01', end: '2025-06-30', seed: 5 });

describe('scoreCustomers with intervals', () => {
  const plain = scoreCustomers(rows, { asOf: '2025-06-30' });
  const withIntervals = scoreCustomers(rows, { asOf: '2025-06-30', intervals: 0.9 });

  it('leaves every score as it is without the option, and adds nothing', () => {
    expect(plain.columns.intervals).toBeUndefined();
    expect(withIntervals.columns.clv).toEqual(plain.columns.clv);
    expect(withIntervals.columns.pAlive).toEqual(plain.columns.pAlive);
  });

  it('gives the bounds of predictWithUncertainty (asymptotic, 200 draws, seed 1) on the same columns', () => {
    const iv = withIntervals.columns.intervals!;
    expect(iv.level).toBe(0.9);
    const c = withIntervals.columns;
    const direct = predictWithUncertainty(
      withIntervals.model,
      { purchase: c.summary.btyd, spend: { frequency: c.summary.btyd.frequency, monetaryValue: c.summary.btyd.monetaryValue }, margin: c.margin },
      { asOf: '2025-06-30', horizon: { amount: 1, unit: 'year' }, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week', step: 1, spendModel: withIntervals.spendModel, method: 'asymptotic', draws: 200, seed: 1, level: 0.9 },
    );
    expect(iv.clv.low).toEqual(direct.clv.low);
    expect(iv.clv.high).toEqual(direct.clv.high);
    expect(direct.clv.estimate).toEqual(c.clv);
    let inside = 0;
    for (let i = 0; i < c.clv.length; i++) if (iv.clv.low[i]! <= c.clv[i]! && c.clv[i]! <= iv.clv.high[i]!) inside++;
    expect(inside / c.clv.length).toBeGreaterThan(0.99);
  });

  it('refuses a level outside (0, 1)', () => {
    expect(() => scoreCustomers(rows, { intervals: 1 })).toThrow(InvalidInputError);
    expect(() => scoreCustomers(rows, { intervals: 0 })).toThrow(/intervals/);
  });
});
