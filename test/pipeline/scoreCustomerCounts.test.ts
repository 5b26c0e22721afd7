// Count-only data through the API (issue 10): summaries with null money, the purchase-model-only
// pipeline scoreCustomerCounts, and scoreCustomers refusing count-only data with a pointer to it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COUNT_ONLY_NOTE,
  CustomerCountScores,
  InvalidInputError,
  ModelFitError,
  fitPurchaseModel,
  parseTransactionBatches,
  parseTransactions,
  scoreCustomerCounts,
  scoreCustomers,
  simulateTransactions,
  summarizeCustomerColumns,
  summarizeCustomers,
  type CountOnlyTransactionTable,
  type TransactionInput,
} from '../../src/index.js';
import { SHARED_DATA } from '../helpers/sharedData.js';
import { issueOf } from '../io/readerHelpers.js';

/** A count-only table as a reader makes it from `customer,date` rows: amounts zero, no cost, flagged. */
function countOnlyTable(rows: readonly { customerId: string | number; date: string }[]): CountOnlyTransactionTable {
  const { table } = parseTransactions(rows.map((r) => ({ ...r, amount: 0 })));
  return { ...table, cost: null, countOnly: true };
}

const simulated = simulateTransactions({ customers: 400, start: '2024-01-01', end: '2025-06-30', seed: 11 });
const counts = simulated.map(({ customerId, date }) => ({ customerId, date: String(date) }));

describe('summaries of count-only data', () => {
  it('carry frequency, recency and T with every money field null', () => {
    const table = countOnlyTable([
      { customerId: 'a', date: '2024-01-01' },
      { customerId: 'a', date: '2024-01-15' },
      { customerId: 'b', date: '2024-01-08' },
    ]);
    const s = summarizeCustomers(table, { asOf: '2024-01-29', timeUnit: 'week' });
    expect(s.countOnly).toBe(true);
    expect(s.customers).toEqual([
      { customerId: 'a', firstPurchase: '2024-01-01', lastPurchase: '2024-01-15', revenue: null, cost: null, profit: null, rfm: { recency: 2, frequency: 2, monetary: null }, btyd: { frequency: 1, recency: 2, T: 4, monetaryValue: null } },
      { customerId: 'b', firstPurchase: '2024-01-08', lastPurchase: '2024-01-08', revenue: null, cost: null, profit: null, rfm: { recency: 3, frequency: 1, monetary: null }, btyd: { frequency: 0, recency: 0, T: 3, monetaryValue: null } },
    ]);
    expect(summarizeCustomerColumns(table).countOnly).toBe(true);
  });

  it('keep countOnly false for data with amounts, and the same counts as the count-only table', () => {
    const money = summarizeCustomers(simulated, { asOf: '2025-06-30' });
    const none = summarizeCustomers(countOnlyTable(counts), { asOf: '2025-06-30' });
    expect(money.countOnly).toBe(false);
    expect(none.customers.map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T, c.rfm.frequency, c.rfm.recency])).toEqual(
      money.customers.map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T, c.rfm.frequency, c.rfm.recency]),
    );
  });
});

