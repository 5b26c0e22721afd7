import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedSummary } from '../../src/summary/chunkedSummary.js';
import { summarizeCustomerColumns } from '../../src/summary/summarizeCustomers.js';
import { TransactionTableBuilder } from '../../src/transactions/TransactionTableBuilder.js';
import type { TransactionTable } from '../../src/transactions/types.js';

// The chunked summary (two passes over chunks of rows, state per customer only) must give the
// very summaries of summarizeCustomerColumns on the whole table, bit for bit, whenever each
// customer's rows are in day order, however customers interleave and however the rows are cut.

interface Row {
  readonly customerId: number | string;
  readonly day: number;
  readonly amount: number;
  readonly cost: number;
  readonly orderId: number | null;
  readonly promo: number;
  readonly discount: number;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  customerId: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom('a', 'b', 'z9')),
  day: fc.integer({ min: 18262, max: 18420 }),
  amount: fc.oneof({ arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }), weight: 8 }, { arbitrary: fc.double({ min: -50, max: 0, noNaN: true }), weight: 2 }, { arbitrary: fc.constant(1e308), weight: 1 }),
  cost: fc.oneof(fc.constant(Number.NaN), fc.double({ min: 0, max: 1e3, noNaN: true })),
  orderId: fc.option(fc.integer({ min: 1, max: 25 }), { nil: null }),
  promo: fc.constantFrom(0, 1, 255),
  discount: fc.oneof(fc.constant(Number.NaN), fc.double({ min: 0, max: 20, noNaN: true })),
});

