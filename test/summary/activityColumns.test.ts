// The activity columns that summarizeCustomerColumns gathers in its one pass are the behaviour
// signals deriveBehaviourSignals computes from the same rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveBehaviourSignals, summarizeCustomers, type TransactionInput } from "../../src/index.js";
import { summarizeCustomerColumns } from "../../src/summary/summarizeCustomers.js";

const rowArb: fc.Arbitrary<TransactionInput> = fc.record(
  {
    customerId: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom('a', 'b')),
    date: fc.integer({ min: 19000, max: 19400 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    amount: fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constantFrom(0, 10, 25.5), fc.double({ min: -300, max: 0, noNaN: true })),
    promo: fc.option(fc.boolean(), { nil: undefined }),
    discount: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
  },
  { requiredKeys: ['customerId', 'date', 'amount'] },
);

/** `null` (does not apply) and absent signals are NaN in the columns. */
const asColumn = (v: number | null | undefined): number => (v === null || v === undefined ? Number.NaN : v);

describe('summarizeCustomerColumns activity', () => {
  it('equals deriveBehaviourSignals for every customer', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), fc.constantFrom(undefined, '2023-01-15'), (rows, asOf) => {
        fc.pre(rows.some((r) => r.amount >= 0 && (asOf === undefined || String(r.date) <= asOf)));
        const options = asOf === undefined ? {} : { asOf };
        const { columns, activity } = summarizeCustomerColumns(rows, { ...options, activity: true });
        const signals = deriveBehaviourSignals(rows, options).customers;
        expect(columns.customerIds).toEqual(signals.map((s) => s.customerId));
        const a = activity!;
        signals.forEach((s, i) => {
          const b = s.behaviour;
          expect(a.purchases[i]).toBe(b.purchases);
          expect(a.tenureDays[i]).toBe(b.tenureDays);
          expect(a.daysSinceLastPurchase[i]).toBe(b.daysSinceLastPurchase);
          expect(a.meanGapDays[i]).toBe(asColumn(b.meanGapDays));
          expect(a.recencyRatio[i]).toBe(asColumn(b.recencyRatio));
          expect(a.gapCv[i]).toBe(asColumn(b.gapCv));
          expect(a.totalSpend[i]).toBe(b.totalSpend);
          // Both sum the early and late blocks oldest day first: the same bits.
          expect(a.spendTrend[i]).toBe(asColumn(b.spendTrend));
          if (a.promoShare === null) expect(b.promoShare).toBeUndefined();
          else expect(a.promoShare[i]).toBe(asColumn(b.promoShare));
          if (a.discountDepth === null) expect(b.discountDepth).toBeUndefined();
          else expect(a.discountDepth[i]).toBe(asColumn(b.discountDepth));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same summaries as summarizeCustomers, with and without activity', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.constantFrom('day', 'week', 'month') , fc.constantFrom('exact', 'calendar'), (rows, timeUnit, periods) => {
        fc.pre(rows.some((r) => r.amount >= 0));
        const objects = summarizeCustomers(rows, { timeUnit, periods: periods as 'exact' | 'calendar' });
        for (const activity of [false, true]) {
          const { columns } = summarizeCustomerColumns(rows, { timeUnit, periods: periods as 'exact' | 'calendar', activity });
          expect(columns.length).toBe(objects.customers.length);
          objects.customers.forEach((s, i) => {
            expect(columns.btyd.T[i]).toBe(s.btyd.T);
            expect(columns.btyd.monetaryValue[i]).toBe(s.btyd.monetaryValue);
            expect(columns.rfm.frequency[i]).toBe(s.rfm.frequency);
            expect(columns.revenue[i]).toBe(s.revenue);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('has no activity unless asked, and empty columns for no purchase', () => {
    const none = summarizeCustomerColumns([{ customerId: 'a', date: '2024-01-01', amount: -5 }], { asOf: '2024-02-01', activity: true });
    expect(none.columns.length).toBe(0);
    expect(none.activity!.length).toBe(0);
    expect(none.excluded.customersWithoutPurchase).toBe(1);
    expect(summarizeCustomerColumns([{ customerId: 'a', date: '2024-01-01', amount: 5 }]).activity).toBeNull();
  });
});

describe('summarizeCustomerColumns activity at the double limit', () => {
  it('keeps the spend trend right when the day sums overflow', () => {
    // early day 2 x 1.7e308, late day 1.7e308 + 0.85e308: in units of 2^1000 the trend is (2.55 - 3.4) / 5.95
    const rows: TransactionInput[] = [
      { customerId: 'o', date: '2024-01-01', amount: 1.7e308 },
      { customerId: 'o', date: '2024-01-01', amount: 1.7e308 },
      { customerId: 'o', date: '2024-01-05', amount: 1.7e308 },
      { customerId: 'o', date: '2024-01-05', amount: 0.85e308 },
    ];
    // The revenue total itself overflows: an error naming the customer and field (issue 11), not Infinity.
    expect(() => summarizeCustomerColumns(rows, { asOf: '2024-01-05', activity: true })).toThrow(/position 0 .*overflows/);
    const trend = deriveBehaviourSignals(rows, { asOf: '2024-01-05' }).customers[0]!.behaviour.spendTrend;
    expect(Math.abs(trend! - (2.55 - 3.4) / 5.95)).toBeLessThanOrEqual(1e-12);
  });
});