describe('scoreCustomerCounts', () => {
  it('gives the purchase-model numbers of scoreCustomers on the same data (P(alive) exact, expected purchases to 1e-12)', () => {
    const full = scoreCustomers(simulated, { asOf: '2025-06-30' });
    const only = scoreCustomerCounts(simulated, { asOf: '2025-06-30' });
    expect(only.countOnly).toBe(false);
    expect(only.note).toBeNull();
    expect(only.model.params).toEqual(full.model.params);
    expect(Array.from(only.columns.pAlive)).toEqual(Array.from(full.columns.pAlive));
    only.columns.expectedPurchases.forEach((e, i) => expect(Math.abs(e - full.columns.expectedPurchases[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, e)));
    expect(only.customers.map((c) => c.customerId)).toEqual(full.customers.map((c) => c.customerId));
  });

  it('scores a count-only table with the note, null money and the same numbers as with amounts', () => {
    const withMoney = scoreCustomerCounts(simulated, { asOf: '2025-06-30', model: 'paretonbd', horizon: { amount: 26, unit: 'week' } });
    const scores = scoreCustomerCounts(countOnlyTable(counts), { asOf: '2025-06-30', model: 'paretonbd', horizon: { amount: 26, unit: 'week' } });
    expect(scores).toBeInstanceOf(CustomerCountScores);
    expect(scores.countOnly).toBe(true);
    expect(scores.note).toBe(COUNT_ONLY_NOTE);
    expect(scores.model.params).toEqual(withMoney.model.params);
    expect(Array.from(scores.columns.expectedPurchases)).toEqual(Array.from(withMoney.columns.expectedPurchases));
    const c = scores.customer(3);
    expect([c.revenue, c.cost, c.profit, c.rfm.monetary, c.btyd.monetaryValue]).toEqual([null, null, null, null, null]);
    expect(c).toEqual(scores.customers[3]);
    const fit = fitPurchaseModel(scores.columns.summary.btyd, { model: 'paretonbd' });
    expect(Array.from(scores.columns.expectedPurchases)).toEqual(Array.from(fit.expectedPurchasesMany(26, scores.columns.summary.btyd)));
  });

  it('fits BG/NBD, Pareto/NBD and MBG/NBD on groceryElog (cust,date), and chooses one by holdout', () => {
    const lines = readFileSync(resolve(SHARED_DATA, 'btydplus/groceryElog.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const table = countOnlyTable(lines.map((l) => {
      const [cust, date] = l.split(',');
      return { customerId: Number(cust), date: date! };
    }));
    for (const model of ['bgnbd', 'paretonbd', 'mbgnbd'] as const) {
      const s = scoreCustomerCounts(table, { model });
      expect(s.length).toBe(1525);
      expect(s.model.converged, model).toBe(true);
      for (const v of Object.values(s.model.params as unknown as Record<string, number>)) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    const best = scoreCustomerCounts(table, { model: 'best' });
    expect(best.selection?.scores).toHaveLength(3);
    expect(best.model.model).toBe(best.selection!.best);
  });

  it('reports stages in order and leaves its input untouched', () => {
    const table = countOnlyTable(counts);
    const before = Array.from(table.day);
    const stages: string[] = [];
    scoreCustomerCounts(table, { onProgress: (stage, f) => f === 0 && stages.push(stage) });
    expect(stages).toEqual(['summarizing', 'fitting', 'scoring']);
    expect(Array.from(table.day)).toEqual(before);
  });

  it('refuses bad options with the option named', () => {
    const table = countOnlyTable(counts);
    const issue = issueOf;
    expect(issue(() => scoreCustomerCounts(table, { horizn: 1 } as never))).toMatchObject({ code: 'unknown_option', path: ['options', 'horizn'] });
    expect(issue(() => scoreCustomerCounts(table, { model: 'gamma' as never }))).toMatchObject({ path: ['options', 'model'] });
    expect(issue(() => scoreCustomerCounts(table, { horizon: { amount: 1.5, unit: 'year' } }))).toMatchObject({ path: ['options', 'horizon'] });
    expect(issue(() => scoreCustomerCounts(table, { calibrationEnd: '2025-01-01' }))).toMatchObject({ path: ['options', 'calibrationEnd'] });
  });

  it('says so when nobody bought up to the as-of date', () => {
    expect(() => scoreCustomerCounts(countOnlyTable(counts), { asOf: '2023-01-01' })).toThrow(ModelFitError);
  });
});

describe('count-only rows through parseTransactions', () => {
  it('are recognised by a first row without amount, and give the same table as amounts of zero flagged', () => {
    const parsed = parseTransactions(counts);
    expect(parsed.table.countOnly).toBe(true);
    expect(parsed.table.cost).toBeNull();
    const hand = countOnlyTable(counts);
    expect(Array.from(parsed.table.day)).toEqual(Array.from(hand.day));
    expect(Array.from(parsed.table.amount).every((a) => a === 0)).toBe(true);
    const scores = scoreCustomerCounts(counts, { asOf: '2025-06-30' });
    expect(scores.countOnly).toBe(true);
    expect(Array.from(scores.columns.pAlive)).toEqual(Array.from(scoreCustomerCounts(hand, { asOf: '2025-06-30' }).columns.pAlive));
    expect(summarizeCustomers(counts).customers[0]!.revenue).toBeNull();
  });

  it('are data with amounts as soon as one row has an amount: the rows without one are named', () => {
    const mixed = [{ customerId: 'a', date: '2024-01-01' }, { customerId: 'a', date: '2024-01-02', amount: 5 }, { customerId: 'b', date: '2024-01-03' }];
    const r = parseTransactions(mixed as never, { onInvalid: 'collect' });
    expect(r.table.countOnly).toBeUndefined();
    expect(r.rejected.map((x) => [x.row, x.issues[0]!.code, x.issues[0]!.path[1]])).toEqual([[0, 'missing_field', 'amount'], [2, 'missing_field', 'amount']]);
  });

  it('under parseTransactionBatches, refuse an amount or a cost in a later batch of count-only rows, naming row and field', async () => {
    async function* pages() {
      yield [{ customerId: 'a', date: '2024-01-01' }];
      yield [{ customerId: 'a', date: '2024-01-02', amount: 5 }, { customerId: 'b', date: '2024-01-03', cost: 2 }, { customerId: 'b', date: '2024-01-04' }];
    }
    const r = await parseTransactionBatches(pages() as never, { onInvalid: 'collect' });
    expect(r.table.countOnly).toBe(true);
    expect(r.table.length).toBe(2);
    expect(r.rejected.map((x) => [x.row, x.issues[0]!.path[1]])).toEqual([[1, 'amount'], [2, 'cost']]);
    expect(r.rejected[0]!.issues[0]!.message).toContain('count-only');
  });

  it('come through parseTransactionBatches, decided by the first batch', async () => {
    async function* pages() {
      yield counts.slice(0, 100);
      yield counts.slice(100);
    }
    const { table } = await parseTransactionBatches(pages());
    expect(table.countOnly).toBe(true);
    expect(table.length).toBe(counts.length);
  });

  it('make scoreCustomers refuse them as it refuses a count-only table', () => {
    expect(() => scoreCustomers(counts as never)).toThrow(/scoreCustomerCounts/);
  });
});

describe('scoreCustomers on count-only data', () => {
  it('is an InvalidInputError that points to scoreCustomerCounts', () => {
    try {
      scoreCustomers(countOnlyTable(counts) as never);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      const issue = (e as InvalidInputError).issues[0]!;
      expect(issue.code).toBe('missing_field');
      expect(issue.path).toEqual(['transactions', 'amount']);
      expect(issue.message).toContain('scoreCustomerCounts');
    }
  });

  it('still scores rows with amounts (the flag is absent)', () => {
    const rows: TransactionInput[] = simulated.slice(0, 300);
    expect(scoreCustomers(rows).length).toBeGreaterThan(0);
  });
});

describe('docs/pipeline.md, "Count-only data"', () => {
  it('the snippet gives what the page says', () => {
    const log = [
      { customerId: 1, date: '2024-01-03' },
      { customerId: 1, date: '2024-02-10' },
      { customerId: 2, date: '2024-01-20' },
    ];
    const scores = scoreCustomerCounts(log, { asOf: '2024-06-30', horizon: { amount: 26, unit: 'week' } });
    expect(scores.countOnly).toBe(true);
    expect(scores.customers[0]!.revenue).toBeNull();
    expect(readFileSync(resolve(import.meta.dirname, '../../docs/pipeline.md'), 'utf8')).toContain("scoreCustomerCounts(log, { asOf: '2024-06-30', horizon: { amount: 26, unit: 'week' } })");
  });
});

describe('count-only text through TransactionTextReader', () => {
  it('flags the table of a file without amount and price, so summaries give null money', async () => {
    const { TransactionTextReader } = await import('../../src/index.js');
    const reader = new TransactionTextReader();
    reader.push('cust,date\n1,2024-01-01\n1,2024-02-01\n2,2024-01-15\n');
    const read = reader.finish();
    expect(read.amountSource).toBe('none');
    expect(read.table.countOnly).toBe(true);
    expect(read.table.cost).toBeNull();
    const s = summarizeCustomers(read.table, { asOf: '2024-03-01' });
    expect(s.countOnly).toBe(true);
    expect(s.customers[0]!.revenue).toBeNull();
    const withAmounts = new TransactionTextReader();
    withAmounts.push('cust,date,amount\n1,2024-01-01,5\n');
    expect(withAmounts.finish().table.countOnly).toBeUndefined();
  });
});
