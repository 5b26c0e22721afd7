import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeCustomers, type CustomerSummary, type TransactionInput } from '../../src/index.js';

const units = ['day', 'week', 'month', 'year'] as const;

/** Arbitrary valid rows: a few customers, dates in 2020-2023, amounts with returns and costs. */
const rowArb = (ids: fc.Arbitrary<string | number>): fc.Arbitrary<TransactionInput> =>
  fc.record(
    {
      customerId: ids,
      date: fc.integer({ min: 18262, max: 19722 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
      amount: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: -500, max: 0, noNaN: true })),
      cost: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
      orderId: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    },
    { requiredKeys: ['customerId', 'date', 'amount'] },
  );
const rowsArb = fc.array(rowArb(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom('a', 'b', 'Z'))), { maxLength: 60 });
const optionsArb = fc.record({
  timeUnit: fc.constantFrom(...units),
  periods: fc.constantFrom('exact' as const, 'calendar' as const),
  asOf: fc.constantFrom('2023-12-31', '2022-06-15', '2024-02-29'),
  // Random order ids are shared by customers and days: the lenient policy keeps those rows (issue 11).
  parse: fc.constant({ orderIds: 'lenient' as const }),
});

function allFinite(s: CustomerSummary): boolean {
  const nums = [s.revenue, s.rfm.recency, s.rfm.frequency, s.rfm.monetary, s.btyd.frequency, s.btyd.recency, s.btyd.T, s.btyd.monetaryValue];
  if (s.cost !== null) nums.push(s.cost, s.profit!);
  return nums.every(Number.isFinite);
}

describe('summarizeCustomers properties', () => {
  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, fc.integer(), (rows, options, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0]!;
        const a = summarizeCustomers(rows, options);
        const b = summarizeCustomers(shuffled, options);
        // Sums of floating-point amounts may differ in the last bits with the order of addition.
        expect(b.customers.length).toBe(a.customers.length);
        b.customers.forEach((c, i) => {
          const d = a.customers[i]!;
          expect(c.customerId).toBe(d.customerId);
          expect([c.firstPurchase, c.lastPurchase, c.rfm.frequency, c.rfm.recency, c.btyd.frequency, c.btyd.recency, c.btyd.T]).toEqual([
            d.firstPurchase, d.lastPurchase, d.rfm.frequency, d.rfm.recency, d.btyd.frequency, d.btyd.recency, d.btyd.T,
          ]);
          expect(c.revenue).toBeCloseTo(d.revenue, 6);
          expect(c.btyd.monetaryValue).toBeCloseTo(d.btyd.monetaryValue, 6);
        });
        expect(b.excluded).toEqual(a.excluded);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same rows for two disjoint customer sets summarised apart or together', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb(fc.integer({ min: 1, max: 10 })), { maxLength: 40 }),
        fc.array(rowArb(fc.constantFrom('x', 'y', 'z')), { maxLength: 40 }),
        optionsArb,
        (left, right, options) => {
          const together = summarizeCustomers([...left, ...right], options).customers;
          const apart = [...summarizeCustomers(left, options).customers, ...summarizeCustomers(right, options).customers];
          expect(together).toEqual(apart);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never produces NaN or Infinity, and keeps measures in range', () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, options) => {
        const withOrders = new Set(rows.filter((r) => r.orderId !== undefined).map((r) => r.customerId));
        for (const s of summarizeCustomers(rows, options).customers) {
          expect(allFinite(s)).toBe(true);
          expect(s.btyd.frequency).toBeGreaterThanOrEqual(0);
          expect(s.btyd.recency).toBeGreaterThanOrEqual(0);
          expect(s.btyd.T).toBeGreaterThanOrEqual(s.btyd.recency);
          expect(s.rfm.recency).toBeGreaterThanOrEqual(0);
          // Without order ids every purchase row counts, so there are at least as many purchases
          // as purchase periods; one order may span several days.
          if (!withOrders.has(s.customerId)) expect(s.rfm.frequency).toBeGreaterThanOrEqual(s.btyd.frequency + 1);
          else expect(s.rfm.frequency).toBeGreaterThanOrEqual(1);
          expect(s.firstPurchase <= s.lastPurchase).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives equal outputs for equal inputs, and does not mutate them', () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, options) => {
        const copy = structuredClone(rows);
        expect(summarizeCustomers(rows, options)).toEqual(summarizeCustomers(copy, options));
        expect(rows).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});
