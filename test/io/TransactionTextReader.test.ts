import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, isoFromDay, parseTransactions, TransactionTextReader, type TransactionTextOptions } from '../../src/index.js';

function read(text: string, options: TransactionTextOptions = {}, chunk = 7): ReturnType<TransactionTextReader['finish']> {
  const r = new TransactionTextReader(options);
  for (let i = 0; i < text.length; i += chunk) r.push(text.slice(i, i + chunk));
  return r.finish();
}

describe('TransactionTextReader', () => {
  it('reads CSV with a header, mapping columns by conventional names', () => {
    const { table, header } = read('date,customer_id,value,cost\r\n2024-01-02,7,10.5,4\r\n2024-01-03,x,2,\r\n');
    expect(header).toBe(true);
    expect(table.customerIds).toEqual([7, 'x']);
    expect(Array.from(table.amount)).toEqual([10.5, 2]);
    expect(Array.from(table.cost!)).toEqual([4, NaN]);
  });

  it('reads whitespace-separated files without header by position (CDNOW layout)', () => {
    const text = ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n';
    const { table, header } = read(text, { columns: { customer: 2, date: 3, amount: 5, quantity: 4 }, dateFormat: 'yyyyMMdd' });
    expect(header).toBe(false);
    expect(table.customerIds).toEqual([1]);
    expect(Array.from(table.day).map(isoFromDay)).toEqual(['1997-01-01', '1997-01-18']);
    expect(Array.from(table.quantity!)).toEqual([2, 2]);
  });

  it('reads TSV and quoted CSV fields', () => {
    expect(read('customer\tdate\tamount\nA\t2024-01-01\t3\n').table.customerIds).toEqual(['A']);
    const q = read('customer,date,amount\n"Smith, J.",2024-01-01,"1"\n"say ""hi""",2024-01-02,2\n');
    expect(q.table.customerIds).toEqual(['Smith, J.', 'say "hi"']);
  });

  it('gives the same table whatever the chunking (property)', () => {
    const text = 'customer,date,amount,promo\n1,2024-01-01,5,yes\n2,2024-01-02,6,no\n1,2024-01-05,-1,\n3,2024-02-01,7,1';
    const whole = read(text, {}, text.length);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (size) => {
        expect(read(text, {}, size)).toEqual(whole);
      }),
    );
    expect(Array.from(whole.table.promo!)).toEqual([1, 0, 255, 1]);
  });

  it('agrees with parseTransactions on the same records', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-01', amount: 5, cost: 2 },
      { customerId: 'b', date: '2024-01-03', amount: 1.25, cost: 1 },
    ];
    const text = 'customer,date,amount,cost\n' + rows.map((r) => `${r.customerId},${r.date},${r.amount},${r.cost}`).join('\n');
    expect(read(text).table).toEqual(parseTransactions(rows).table);
  });

  it('names the line and column of every bad value', () => {
    const text = 'customer,date,amount\nA,2024-01-01,5\n,2024-13-01,abc\nB,2024-01-02,\n';
    let error: unknown;
    try {
      read(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toBe('line 3, column 1 (customer): missing (expected a customer id) (and 3 more issues)');
    expect((error as InvalidInputError).issues.map(({ code, path, line, column }) => ({ code, path, line, column }))).toEqual([
      { code: 'missing_field', path: [1, 'customer'], line: 3, column: 1 },
      { code: 'invalid_date', path: [1, 'date'], line: 3, column: 2 },
      { code: 'not_finite', path: [1, 'amount'], line: 3, column: 3 },
      { code: 'missing_field', path: [2, 'amount'], line: 4, column: 3 },
    ]);
    const collected = read(text, { onInvalid: 'collect' });
    expect(collected.table.length).toBe(1);
    expect(collected.rejected.map((r) => r.line)).toEqual([3, 4]);
  });

  it('applies the returns policy', () => {
    const text = 'customer,date,amount\nA,2024-01-01,5\nA,2024-01-02,-5\n';
    expect(read(text, { returns: 'drop' }).returnsDropped).toBe(1);
    expect(() => read(text, { returns: 'reject' })).toThrow("line 3, column 3 (amount): a return (negative amount) where returns: 'reject'");
  });

  it('fails clearly on unknown column names', () => {
    expect(() => read('customer,date,b\n1,2,3\n', { columns: { amount: 'price' }, revealValues: true })).toThrow('options, amount: no column named "price" (columns: customer, date, b)');
    expect(() => read('who,when,amount\n1,2024-01-01,3\n', { revealValues: true })).toThrow('options, customer: no customer column found among who, when, amount');
    // without revealValues a first line that may be a data row is not echoed: known names only
    expect(() => read('customer,date,b\n1,2,3\n', { columns: { amount: 'price' } })).toThrow('options, amount: no column named "price" (columns: the 3 columns of the header, of which customer, date known;');
    expect(() => read('who,when,amount\n1,2024-01-01,3\n')).toThrow('options, customer: no customer column found among the 3 columns of the header, of which amount known;');
  });

  it('gives the same table when the caller refills one buffer for every push (ids are taken before push returns)', () => {
    const lines = ['customer,date,amount'];
    for (let i = 0; i < 3000; i++) lines.push(`C${String((i * 7919) % 613).padStart(5, '0')},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 50}.25`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const whole = new TransactionTextReader({});
    whole.push(bytes);
    const want = whole.finish().table;
    const reader = new TransactionTextReader({});
    const buffer = new Uint8Array(4093);
    for (let at = 0; at < bytes.length; at += buffer.length) {
      const n = Math.min(buffer.length, bytes.length - at);
      buffer.set(bytes.subarray(at, at + n));
      reader.push(buffer.subarray(0, n));
      buffer.fill(0x41);
    }
    const got = reader.finish().table;
    expect(got.customerIds).toEqual(want.customerIds);
    expect(Array.from(got.customer)).toEqual(Array.from(want.customer));
    expect(got.customerIds.length).toBe(613);
  });

  it('keeps ids as written with ids: string, and merges zero-padded ids by default', () => {
    const text = 'customer,date,amount\n0042,2024-01-01,1\n42,2024-01-02,1\n';
    expect(read(text).table.customerIds).toEqual([42]);
    expect(read(text, { ids: 'string' }).table.customerIds).toEqual(['0042', '42']);
  });
});
