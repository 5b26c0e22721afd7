import { describe, expect, it } from 'vitest';
import { historicalValue } from '../../src/clv/historicalValue.js';
import { summaryWith } from './summaryFixture.js';

const summary = summaryWith;

describe('historicalValue', () => {
  const customers = [summary('a', 100, 60), summary('b', 50, null), summary('c', 10, 15)];

  it('reports revenue, cost and profit to date, with totals over known costs', () => {
    const r = historicalValue(customers);
    expect(r.customers).toEqual([
      { customerId: 'a', revenue: 100, cost: 60, profit: 40 },
      { customerId: 'b', revenue: 50, cost: null, profit: null },
      { customerId: 'c', revenue: 10, cost: 15, profit: -5 },
    ]);
    expect(r.total).toEqual({ revenue: 160, cost: 75, profit: 35 });
    expect(r.unknownCost).toBe(1);
  });

  it('applies an assumed margin where cost is unknown, and an acquisition cost to everyone', () => {
    const r = historicalValue(customers, { margin: 0.3, acquisitionCost: 5 });
    expect(r.customers[1]).toEqual({ customerId: 'b', revenue: 50, cost: 40, profit: 10 });
    expect(r.customers[0]!.profit).toBe(35);
    expect(r.unknownCost).toBe(0);
  });

  it('handles no customers, and does not mutate its input', () => {
    expect(historicalValue([])).toEqual({ customers: [], total: { revenue: 0, cost: 0, profit: 0 }, unknownCost: 0 });
    const copy = structuredClone(customers);
    historicalValue(customers, { margin: 0.5 });
    expect(customers).toEqual(copy);
  });

  it('rejects bad options and non-finite money', () => {
    expect(() => historicalValue(customers, { margin: 2 })).toThrow(/options, margin/);
    expect(() => historicalValue(customers, { acquisitionCost: -1 })).toThrow(/acquisitionCost/);
    expect(() => historicalValue([summary('z', Number.NaN, 1)])).toThrow(/^historicalValue: row 0, revenue/);
    expect(() => historicalValue([summary('z', Number.NaN, 1)], { revealValues: true })).toThrow(/customer z \(index 0\), revenue/);
  });
});
