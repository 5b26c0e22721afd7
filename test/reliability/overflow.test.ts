import { describe, expect, it } from 'vitest';
import { fitGammaGamma, formulaClv, gammaGamma, predictClv, retentionImpact, bgNbd, summarizeCustomers, summarizeCustomerColumns } from '../../src/index.js';
import { thrownIssues } from './thrownIssues.js';

// Class "overflow" (issue 11). Rule: a sum or product that would overflow is an error naming the
// customer (summaries: position in id order and field; Gamma-Gamma: index and monetaryValue, with
// the total repeat spend x·z̄ bounded by 1e300 up front); formulaClv names the largest money
// option; predictClv names the customer whose value overflows. Never Infinity in a result.

describe('overflow', () => {
  const tx = [
    { customerId: 'a', date: '2024-01-01', amount: 5 },
    { customerId: 'b', date: '2024-01-01', amount: 1e308 },
    { customerId: 'b', date: '2024-02-01', amount: 1e308 },
  ];

  it('two amounts of 1e308 are an error naming the customer position and revenue, not revenue Infinity', () => {
    for (const run of [() => summarizeCustomers(tx, { asOf: '2024-03-01' }), () => summarizeCustomerColumns(tx, { asOf: '2024-03-01' })]) {
      const [issue] = thrownIssues(run);
      expect(issue).toMatchObject({ code: 'out_of_range', path: [1, 'revenue'] });
      expect(issue.message).toMatch(/position 1 .*overflows/);
    }
  });

  it('large but finite sums still pass', () => {
    const { customers } = summarizeCustomers([tx[0]!, { ...tx[1]!, amount: 8e307 }, { ...tx[2]!, amount: 8e307 }], { asOf: '2024-03-01' });
    expect(customers[1]!.revenue).toBe(1.6e308);
  });

  it('Gamma-Gamma: a total repeat spend above 1e300 is an error naming the index and monetaryValue', () => {
    const rows = [
      { frequency: 2, monetaryValue: 10 },
      { frequency: 2, monetaryValue: 1e308 },
    ];
    expect(thrownIssues(() => fitGammaGamma(rows))[0]).toMatchObject({ code: 'out_of_range', path: [1, 'monetaryValue'] });
    const model = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    expect(thrownIssues(() => model.expectedAverageSpendMany(rows))[0].path).toEqual([1, 'monetaryValue']);
    expect(Number.isFinite(model.expectedAverageSpend({ frequency: 2, monetaryValue: 4e299 }))).toBe(true);
  });

  it('formulaClv and retentionImpact name the money option instead of returning Infinity', () => {
    const [issue] = thrownIssues(() => formulaClv({ marginPerPeriod: 1e308, retention: 0.99, horizon: 100 }));
    expect(issue).toMatchObject({ code: 'out_of_range', path: ['options', 'marginPerPeriod'] });
    expect(thrownIssues(() => retentionImpact({ retention: 0.9, change: 0.05, marginPerPeriod: 1e308, horizon: 50 }))[0].code).toBe('out_of_range');
    expect(formulaClv({ marginPerPeriod: 1e300, retention: 0.5, horizon: 2 }).clv).toBeCloseTo(7.5e299, -290);
  });

  it('predictClv names the customer whose value overflows', () => {
    const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const flat = { expectedAverageSpendMany: (cs: readonly unknown[]) => new Float64Array(cs.length).fill(1e308) };
    const customers = [
      { purchase: { frequency: 2, recency: 30, T: 38 }, spend: { frequency: 2, monetaryValue: 20 } },
      { purchase: { frequency: 40, recency: 38, T: 38 }, spend: { frequency: 40, monetaryValue: 20 } },
    ];
    const [issue] = thrownIssues(() => predictClv(model, flat, customers, { asOf: '2024-01-01', horizon: { amount: 10, unit: 'year' }, margin: 1 }));
    expect(issue.code).toBe('out_of_range');
    expect(issue.path[1]).toBe('spend');
  });
});
