import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransactionTableBuilder } from '../../src/index.js';

// The builder keeps its rows in blocks that are never copied while rows are appended
// (TableColumns); the table it gives must be the one appending to flat columns gives: every
// column value for value, optional columns null when no row carried them, absent values NaN,
// -1 (order) and 255 (promo), whichever block first carried a column.

interface Row {
  customer: number;
  day: number;
  amount: number;
  cost: number;
  quantity: number;
  order: string | null;
  promo: number;
  discount: number;
}

const maybe = (v: fc.Arbitrary<number>): fc.Arbitrary<number> => fc.oneof({ weight: 3, arbitrary: fc.constant(Number.NaN) }, { weight: 1, arbitrary: v });
const rowArb: fc.Arbitrary<Row> = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 18000, max: 18010 }),
  amount: fc.double({ min: 0, max: 100, noNaN: true }),
  cost: maybe(fc.double({ min: 0, max: 50, noNaN: true })),
  quantity: maybe(fc.integer({ min: 0, max: 9 })),
  order: fc.option(fc.constant(null), { nil: null }),
  promo: fc.constantFrom(0, 1, 255, 255),
  discount: maybe(fc.double({ min: 0, max: 5, noNaN: true })),
});

/** The columns flat arrays would hold: optional ones null when every value is absent. */
function expected(rows: readonly Row[]) {
  const opt = (pick: (r: Row) => number, absent: number, make: (v: number[]) => Float64Array | Uint8Array | Int32Array) => {
    const v = rows.map(pick);
    return v.every((x) => Object.is(x, absent)) ? null : make(v);
  };
  return {
    customer: Int32Array.from(rows.map((r) => r.customer)),
    day: Int32Array.from(rows.map((r) => r.day)),
    amount: Float64Array.from(rows.map((r) => r.amount)),
    cost: opt((r) => r.cost, Number.NaN, (v) => Float64Array.from(v)),
    quantity: opt((r) => r.quantity, Number.NaN, (v) => Float64Array.from(v)),
    discount: opt((r) => r.discount, Number.NaN, (v) => Float64Array.from(v)),
    promo: opt((r) => r.promo, 255, (v) => Uint8Array.from(v)),
  };
}

describe('TransactionTableBuilder columns in blocks', () => {
  it('give the flat columns, whatever block first carries an optional column (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (rows, capacity) => {
        const builder = new TransactionTableBuilder({ initialCapacity: capacity });
        for (const r of rows) builder.append(`c${r.customer}`, r.day, r.amount, r.cost, r.quantity, r.order, r.promo, r.discount);
        const table = builder.finish();
        const want = expected(rows);
        expect(table.length).toBe(rows.length);
        expect(Array.from(table.customer)).toEqual(rows.map((r) => table.customerIds.indexOf(`c${r.customer}`)));
        expect(table.day).toEqual(want.day);
        expect(table.amount).toEqual(want.amount);
        expect(table.cost).toEqual(want.cost);
        expect(table.quantity).toEqual(want.quantity);
        expect(table.discount).toEqual(want.discount);
        expect(table.promo).toEqual(want.promo);
        expect(table.order).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('keep order ids across blocks, -1 where a row has none', () => {
    const builder = new TransactionTableBuilder({ initialCapacity: 16 });
    for (let i = 0; i < 100; i++) builder.append('a', 19000 + i, 1, Number.NaN, Number.NaN, i >= 40 && i % 3 === 0 ? `o${i}` : null);
    const table = builder.finish();
    const order = Array.from(table.order!);
    expect(order.slice(0, 40).every((o) => o === -1)).toBe(true);
    expect(order.slice(40).map((o, k) => (o < 0 ? null : table.orderIds[o]))).toEqual(Array.from({ length: 60 }, (_, k) => ((k + 40) % 3 === 0 ? `o${k + 40}` : null)));
  });

  it('re-dates a row in any block (setDay)', () => {
    const builder = new TransactionTableBuilder({ initialCapacity: 16 });
    for (let i = 0; i < 100; i++) builder.append('a', 19000, 1);
    for (const i of [0, 15, 16, 31, 32, 63, 64, 99]) builder.setDay(i, 20000 + i);
    const day = Array.from(builder.finish().day);
    expect(day.filter((d) => d !== 19000)).toEqual([0, 15, 16, 31, 32, 63, 64, 99].map((i) => 20000 + i));
    expect(day[15]).toBe(20015);
    expect(day[64]).toBe(20064);
  });
});
