import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOrderedColumns } from '../../src/summary/dayOrderedColumns.js';
import { scanActivity, SCAN_BLOCKING, type ScanBlocking } from '../../src/summary/scanActivity.js';
import { parseTransactions } from '../../src/transactions/parseTransactions.js';
import type { TransactionInput } from '../../src/transactions/types.js';

// The blocked scan (rows partitioned by block of customers, a chunk at a time) must give the very
// same records as one plain day-ordered pass: every customer sees her rows in the same order.
const PLAIN: ScanBlocking = { ...SCAN_BLOCKING, minCustomers: Number.MAX_SAFE_INTEGER };

const rowArb = fc.record(
  {
    customerId: fc.integer({ min: 1, max: 40 }),
    date: fc.integer({ min: 18262, max: 18400 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    amount: fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: -50, max: 0, noNaN: true })),
    cost: fc.option(fc.double({ min: 0, max: 1e3, noNaN: true }), { nil: undefined }),
    orderId: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
    promo: fc.option(fc.boolean(), { nil: undefined }),
    discount: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }),
  },
  { requiredKeys: ['customerId', 'date', 'amount'] },
);

function records(rows: TransactionInput[], window: { fromDay: number; toDay: number; unit: 'day' | 'week' | 'month'; mode: 'exact' | 'calendar' }, blocking: ScanBlocking) {
  const table = parseTransactions(rows, { orderIds: 'lenient' }).table;
  const act = scanActivity(dayOrderedColumns(table, true), table.customerIds.length, table.orderIds.length, { ...window, withSignals: true }, blocking);
  return { state: Array.from(act.state), signals: Array.from(act.signals!), rest: [act.rowsAfter, act.customersOnlyAfter, act.customersWithoutPurchase] };
}

describe('scanActivity by blocks of customers', () => {
  it('gives the plain pass records bit for bit, whatever the block and chunk sizes', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        fc.constantFrom('exact' as const, 'calendar' as const),
        fc.constantFrom(-Infinity, 18300),
        (rows, blockShift, chunkRows, unit, mode, fromDay) => {
          const window = { fromDay, toDay: 18380, unit, mode };
          const blocked = records(rows, window, { blockShift, chunkRows, minCustomers: 0 });
          // toEqual tells -0 from 0 and compares NaN with NaN: the same bits for every double.
          expect(blocked).toEqual(records(rows, window, PLAIN));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is used from 32,768 customers on and gives the same summaries there', () => {
    // 40,000 customers over 30 days: above the threshold; compared with one plain pass.
    const rows: TransactionInput[] = [];
    for (let d = 0; d < 30; d++) {
      for (let k = 0; k < 4000; k++) {
        const c = (d % 10) + 10 * k;
        rows.push({ customerId: c, date: new Date((18262 + d) * 86_400_000).toISOString().slice(0, 10), amount: ((c * 31 + d) % 97) + 0.13 * k, promo: k % 3 === 0, discount: k % 5 });
      }
    }
    const window = { fromDay: -Infinity, toDay: 18300, unit: 'week' as const, mode: 'exact' as const };
    expect(SCAN_BLOCKING.minCustomers).toBe(32_768);
    expect(new Set(rows.map((r) => r.customerId)).size).toBeGreaterThan(32_768);
    expect(records(rows, window, { ...SCAN_BLOCKING, chunkRows: 10_000 })).toEqual(records(rows, window, PLAIN));
  });
});
