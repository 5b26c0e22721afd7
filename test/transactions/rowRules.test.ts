import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrationAndHoldout,
  dayFromIso,
  InvalidInputError,
  parseTransactionBatches,
  parseTransactions,
  summarizeCustomers,
  TransactionTableBuilder,
  type InputIssue,
  type TransactionInput,
} from '../../src/index.js';
import { thrownIssues as issuesOf } from '../reliability/thrownIssues.js';

// Issue 11, "Input that must not pass": the rules every stored row meets (docs/input.md, "Rules
// every row meets"), through parseTransactions, parseTransactionBatches and the table builder.

async function issuesOfAsync(run: () => Promise<unknown>): Promise<readonly InputIssue[]> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues;
  }
  throw new Error('expected an InvalidInputError');
}

const ok = { customerId: 'c-ok', date: '2024-01-02', amount: 5 };
const row = (extra: Partial<TransactionInput>): TransactionInput => ({ customerId: 'c-secret-7', date: '2024-01-05', amount: 12.5, ...extra });

async function* batches<T>(...parts: T[][]): AsyncGenerator<T[]> {
  for (const p of parts) yield p;
}

describe('dates: accepted range 1900-01-01..2199-12-31 by default', () => {
  it.each([
    ['0000-01-01', '0000-01-01'],
    ['9999-12-31 (a placeholder that became the as-of date)', '9999-12-31'],
    ['1899-12-31', '1899-12-31'],
    ['2200-01-01', '2200-01-01'],
    ['epoch 1e20 ms (wrapped through Int32 to year 5,645,357)', 1e20],
    ['epoch -1e20 ms', -1e20],
    ['a Date in year 3000', new Date(Date.UTC(3000, 0, 1))],
  ] as const)('%s is an error naming row and field', (_what, date) => {
    const issues = issuesOf(() => parseTransactions([ok, row({ date })]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'date_out_of_range', path: [1, 'date'] });
    expect(issues[0]!.message).toContain('1900-01-01..2199-12-31');
  });

  it('the ends of the range are accepted', () => {
    const { table } = parseTransactions([row({ date: '1900-01-01' }), row({ date: '2199-12-31' }), row({ date: Date.UTC(1900, 0, 1) })]);
    expect(Array.from(table.day)).toEqual([dayFromIso('1900-01-01'), dayFromIso('2199-12-31'), dayFromIso('1900-01-01')]);
  });

  it('an impossible time of day is not a date', () => {
    const issues = issuesOf(() => parseTransactions([row({ date: '2024-03-01T25:61:99' })]));
    expect(issues[0]).toMatchObject({ code: 'invalid_date', path: [0, 'date'] });
  });

  it("under onInvalid: 'collect' the row is rejected and the others kept", () => {
    const r = parseTransactions([ok, row({ date: '9999-12-31' }), ok], { onInvalid: 'collect' });
    expect(r.table.length).toBe(2);
    expect(r.rejected.map((x) => [x.row, x.issues[0].code])).toEqual([[1, 'date_out_of_range']]);
    // The refused row's customer is not left behind without rows.
    expect(r.table.customerIds).toEqual(['c-ok']);
  });

  it('dateRange widens or narrows the range; either end may be left at its default', () => {
    expect(parseTransactions([row({ date: '1850-06-01' })], { dateRange: { from: '1800-01-01' } }).table.length).toBe(1);
    expect(parseTransactions([row({ date: '9999-12-31' })], { dateRange: { to: '9999-12-31' } }).table.length).toBe(1);
    const narrow = { dateRange: { from: new Date(Date.UTC(2024, 0, 1)), to: Date.UTC(2024, 11, 31) } };
    expect(issuesOf(() => parseTransactions([row({ date: '2023-12-31' })], narrow))[0]!.message).toContain('2024-01-01..2024-12-31');
  });

  it('a bad dateRange is an option error', () => {
    expect(issuesOf(() => parseTransactions([], { dateRange: { from: '2024-01-01', to: '2023-01-01' } }))[0]).toMatchObject({ code: 'invalid_option', path: ['options', 'dateRange'] });
    expect(issuesOf(() => parseTransactions([], { dateRange: { from: '0000-01-01' } }))[0]).toMatchObject({ path: ['options', 'dateRange.from'] });
    expect(issuesOf(() => parseTransactions([], { dateRange: '1900..2199' as never }))[0]).toMatchObject({ code: 'invalid_option', path: ['options', 'dateRange'] });
  });

  it('as-of and calibration dates outside the range are errors', () => {
    const rows = [row({}), row({ date: '2024-02-01' })];
    expect(issuesOf(() => summarizeCustomers(rows, { asOf: '9999-12-31' }))[0]).toMatchObject({ code: 'date_out_of_range', path: ['options', 'asOf'] });
    expect(issuesOf(() => summarizeCustomers(rows, { asOf: 1e20 }))[0]).toMatchObject({ code: 'date_out_of_range', path: ['options', 'asOf'] });
    expect(issuesOf(() => calibrationAndHoldout(rows, { calibrationEnd: '1800-01-01' }))[0]).toMatchObject({ code: 'date_out_of_range', path: ['options', 'calibrationEnd'] });
  });

  it('property: a row is kept exactly when its day lies in the range, whatever form the date takes', () => {
    const lo = dayFromIso('1900-01-01');
    const hi = dayFromIso('2199-12-31');
    fc.assert(
      fc.property(
        fc.integer({ min: -800_000, max: 800_000 }),
        fc.option(fc.record({ a: fc.integer({ min: -700_000, max: 700_000 }), b: fc.integer({ min: -700_000, max: 700_000 }) }), { nil: undefined }),
        fc.constantFrom('iso', 'ms', 'Date'),
        (day, custom, form) => {
          const [from, to] = custom === undefined ? [lo, hi] : [Math.min(custom.a, custom.b), Math.max(custom.a, custom.b)];
          const ms = day * 86_400_000;
          const iso = new Date(ms).toISOString().slice(0, 10);
          if (form === 'iso' && !/^\d{4}-/.test(iso)) return; // years outside 0000-9999 have no yyyy-MM-dd
          const date = form === 'iso' ? iso : form === 'ms' ? ms + 3_600_000 : new Date(ms);
          const options = custom === undefined ? {} : { dateRange: { from: new Date(from * 86_400_000), to: to * 86_400_000 } };
          const inOuter = (d: number): boolean => d >= dayFromIso('0001-01-01') && d <= dayFromIso('9999-12-31');
          if (!inOuter(from) || !inOuter(to)) return;
          const r = parseTransactions([row({ date })], { ...options, onInvalid: 'collect' });
          const inside = day >= from && day <= to;
          expect(r.table.length).toBe(inside ? 1 : 0);
          if (inside) expect(r.table.day[0]).toBe(day);
          else expect(r.rejected[0]!.issues[0]).toMatchObject({ code: 'date_out_of_range', path: [0, 'date'] });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('epoch milliseconds far outside any range never wrap into it', () => {
    for (const ms of [1e20, -1e20, 2 ** 53, 8.64e15, 2 ** 31 * 86_400_000 + 5 * 86_400_000]) {
      expect(issuesOf(() => parseTransactions([row({ date: ms })]))[0]).toMatchObject({ code: 'date_out_of_range', path: [0, 'date'] });
    }
  });

  it('values appear only under revealValues', () => {
    const hidden = issuesOf(() => parseTransactions([row({ date: '9999-12-31' })]))[0]!.message;
    expect(hidden).not.toContain('9999-12-31');
    const shown = issuesOf(() => parseTransactions([row({ date: '9999-12-31' })], { revealValues: true }))[0]!.message;
    expect(shown).toContain('(got 9999-12-31)');
  });
});

describe('cost and quantity', () => {
  it('a negative cost on a purchase is an error naming row and cost', () => {
    const issues = issuesOf(() => parseTransactions([ok, row({ cost: -2 })]));
    expect(issues[0]).toMatchObject({ code: 'negative_cost', path: [1, 'cost'] });
    expect(issues[0]!.message).toMatch(/profit would exceed its revenue/);
  });

  it("negativeCost: 'allow' keeps it, and profit then exceeds revenue", () => {
    const { table } = parseTransactions([row({ cost: -2 })], { negativeCost: 'allow' });
    expect(Array.from(table.cost!)).toEqual([-2]);
    const s = summarizeCustomers([row({ cost: -2 })], { parse: { negativeCost: 'allow' } }).customers[0]!;
    expect(s.profit).toBe(14.5);
    expect(s.profit!).toBeGreaterThan(s.revenue);
  });

  it('a return may carry a negative cost (the cost of the goods taken back)', () => {
    const { table } = parseTransactions([row({ cost: 6 }), row({ date: '2024-01-09', amount: -12.5, cost: -6 })]);
    expect(Array.from(table.cost!)).toEqual([6, -6]);
  });

  it('a negative quantity on a positive amount is an error naming row and quantity', () => {
    const issues = issuesOf(() => parseTransactions([row({ quantity: -3 })]));
    expect(issues[0]).toMatchObject({ code: 'negative_quantity', path: [0, 'quantity'] });
  });

  it('a negative quantity on a negative amount is a return, and on a zero amount passes', () => {
    const { table } = parseTransactions([row({ quantity: 2 }), row({ amount: -25, quantity: -2 }), row({ amount: 0, quantity: -1 })]);
    expect(Array.from(table.quantity!)).toEqual([2, -2, -1]);
    const dropped = parseTransactions([row({ quantity: 2 }), row({ amount: -25, quantity: -2 })], { returns: 'drop' });
    expect(dropped.returnsDropped).toBe(1);
  });

  it('a bad negativeCost value is an option error', () => {
    expect(issuesOf(() => parseTransactions([], { negativeCost: 'yes' as never }))[0]).toMatchObject({ code: 'invalid_option', path: ['options', 'negativeCost'] });
  });
});

describe('order ids', () => {
  const sharedByCustomers = [
    { customerId: 'c-secret-1', date: '2024-01-05', amount: 10, orderId: 'INV-77' },
    { customerId: 'c-secret-1', date: '2024-01-05', amount: 4, orderId: 'INV-77' },
    { customerId: 'c-secret-2', date: '2024-01-05', amount: 3, orderId: 'INV-77' },
  ];
  const onTwoDays = [
    { customerId: 'c-secret-1', date: '2024-01-05', amount: 10, orderId: 9 },
    { customerId: 'c-secret-1', date: '2024-01-06', amount: 4, orderId: 9 },
  ];

  it('one order id used by two customers is an error naming both rows and the field', () => {
    const issues = issuesOf(() => parseTransactions(sharedByCustomers));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'order_id_conflict', path: [2, 'orderId'] });
    expect(issues[0]!.message).toMatch(/already used by row 0 for another customer/);
  });

  it('one order id on two days is an error naming both rows', () => {
    const issues = issuesOf(() => parseTransactions(onTwoDays));
    expect(issues[0]).toMatchObject({ code: 'order_id_conflict', path: [1, 'orderId'] });
    expect(issues[0]!.message).toMatch(/already used by row 0 on another day/);
  });

  it('rows of one order, one customer and one day are one order', () => {
    const { table } = parseTransactions(sharedByCustomers.slice(0, 2));
    expect(Array.from(table.order!)).toEqual([0, 0]);
  });

  it("orderIds: 'lenient' keeps the rows and counts them; summaries count the order once per customer", () => {
    const r = parseTransactions([...sharedByCustomers, ...onTwoDays], { orderIds: 'lenient' });
    expect(r.table.length).toBe(5);
    expect(r.orderIdConflicts).toBe(2);
    const s = summarizeCustomers([...sharedByCustomers, ...onTwoDays], { parse: { orderIds: 'lenient' } });
    const freq = Object.fromEntries(s.customers.map((c) => [c.customerId, c.rfm.frequency]));
    // c-secret-1: order INV-77 once, order 9 once (its two days are two purchase days, one order).
    expect(freq).toEqual({ 'c-secret-1': 2, 'c-secret-2': 1 });
    expect(s.customers.find((c) => c.customerId === 'c-secret-1')!.btyd.frequency).toBe(1);
  });

  it('rows after a refused conflict compare with the first row of the order', () => {
    const r = parseTransactions([...sharedByCustomers, sharedByCustomers[0]!], { onInvalid: 'collect' });
    expect(r.rejected.map((x) => x.row)).toEqual([2]);
    expect(r.table.length).toBe(3);
  });

  it('conflicts across batches name rows of the whole stream', async () => {
    const issues = await issuesOfAsync(() => parseTransactionBatches(batches([ok, sharedByCustomers[0]!], [ok, ok, sharedByCustomers[2]!])));
    expect(issues[0]).toMatchObject({ code: 'order_id_conflict', path: [4, 'orderId'] });
    expect(issues[0]!.message).toContain('row 1');
    const lenient = await parseTransactionBatches(batches(sharedByCustomers.slice(0, 1), sharedByCustomers.slice(1)), { orderIds: 'lenient' });
    expect(lenient.orderIdConflicts).toBe(1);
  });

  it('a bad orderIds value is an option error', () => {
    expect(issuesOf(() => parseTransactions([], { orderIds: 'merge' as never }))[0]).toMatchObject({ code: 'invalid_option', path: ['options', 'orderIds'] });
  });

  it('property: strict keeps one customer and one day per order; lenient counts exactly the rows that differ from their order’s first row', () => {
    const rowArb = fc.record({
      customerId: fc.integer({ min: 1, max: 4 }),
      date: fc.integer({ min: 0, max: 3 }).map((d) => `2024-01-0${d + 1}`),
      amount: fc.integer({ min: 0, max: 50 }),
      orderId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        // Independent count: the first row of each order id fixes its customer and day.
        const first = new Map<number, string>();
        let expected = 0;
        const conflicting: number[] = [];
        rows.forEach((r, i) => {
          if (r.orderId === undefined) return;
          const key = `${r.customerId}|${r.date}`;
          const f = first.get(r.orderId);
          if (f === undefined) first.set(r.orderId, key);
          else if (f !== key) {
            expected++;
            conflicting.push(i);
          }
        });
        const lenient = parseTransactions(rows, { orderIds: 'lenient' });
        expect(lenient.orderIdConflicts).toBe(expected);
        expect(lenient.table.length).toBe(rows.length);
        const strict = parseTransactions(rows, { onInvalid: 'collect' });
        expect(strict.rejected.map((r) => r.row)).toEqual(conflicting);
        expect(strict.rejected.every((r) => r.issues[0].code === 'order_id_conflict' && r.issues[0].path[1] === 'orderId')).toBe(true);
        expect(strict.orderIdConflicts).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unknown option keys, with the nearest valid name', () => {
  it.each([
    ['parseTransactions', () => parseTransactions([], { dateformat: 'iso' } as never), ['options', 'dateformat'], 'dateFormat'],
    ['parseTransactions orderId', () => parseTransactions([], { orderId: 'lenient' } as never), ['options', 'orderId'], 'orderIds'],
    ['parseTransactions negativecost', () => parseTransactions([], { negativecost: 'allow' } as never), ['options', 'negativecost'], 'negativeCost'],
    ['dateRange', () => parseTransactions([], { dateRange: { form: '1900-01-01' } } as never), ['dateRange', 'form'], 'from'],
    ['TransactionTableBuilder', () => new TransactionTableBuilder({ initialCapacty: 10 } as never), ['options', 'initialCapacty'], 'initialCapacity'],
    ['TransactionTableBuilder dateRange', () => new TransactionTableBuilder({ dateRange: { ot: '2199-12-31' } } as never), ['dateRange', 'ot'], 'to'],
    ['summarizeCustomers parse', () => summarizeCustomers([ok], { parse: { oninvalid: 'collect' } } as never), ['options', 'oninvalid'], 'onInvalid'],
  ] as const)('%s', (_fn, run, path, near) => {
    const issue = issuesOf(run)[0]!;
    expect(issue).toMatchObject({ code: 'unknown_option', path });
    expect(issue.message).toContain(`did you mean ${near}?`);
  });

  it('parseTransactionBatches', async () => {
    const issue = (await issuesOfAsync(() => parseTransactionBatches(batches([ok]), { revealvalues: true } as never)))[0]!;
    expect(issue).toMatchObject({ code: 'unknown_option', path: ['options', 'revealvalues'] });
    expect(issue.message).toContain('did you mean revealValues?');
  });
});

describe('TransactionTableBuilder applies the rules itself', () => {
  it('throws naming the offered row and the field, and stores nothing of it', () => {
    const b = new TransactionTableBuilder();
    expect(b.append('a', dayFromIso('2024-01-01'), 5, Number.NaN, Number.NaN, 'o1')).toBe(true);
    expect(issuesOf(() => b.append('b', dayFromIso('2024-01-01'), 5, Number.NaN, Number.NaN, 'o1'))[0]).toMatchObject({ code: 'order_id_conflict', path: [1, 'orderId'] });
    expect(issuesOf(() => b.append('c', 1e12, 5))[0]).toMatchObject({ code: 'date_out_of_range', path: [2, 'date'] });
    expect(issuesOf(() => b.append('d', Number.NaN, 5))[0]).toMatchObject({ code: 'date_out_of_range', path: [3, 'date'] });
    expect(issuesOf(() => b.append('e', 0, 5, -1))[0]).toMatchObject({ code: 'negative_cost', path: [4, 'cost'] });
    expect(issuesOf(() => b.append('f', 0, 5, 1, -1))[0]).toMatchObject({ code: 'negative_quantity', path: [5, 'quantity'] });
    const t = b.finish();
    expect(t.length).toBe(1);
    expect(t.customerIds).toEqual(['a']);
  });

  it('takes the rules as options, or a capacity alone for the defaults', () => {
    const b = new TransactionTableBuilder({ initialCapacity: 4, negativeCost: 'allow', orderIds: 'lenient', dateRange: { from: '1800-01-01' } });
    for (let i = 0; i < 40; i++) b.append(i % 3, dayFromIso('1850-01-01') + i, 5, -1, Number.NaN, i % 2);
    expect(b.orderIdConflicts).toBe(38);
    expect(b.finish().length).toBe(40);
    expect(issuesOf(() => new TransactionTableBuilder(8).append('a', dayFromIso('1850-01-01'), 1))[0]!.code).toBe('date_out_of_range');
  });
});

describe('privacy: no raw ids or values in the new messages', () => {
  it('messages name positions, not the ids, order ids, costs or dates fed in', () => {
    const rows = [
      row({ orderId: 'INV-SECRET' }),
      row({ customerId: 'c-secret-9', orderId: 'INV-SECRET' }),
      row({ cost: -41.25 }),
      row({ quantity: -17 }),
      row({ date: '2345-06-07' }),
    ];
    const r = parseTransactions(rows, { onInvalid: 'collect' });
    expect(r.rejected.map((x) => x.issues[0].code)).toEqual(['order_id_conflict', 'negative_cost', 'negative_quantity', 'date_out_of_range']);
    for (const x of r.rejected) {
      for (const bad of ['c-secret', 'INV-SECRET', '41.25', '-17', '2345']) expect(x.issues[0].message).not.toContain(bad);
    }
  });
});
