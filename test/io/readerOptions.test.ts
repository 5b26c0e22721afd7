// The reader's options: unknown keys rejected with the nearest valid name (issue 11, option
// typos), in the options object and in its columns; the row rules of every reader (dateRange,
// negativeCost, orderIds) forwarded, each refusal naming line, column and field.
import { describe, expect, it } from 'vitest';
import { TransactionTextReader, type TransactionTextOptions } from '../../src/index.js';
import { issueOf } from './readerHelpers.js';

function read(text: string, options: TransactionTextOptions = {}): ReturnType<TransactionTextReader['finish']> {
  const r = new TransactionTextReader(options);
  r.push(text);
  return r.finish();
}

describe('reader options', () => {
  it('rejects unknown keys with the nearest valid name, in the options and in columns', () => {
    const cases: [object, (string | number)[], string][] = [
      [{ dateformat: 'iso' }, ['options', 'dateformat'], 'unknown option dateformat: did you mean dateFormat?'],
      [{ oninvalid: 'collect' }, ['options', 'oninvalid'], 'unknown option oninvalid: did you mean onInvalid?'],
      [{ skipMising: ['customer'] }, ['options', 'skipMising'], 'unknown option skipMising: did you mean skipMissing?'],
      [{ timezone: 'UTC' }, ['options', 'timezone'], 'unknown option timezone: did you mean timeZone?'],
      [{ daterange: { from: '2000-01-01' } }, ['options', 'daterange'], 'unknown option daterange: did you mean dateRange?'],
      [{ column: { customer: 1 } }, ['options', 'column'], 'unknown option column: did you mean columns?'],
      [{ columns: { custmer: 'id' } }, ['columns', 'custmer'], 'unknown field custmer: did you mean customer?'],
      [{ columns: { amount: 'total', qty: 'q' } }, ['columns', 'qty'], 'unknown field qty: expected one of customer, date, amount, price, quantity, refunded, cost, order, promo, discount'],
    ];
    for (const [options, path, message] of cases) {
      const issue = issueOf(() => new TransactionTextReader(options as TransactionTextOptions));
      expect([issue.code, issue.path, issue.message]).toEqual(['unknown_option', path, message]);
    }
    expect(issueOf(() => new TransactionTextReader('iso' as unknown as TransactionTextOptions)).path).toEqual(['options', 'options']);
    // Every documented key is accepted.
    const all: Required<TransactionTextOptions> = {
      delimiter: ',', header: true, columns: { customer: 1, date: 2, amount: 3 }, dateFormat: 'iso', timeZone: 'UTC', ids: 'string', decimal: 'point', encoding: 'utf-8',
      skipMissing: [], cancelledPrefix: 'C', onInvalid: 'collect', returns: 'net', revealValues: false, dateRange: { from: '2000-01-01' }, negativeCost: 'allow', orderIds: 'lenient',
    };
    expect(read('customer,date,amount,order\nA,2024-01-02,3,o1\n', { ...all, columns: { customer: 1, date: 2, amount: 3, order: 4 } }).table.length).toBe(1);
  });

  it('forwards the row rules: a date out of range, a negative cost, an order id of two customers, naming line and column', () => {
    const text = 'customer,date,amount,cost,order\nA,2024-01-02,3,1,o1\nB,1899-12-31,3,1,o2\nC,2024-01-03,3,-1,o3\nD,2024-01-04,3,1,o1\n';
    const r = read(text, { onInvalid: 'collect' });
    expect(r.table.customerIds).toEqual(['A']);
    expect(r.rejected.map((x) => [x.line, x.issues[0].code, x.issues[0].path, x.issues[0].line, x.issues[0].column])).toEqual([
      [3, 'date_out_of_range', [1, 'date'], 3, 2],
      [4, 'negative_cost', [2, 'cost'], 4, 4],
      [5, 'order_id_conflict', [3, 'order'], 5, 5],
    ]);
    expect(r.rejected[2]!.issues[0].message).toContain('line 2');
    const relaxed = read(text, { dateRange: { from: '1800-01-01' }, negativeCost: 'allow', orderIds: 'lenient' });
    expect(relaxed.table.customerIds).toEqual(['A', 'B', 'C', 'D']);
    expect(issueOf(() => read(text)).code).toBe('date_out_of_range');
  });

  it('leaves no customer behind for a refused row, numeric ids and long ids too', () => {
    const text = 'customer,date,amount\n42,2024-01-02,3\n43,1800-01-01,3\nlong-customer-id,1800-01-01,3\n44,2024-01-03,3\nlong-customer-id,2024-01-04,1\n43,2024-01-05,2\n';
    const r = read(text, { onInvalid: 'collect' });
    expect(r.table.customerIds).toEqual([42, 44, 'long-customer-id', 43]);
    expect(Array.from(r.table.customer)).toEqual([0, 1, 2, 3]);
  });
});
