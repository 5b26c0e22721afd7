import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatPurchaseDays } from '../../../src/models/evaluation/repeatPurchaseDays.js';
import type { TransactionTable } from '../../../src/transactions/types.js';

// The reference: rows sorted by (customer, day) with a comparison sort, then each customer's
// first day and her later distinct days, in that order.
function reference(table: TransactionTable) {
  const order = Array.from({ length: table.length }, (_, i) => i).sort((a, b) => table.customer[a]! - table.customer[b]! || table.day[a]! - table.day[b]!);
  const first = new Int32Array(table.customerIds.length);
  const repeat: number[] = [];
  let last = -1;
  let lastDay = 0;
  for (const i of order) {
    const c = table.customer[i]!;
    const d = table.day[i]!;
    if (c !== last) [first[c], last, lastDay] = [d, c, d];
    else if (d !== lastDay) repeat.push((lastDay = d));
  }
  return { firstPurchaseDay: first, repeatDays: Int32Array.from(repeat) };
}

function tableOf(rows: { c: number; d: number }[], customers: number): TransactionTable {
  return {
    length: rows.length,
    customerIds: Array.from({ length: customers }, (_, i) => i),
    customer: Int32Array.from(rows, (r) => r.c),
    day: Int32Array.from(rows, (r) => r.d),
    amount: new Float64Array(rows.length).fill(1),
    cost: null,
    quantity: null,
    order: null,
    orderIds: [],
    promo: null,
    discount: null,
  };
}

describe('repeatPurchaseDays', () => {
  it('equals the comparison-sort reference, in the same order, for any row order and day range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(40, 5_000_000),
        fc.array(fc.record({ c: fc.nat(), d: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 200 }),
        (customers, range, raw) => {
          const rows = raw.map((r) => ({ c: r.c % customers, d: 18_000 + (r.d % range) }));
          const table = tableOf(rows, customers);
          expect(repeatPurchaseDays(table)).toEqual(reference(table));
        },
      ),
      { numRuns: 300 },
    );
  });
});