/** The rows with each customer's own rows put in day order (stably), in the slots she held. */
function dayOrderedPerCustomer(rows: readonly Row[]): Row[] {
  const byCustomer = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${typeof r.customerId}:${r.customerId}`;
    let list = byCustomer.get(k);
    if (list === undefined) byCustomer.set(k, (list = []));
    list.push(r);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => a.day - b.day);
  const next = new Map<string, number>();
  return rows.map((r) => {
    const k = `${typeof r.customerId}:${r.customerId}`;
    const i = next.get(k) ?? 0;
    next.set(k, i + 1);
    return byCustomer.get(k)![i]!;
  });
}

function builder(): TransactionTableBuilder {
  return new TransactionTableBuilder({ orderIds: 'lenient' });
}

function append(b: TransactionTableBuilder, r: Row): void {
  b.append(r.customerId, r.day, r.amount, r.cost, Number.NaN, r.orderId, r.promo, r.discount);
}

/** The rows cut into chunks after the given positions (a builder's takeRows), the tail from finish. */
function chunks(rows: readonly Row[], cuts: ReadonlySet<number>): { chunks: TransactionTable[]; ids: TransactionTable['customerIds'] } {
  const b = builder();
  const out: TransactionTable[] = [];
  rows.forEach((r, i) => {
    append(b, r);
    if (cuts.has(i)) out.push(b.takeRows());
  });
  const tail = b.finish();
  out.push(tail);
  return { chunks: out, ids: tail.customerIds };
}

type Options = ConstructorParameters<typeof ChunkedSummary>[0] & object;

function chunked(rows: readonly Row[], cuts1: ReadonlySet<number>, cuts2: ReadonlySet<number>, options: Options) {
  const s = new ChunkedSummary(options);
  for (const c of chunks(rows, cuts1).chunks) if (!s.count(c)) return null;
  const second = chunks(rows, cuts2);
  for (const c of second.chunks) s.scan(c);
  return s.finish(second.ids);
}

function whole(rows: readonly Row[], options: Options) {
  const b = builder();
  for (const r of rows) append(b, r);
  return summarizeCustomerColumns(b.finish(), options);
}

function outcome<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: String(e) };
  }
}

const cutsArb = fc.uniqueArray(fc.integer({ min: 0, max: 150 })).map((a) => new Set(a));

describe('ChunkedSummary', () => {
  it('equals summarizeCustomerColumns bit for bit on rows in day order per customer, for any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 150 }),
        cutsArb,
        cutsArb,
        fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const),
        fc.constantFrom('exact' as const, 'calendar' as const),
        fc.constantFrom(undefined, '2020-05-01', '2020-07-15'),
        fc.constantFrom('total' as const, 'mean' as const),
        (raw, cuts1, cuts2, timeUnit, periods, asOf, rfmMonetary) => {
          const rows = dayOrderedPerCustomer(raw);
          const options = { timeUnit, periods, activity: true, rfmMonetary, ...(asOf !== undefined ? { asOf } : {}) };
          // toEqual tells -0 from 0 and compares NaN with NaN: the same bits for every double.
          // Amounts near the double limit overflow a total: both then refuse with the same error.
          const want = outcome(() => whole(rows, options));
          expect(outcome(() => chunked(rows, cuts1, cuts2, options))).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a column that only later chunks carry as absent in the earlier ones (NaN cost, no order id)', () => {
    const rows: Row[] = [
      { customerId: 1, day: 18300, amount: 10, cost: Number.NaN, orderId: null, promo: 255, discount: Number.NaN },
      { customerId: 2, day: 18301, amount: 5, cost: Number.NaN, orderId: null, promo: 255, discount: Number.NaN },
      { customerId: 2, day: 18305, amount: 7, cost: 3, orderId: 9, promo: 1, discount: 2 },
      { customerId: 1, day: 18306, amount: 4, cost: 1, orderId: 9, promo: 0, discount: 1 },
    ];
    const options = { timeUnit: 'day' as const, activity: true };
    const got = chunked(rows, new Set([1]), new Set([0, 1]), options)!;
    expect(got).toEqual(whole(rows, options));
    expect(Array.from(got.columns.cost!)).toEqual([Number.NaN, Number.NaN]);
    expect(Array.from(got.activity!.promoShare!)).toEqual([0, 1]);
  });

  it('counts rows after asOf and customers seen only after it, as the table scan does', () => {
    const rows: Row[] = [
      { customerId: 'x', day: 18300, amount: 10, cost: Number.NaN, orderId: null, promo: 255, discount: Number.NaN },
      { customerId: 'y', day: 18310, amount: 5, cost: Number.NaN, orderId: null, promo: 255, discount: Number.NaN },
      { customerId: 'x', day: 18311, amount: 5, cost: Number.NaN, orderId: null, promo: 255, discount: Number.NaN },
      { customerId: 'z', day: 18290, amount: -5, cost: Number.NaN, orderId: null, promo: 255, discount: Number.NaN },
    ];
    const got = chunked(rows, new Set([0]), new Set([2]), { asOf: '2020-02-10', timeUnit: 'day' })!;
    expect(got.excluded).toEqual({ rowsAfterAsOf: 2, customersOnlyAfterAsOf: 1, customersWithoutPurchase: 1 });
    expect(got.columns.customerIds).toEqual(['x']);
  });

  it('stops the first pass at the first row dated before an earlier row of its customer', () => {
    const s = new ChunkedSummary({ timeUnit: 'day' });
    const b = builder();
    b.append(1, 18300, 10);
    b.append(2, 18290, 10);
    expect(s.count(b.takeRows())).toBe(true);
    b.append(2, 18295, 1);
    b.append(1, 18299, 1);
    b.append(1, 18301, 1);
    expect(s.count(b.takeRows())).toBe(false);
    expect(s.outOfOrder).toBe(3);
    expect(s.count(b.finish())).toBe(false);
  });

  it('needs asOf when no row came, as summarizeCustomerColumns does', () => {
    const s = new ChunkedSummary({});
    expect(() => s.finish([])).toThrow(/asOf: needed when there are no transactions/);
    expect(new ChunkedSummary({ asOf: '2020-01-01' }).finish([]).columns.length).toBe(0);
  });
});
