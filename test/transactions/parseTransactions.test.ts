import { describe, expect, it } from 'vitest';
import { InvalidInputError, isoFromDay, parseTransactions, type TransactionInput } from '../../src/index.js';

const ok: TransactionInput = { customerId: 'a', date: '2024-01-05', amount: 10 };

function issuesOf(rows: unknown[], options = {}): { row: number; path: readonly (string | number)[]; code: string; message: string }[] {
  const { rejected } = parseTransactions(rows as TransactionInput[], { ...options, onInvalid: 'collect' });
  return rejected.flatMap((r) => r.issues.map((i) => ({ row: r.row, ...i })));
}

describe('parseTransactions', () => {
  it('stores rows by column with interned ids and epoch days', () => {
    const { table, rejected } = parseTransactions([
      { customerId: 'a', date: '2024-01-05', amount: 10, cost: 4, quantity: 2, promo: true, discount: 1, orderId: 'o1' },
      { customerId: 7, date: new Date(Date.UTC(2024, 0, 6, 23, 59)), amount: 5 },
      { customerId: 'a', date: Date.UTC(2024, 0, 7), amount: -2 },
    ]);
    expect(rejected).toEqual([]);
    expect(table.customerIds).toEqual(['a', 7]);
    expect(Array.from(table.customer)).toEqual([0, 1, 0]);
    expect(Array.from(table.day).map(isoFromDay)).toEqual(['2024-01-05', '2024-01-06', '2024-01-07']);
    expect(Array.from(table.amount)).toEqual([10, 5, -2]);
    expect(Array.from(table.cost!)).toEqual([4, NaN, NaN]);
    expect(Array.from(table.quantity!)).toEqual([2, NaN, NaN]);
    expect(Array.from(table.promo!)).toEqual([1, 255, 255]);
    expect(Array.from(table.discount!)).toEqual([1, NaN, NaN]);
    expect(Array.from(table.order!)).toEqual([0, -1, -1]);
    expect(table.orderIds).toEqual(['o1']);
  });

  it('leaves optional columns null when no row has them', () => {
    const { table } = parseTransactions([ok]);
    expect([table.cost, table.quantity, table.order, table.promo, table.discount]).toEqual([null, null, null, null, null]);
  });

  it('accepts an empty input', () => {
    const { table } = parseTransactions([]);
    expect(table.length).toBe(0);
    expect(table.customerIds).toEqual([]);
  });

  it('does not mutate its input', () => {
    const rows = [{ ...ok }, { customerId: 'b', date: '2024-01-06', amount: 3 }];
    const copy = structuredClone(rows);
    parseTransactions(rows);
    expect(rows).toEqual(copy);
  });

  it('throws a typed error naming the first row and field, carrying every issue', () => {
    const rows = [ok, { customerId: 'b', date: '2024-02-30', amount: 1 }, { customerId: '', date: '2024-01-01', amount: Infinity }];
    let error: unknown;
    try {
      parseTransactions(rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const e = error as InvalidInputError;
    expect(e.message).toBe('row 1, date: not a valid date (expected yyyy-MM-dd) (and 2 more issues)');
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [[1, 'date'], 'invalid_date'],
      [[2, 'customerId'], 'missing_field'],
      [[2, 'amount'], 'not_finite'],
    ]);
  });

  it.each([
    [{ date: '2024-01-01', amount: 1 }, 'customerId', 'missing_field', 'missing (expected a non-empty string or a finite number)'],
    [{ customerId: null, date: '2024-01-01', amount: 1 }, 'customerId', 'missing_field', 'missing (expected a non-empty string or a finite number)'],
    [{ customerId: NaN, date: '2024-01-01', amount: 1 }, 'customerId', 'not_finite', 'not a finite number (expected a non-empty string or a finite number)'],
    [{ customerId: 'a', amount: 1 }, 'date', 'missing_field', 'missing (expected a Date, epoch milliseconds or a date string (yyyy-MM-dd))'],
    [{ customerId: 'a', date: 'yesterday', amount: 1 }, 'date', 'invalid_date', 'not a valid date (expected yyyy-MM-dd)'],
    [{ customerId: 'a', date: '2023-02-29', amount: 1 }, 'date', 'invalid_date', 'not a valid date (expected yyyy-MM-dd)'],
    [{ customerId: 'a', date: new Date(NaN), amount: 1 }, 'date', 'invalid_date', 'not a valid date (expected a Date, epoch milliseconds or a date string (yyyy-MM-dd))'],
    [{ customerId: 'a', date: '2024-01-01', amount: '12' }, 'amount', 'invalid_type', 'a string (expected a finite number)'],
    [{ customerId: 'a', date: '2024-01-01', amount: NaN }, 'amount', 'not_finite', 'not a finite number (expected a finite number)'],
    [{ customerId: 'a', date: '2024-01-01', amount: 1, cost: -Infinity }, 'cost', 'not_finite', 'not a finite number (expected a finite number or nothing)'],
    [{ customerId: 'a', date: '2024-01-01', amount: 1, discount: -1 }, 'discount', 'out_of_range', 'negative (expected a finite number >= 0 or nothing)'],
    [{ customerId: 'a', date: '2024-01-01', amount: 1, promo: 'yes' }, 'promo', 'invalid_type', 'a string (expected true, false or nothing)'],
  ])('rejects %j at field %s', (row, field, code, message) => {
    expect(issuesOf([row])).toEqual([{ row: 0, path: [0, field], code, message }]);
  });

  it('rejects rows that are not objects', () => {
    expect(issuesOf([null, 3])).toEqual([
      { row: 0, path: [0], code: 'not_an_object', message: 'not an object (expected { customerId, date, amount, ... })' },
      { row: 1, path: [1], code: 'not_an_object', message: 'not an object (expected { customerId, date, amount, ... })' },
    ]);
  });

  it('keeps raw values out of messages unless asked', () => {
    const row = { customerId: 'secret-42', date: 'not-a-date', amount: 1 };
    expect(issuesOf([row])[0]!.message).not.toContain('not-a-date');
    expect(issuesOf([row], { revealValues: true })[0]!.message).toBe('not a valid date (expected yyyy-MM-dd) (got "not-a-date")');
  });

  it('collects invalid rows and goes on with the valid ones', () => {
    const { table, rejected } = parseTransactions([ok, { customerId: 'b', date: 'x', amount: 1 }, ok], { onInvalid: 'collect' });
    expect(table.length).toBe(2);
    expect(rejected.map((r) => r.row)).toEqual([1]);
  });

  it('reads declared date formats, strings and digits', () => {
    const { table } = parseTransactions(
      [
        { customerId: 1, date: '19970101', amount: 1 },
        { customerId: 1, date: 19970102, amount: 1 },
      ],
      { dateFormat: 'yyyyMMdd' },
    );
    expect(Array.from(table.day).map(isoFromDay)).toEqual(['1997-01-01', '1997-01-02']);
    expect(issuesOf([{ customerId: 1, date: '1997-01-01', amount: 1 }], { dateFormat: 'yyyyMMdd' })[0]!.message).toBe(
      'not a valid date (expected yyyyMMdd)',
    );
    const slash = parseTransactions([{ customerId: 1, date: '3 Feb 2024', amount: 1 }], { dateFormat: 'd MMM yyyy' }).table;
    expect(isoFromDay(slash.day[0]!)).toBe('2024-02-03');
  });

  it('takes the calendar date as written in ISO strings with a time and offset', () => {
    const { table } = parseTransactions([{ customerId: 1, date: '2024-03-01T23:30:00-05:00', amount: 1 }]);
    expect(isoFromDay(table.day[0]!)).toBe('2024-03-01');
  });

  describe('returns policy', () => {
    const rows: TransactionInput[] = [ok, { customerId: 'a', date: '2024-01-06', amount: -4 }];
    it("nets returns by default ('net')", () => {
      expect(Array.from(parseTransactions(rows).table.amount)).toEqual([10, -4]);
    });
    it("drops them with 'drop', counting them", () => {
      const r = parseTransactions(rows, { returns: 'drop' });
      expect(r.table.length).toBe(1);
      expect(r.returnsDropped).toBe(1);
    });
    it("rejects them with 'reject'", () => {
      expect(() => parseTransactions(rows, { returns: 'reject' })).toThrow(
        "row 1, amount: a return (negative amount) where returns: 'reject' (expected an amount >= 0)",
      );
    });
  });

  it('rejects bad options by name', () => {
    expect(() => parseTransactions([ok], { returns: 'keep' as never })).toThrow("options, returns: expected 'net', 'drop' or 'reject'");
    expect(() => parseTransactions([ok], { onInvalid: 'ignore' as never })).toThrow('options, onInvalid');
    expect(() => parseTransactions('rows' as never)).toThrow('rows: expected an array of transaction objects');
  });
});
