import { describe, expect, it } from 'vitest';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { parseTransactions } from '../../src/transactions/parseTransactions.js';
import type { TransactionInput } from '../../src/transactions/types.js';
import { visits } from './fixtures.js';

describe('deriveBehaviourSignals', () => {
  it('computes every signal as documented (hand-checked)', () => {
    // Purchases on days 0, 10, 30, 60 (gaps 10, 20, 30), spends 10, 20, 30, 40; asOf day 75.
    const rows = visits('a', '2024-01-01', [10, 20, 30], (k) => 10 * (k + 1));
    const [c] = deriveBehaviourSignals(rows, { asOf: '2024-03-16' }).customers;
    const gapSd = Math.sqrt((100 + 0 + 100) / 3);
    expect(c!.behaviour).toEqual({
      purchases: 4,
      tenureDays: 75,
      daysSinceLastPurchase: 15,
      meanGapDays: 20,
      recencyRatio: 0.75,
      gapCv: gapSd / 20,
      spendTrend: (70 - 30) / 100,
      totalSpend: 100,
    });
    expect(c!.behaviour.gapCv).toBeCloseTo(0.408248290463863, 14);
  });

  it('merges same-day records, does not count returns as purchases, nets them into totalSpend', () => {
    const rows: TransactionInput[] = [
      { customerId: 1, date: '2024-01-01', amount: 10 },
      { customerId: 1, date: '2024-01-01', amount: 5 },
      { customerId: 1, date: '2024-01-05', amount: -4 },
      { customerId: 1, date: '2024-01-11', amount: 30 },
      { customerId: 1, date: '2024-01-31', amount: 45 },
    ];
    const { customers } = deriveBehaviourSignals(rows, { asOf: '2024-01-31' });
    expect(customers[0]!.behaviour).toMatchObject({
      purchases: 3,
      meanGapDays: 15,
      gapCv: 5 / 15, // gaps 10 and 20: population sd 5
      spendTrend: (45 - 15) / 60, // middle day left out
      totalSpend: 86,
      daysSinceLastPurchase: 0,
      recencyRatio: 0,
    });
  });

  it('marks signals that need more purchases as null, never NaN', () => {
    const { customers } = deriveBehaviourSignals(
      [
        { customerId: 'one', date: '2024-05-01', amount: 0 },
        { customerId: 'two', date: '2024-05-01', amount: 0 },
        { customerId: 'two', date: '2024-05-03', amount: 0 },
      ],
      { asOf: '2024-05-10' },
    );
    expect(customers[0]!.behaviour).toEqual({
      purchases: 1,
      tenureDays: 9,
      daysSinceLastPurchase: 9,
      meanGapDays: null,
      recencyRatio: null,
      gapCv: null,
      spendTrend: null,
      totalSpend: 0,
    });
    expect(customers[1]!.behaviour).toMatchObject({ purchases: 2, gapCv: null, spendTrend: 0, recencyRatio: 3.5 });
  });

  it('derives promoShare over rows with a known flag and discount depth over rows with a discount', () => {
    const rows: TransactionInput[] = [
      { customerId: 'p', date: '2024-01-01', amount: 80, promo: true, discount: 20 },
      { customerId: 'p', date: '2024-01-02', amount: 90, promo: false, discount: 0 },
      { customerId: 'p', date: '2024-01-03', amount: 50 },
      { customerId: 'p', date: '2024-01-04', amount: -10, promo: true, discount: 5 },
      { customerId: 'q', date: '2024-01-04', amount: 10 },
    ];
    const { customers } = deriveBehaviourSignals(rows, { asOf: '2024-01-10' });
    expect(customers[0]!.behaviour.promoShare).toBe(0.5);
    expect(customers[0]!.behaviour.discountDepth).toBe((0.2 + 0) / 2);
    // q has no known flag and no discount: absent, i.e. unknown
    expect('promoShare' in customers[1]!.behaviour).toBe(false);
    expect('discountDepth' in customers[1]!.behaviour).toBe(false);
  });

  it('leaves out rows after asOf (counted), customers without a purchase, and can reject instead', () => {
    const rows: TransactionInput[] = [
      { customerId: 'x', date: '2024-01-01', amount: 10 },
      { customerId: 'x', date: '2024-02-01', amount: 10 },
      { customerId: 'late', date: '2024-03-01', amount: 10 },
      { customerId: 'ret', date: '2024-01-01', amount: -3 },
    ];
    const r = deriveBehaviourSignals(rows, { asOf: '2024-01-15' });
    expect(r.customers.map((c) => c.customerId)).toEqual(['x']);
    expect(r.excluded).toEqual({ rowsAfterAsOf: 2, customersWithoutPurchase: 2 });
    expect(r.asOf).toBe('2024-01-15');
    expect(() => deriveBehaviourSignals(rows, { asOf: '2024-01-15', afterAsOf: 'reject' })).toThrow(/row 1, date: dated after asOf/);
  });

  it('defaults asOf to the latest date, and needs one for empty input', () => {
    const rows = visits('a', '2024-01-01', [10], 5);
    expect(deriveBehaviourSignals(rows).asOf).toBe('2024-01-11');
    expect(deriveBehaviourSignals([], { asOf: '2024-01-01' }).customers).toEqual([]);
    expect(() => deriveBehaviourSignals([])).toThrow(InvalidInputError);
    expect(() => deriveBehaviourSignals(rows, { asOf: '2024-13-01' })).toThrow(/asOf/);
    expect(() => deriveBehaviourSignals(rows, { afterAsOf: 'keep' as 'exclude' })).toThrow(/afterAsOf/);
  });

  it('orders customers by id and gives the same result for a table, rows, and any row order', () => {
    const rows = [
      ...visits('b', '2024-01-03', [4, 9, 2], (k) => 3 + k, (k) => ({ promo: k % 2 === 0, discount: k })),
      ...visits(10, '2024-01-01', [7, 7], 20),
      ...visits(2, '2024-02-01', [1, 30], (k) => 100 - k),
      ...visits('a', '2024-01-09', [], 1),
    ];
    const expected = deriveBehaviourSignals(rows, { asOf: '2024-04-01' });
    expect(expected.customers.map((c) => c.customerId)).toEqual([2, 10, 'a', 'b']);
    const reversed = [...rows].reverse();
    expect(deriveBehaviourSignals(reversed, { asOf: '2024-04-01' })).toEqual(expected);
    expect(deriveBehaviourSignals(parseTransactions(rows).table, { asOf: '2024-04-01' })).toEqual(expected);
  });

  it('does not mutate its input and passes parse options through', () => {
    const rows = visits('a', '2024-01-01', [3], 5);
    const copy = structuredClone(rows);
    deriveBehaviourSignals(rows);
    expect(rows).toEqual(copy);
    const bad = [...rows, { customerId: 'a', date: 'nope', amount: 1 }];
    expect(() => deriveBehaviourSignals(bad)).toThrow(/row 2, date/);
    expect(deriveBehaviourSignals(bad, { parse: { onInvalid: 'collect' } }).customers[0]!.behaviour.purchases).toBe(2);
  });

  it('handles huge values and out-of-order days within a customer', () => {
    const rows: TransactionInput[] = [
      { customerId: 'h', date: '2024-03-01', amount: 1e300 },
      { customerId: 'h', date: '2024-01-01', amount: 1e300 },
      { customerId: 'h', date: '2024-02-01', amount: 0 },
    ];
    const b = deriveBehaviourSignals(rows, { asOf: '2024-03-01' }).customers[0]!.behaviour;
    expect(b.spendTrend).toBe(0);
    expect(b.tenureDays).toBe(60);
    expect(b.gapCv).toBeCloseTo(1 / 30, 12); // gaps 31 and 29: sd 1, mean 30
    expect(Number.isFinite(b.totalSpend)).toBe(true);
  });

  it('keeps spendTrend finite when the day sums overflow (amounts near the double limit)', () => {
    // early day 2 x 1.7e308, late day 1.7e308 + 0.85e308: in units of 2^1000 the trend is (2.55 - 3.4) / 5.95
    const rows: TransactionInput[] = [
      { customerId: 'o', date: '2024-01-01', amount: 1.7e308 },
      { customerId: 'o', date: '2024-01-01', amount: 1.7e308 },
      { customerId: 'o', date: '2024-01-05', amount: 1.7e308 },
      { customerId: 'o', date: '2024-01-05', amount: 0.85e308 },
    ];
    const b = deriveBehaviourSignals(rows, { asOf: '2024-01-05' }).customers[0]!.behaviour;
    expect(Math.abs(b.spendTrend! - (2.55 - 3.4) / 5.95)).toBeLessThanOrEqual(1e-12);
  });
});
