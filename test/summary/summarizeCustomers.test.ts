import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseTransactions, summarizeCustomers } from '../../src/index.js';

describe('summarizeCustomers contracts', () => {
  it('leaves out and counts rows after asOf, or rejects them', () => {
    const rows = [
      { customerId: 1, date: '2024-01-01', amount: 10 },
      { customerId: 1, date: '2024-03-01', amount: 10 },
      { customerId: 2, date: '2024-03-02', amount: 10 },
    ];
    const r = summarizeCustomers(rows, { asOf: '2024-02-01' });
    expect(r.customers.map((c) => c.customerId)).toEqual([1]);
    expect(r.excluded).toEqual({ rowsAfterAsOf: 2, customersOnlyAfterAsOf: 1, customersWithoutPurchase: 0 });
    expect(() => summarizeCustomers(rows, { asOf: '2024-02-01', afterAsOf: 'reject' })).toThrow(
      'row 1, date: dated after asOf (expected on or before 2024-02-01) (and 1 more issue)',
    );
  });

  it('nets returns into revenue, not into purchases; customers with only returns are counted', () => {
    const r = summarizeCustomers(
      [
        { customerId: 'a', date: '2024-01-01', amount: 50, cost: 30 },
        { customerId: 'a', date: '2024-01-10', amount: -20, cost: -12 },
        { customerId: 'b', date: '2024-01-05', amount: -5 },
      ],
      { asOf: '2024-01-31' },
    );
    expect(r.customers).toHaveLength(1);
    const a = r.customers[0]!;
    expect([a.revenue, a.cost, a.profit, a.rfm.frequency, a.btyd.frequency, a.lastPurchase]).toEqual([30, 18, 12, 1, 0, '2024-01-01']);
    expect(r.excluded.customersWithoutPurchase).toBe(1);
  });

  it('reports null cost and profit for a customer with a row lacking cost', () => {
    const r = summarizeCustomers([
      { customerId: 'a', date: '2024-01-01', amount: 50, cost: 30 },
      { customerId: 'a', date: '2024-01-02', amount: 5 },
      { customerId: 'b', date: '2024-01-02', amount: 5, cost: 1 },
    ]);
    expect(r.customers.map((c) => [c.cost, c.profit])).toEqual([[null, null], [1, 4]]);
  });

  it('counts distinct orders for RFM frequency when rows carry order ids', () => {
    const r = summarizeCustomers([
      { customerId: 'a', date: '2024-01-01', amount: 5, orderId: 'o1' },
      { customerId: 'a', date: '2024-01-01', amount: 7, orderId: 'o1' },
      { customerId: 'a', date: '2024-01-03', amount: 1, orderId: 'o2' },
      { customerId: 'a', date: '2024-01-04', amount: 1 },
    ]);
    expect(r.customers[0]!.rfm).toEqual({ recency: 0, frequency: 3, monetary: 14 });
    expect(summarizeCustomers([{ customerId: 'a', date: '2024-01-01', amount: 6, orderId: 1 }, { customerId: 'a', date: '2024-01-01', amount: 2, orderId: 2 }], { rfmMonetary: 'mean' }).customers[0]!.rfm.monetary).toBe(4);
  });

  it('measures in calendar months and years', () => {
    const rows = [
      { customerId: 1, date: '2024-01-15', amount: 1 },
      { customerId: 1, date: '2024-03-15', amount: 1 },
    ];
    const m = summarizeCustomers(rows, { asOf: '2024-07-15', timeUnit: 'month' }).customers[0]!;
    expect([m.btyd.recency, m.btyd.T, m.rfm.recency]).toEqual([2, 6, 4]);
    const y = summarizeCustomers(rows, { asOf: '2025-01-15', timeUnit: 'year' }).customers[0]!;
    expect(y.btyd.T).toBe(1);
    const cal = summarizeCustomers(rows, { asOf: '2024-07-01', timeUnit: 'month', periods: 'calendar' }).customers[0]!;
    expect([cal.btyd.frequency, cal.btyd.recency, cal.btyd.T]).toEqual([1, 2, 6]);
  });

  it('accepts a table or rows with parse options, and an empty table with asOf', () => {
    const rows = [{ customerId: 1, date: '19970101', amount: 3 }];
    const fromRows = summarizeCustomers(rows, { parse: { dateFormat: 'yyyyMMdd' } });
    const fromTable = summarizeCustomers(parseTransactions(rows, { dateFormat: 'yyyyMMdd' }).table);
    expect(fromRows).toEqual(fromTable);
    expect(summarizeCustomers([], { asOf: '2024-01-01' }).customers).toEqual([]);
    expect(() => summarizeCustomers([])).toThrow('options, asOf: needed when there are no transactions');
  });

  it('names bad options', () => {
    expect(() => summarizeCustomers([], { asOf: '2024-02-30' })).toThrow(InvalidInputError);
    expect(() => summarizeCustomers([], { asOf: '2024-02-30' })).toThrow('options, asOf: not a valid date');
    expect(() => summarizeCustomers([], { asOf: '2024-01-01', timeUnit: 'fortnight' as never })).toThrow('options, timeUnit');
    expect(() => summarizeCustomers([], { asOf: '2024-01-01', periods: 'rough' as never })).toThrow('options, periods');
  });

  it('orders customers numbers first, then strings by code unit', () => {
    const r = summarizeCustomers(['b', 10, 'B', 2, 'a'].map((customerId) => ({ customerId, date: '2024-01-01', amount: 1 })));
    expect(r.customers.map((c) => c.customerId)).toEqual([2, 10, 'B', 'a', 'b']);
  });
});

describe('order ids shared by customers', () => {
  it('count once for each customer, however the rows interleave', () => {
    // fast-check counterexample: order 3 of customer 2 spans two days, and customer x reuses id 3.
    const r = summarizeCustomers([
      { customerId: 2, date: '2020-01-01', amount: 0, orderId: 3 },
      { customerId: 'x', date: '2020-01-01', amount: 0, orderId: 3 },
      { customerId: 2, date: '2020-01-02', amount: 0, orderId: 3 },
      { customerId: 'x', date: '2020-01-03', amount: 0, orderId: 3 },
      { customerId: 2, date: '2020-01-03', amount: 0, orderId: 4 },
    ], { parse: { orderIds: 'lenient' } });
    expect(r.customers.map((c) => [c.customerId, c.rfm.frequency])).toEqual([
      [2, 2],
      ['x', 1],
    ]);
  });
});
