import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationAndHoldout, parseTransactions, summarizeCustomers, summarySql, type SummarySqlOptions } from '../../src/index.js';
import { cdnowMasterRows, cdnowSampleRows } from '../helpers/sharedData.js';
import { firstDifference } from './compareSummaries.js';
import { loadTable, openDuckDb, queryRows } from './duckdb.js';
import { exampleRows } from './exampleData.js';

// Equality on a real engine: summarySql run by DuckDB gives, for every customer and field, the
// numbers of summarizeCustomers / calibrationAndHoldout (counts and dates identical, durations
// and money within 1e-9).

const sample = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' }).table;
const master = parseTransactions(cdnowMasterRows(), { dateFormat: 'yyyyMMdd' }).table;
// The example file has no returns: every 20th purchase is half returned 5 days later (cost too).
// One row in 50 lacks its cost, so those customers' cost and profit are NULL.
const withReturns = exampleRows().flatMap((r, i) => {
  const row = i % 50 === 7 ? { customerId: r.customerId, date: r.date, amount: r.amount } : r;
  if (i % 20 !== 3) return [row];
  const back = new Date(Date.parse(r.date) + 5 * 86_400_000).toISOString().slice(0, 10);
  return [row, { customerId: r.customerId, date: back, amount: -r.amount / 2, cost: -r.cost / 2 }];
});
const example = parseTransactions(withReturns).table;
const exampleDropped = parseTransactions(withReturns, { returns: 'drop' }).table;
// Order ids: a customer's lines of one calendar month form one order, so an order spans days:
// kept under orderIds: 'lenient' (the SQL counts each customer's distinct orders the same way).
const exampleOrders = parseTransactions(
  withReturns.map((r) => ({ ...r, orderId: `${r.customerId}/${r.date.slice(0, 7)}` })),
  { orderIds: 'lenient' },
).table;

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
  await loadTable(conn, 'cdnow_sample', sample);
  await loadTable(conn, 'cdnow_master', master);
  await loadTable(conn, 'example', example);
  await loadTable(conn, 'example_orders', exampleOrders);
});

type Case = [name: string, options: Omit<SummarySqlOptions, 'dialect' | 'source'>];
const UNITS: Case[] = [];
for (const timeUnit of ['day', 'week', 'month', 'year'] as const) {
  for (const periods of ['exact', 'calendar'] as const) UNITS.push([`${timeUnit}, ${periods}`, { timeUnit, periods }]);
}

async function expectSummaryEqual(source: string, table: typeof sample, options: Omit<SummarySqlOptions, 'dialect' | 'source'>): Promise<void> {
  const columns = source.startsWith('example') ? { cost: 'cost', ...(source === 'example_orders' ? { orderId: 'order_id' } : {}) } : {};
  const rows = await queryRows(conn, summarySql({ dialect: 'duckdb', source, columns, ...options }));
  const { calibrationEnd, observationEnd, returns: _returns, columns: _columns, ...summaryOptions } = options;
  const js =
    calibrationEnd === undefined
      ? summarizeCustomers(table, summaryOptions).customers
      : calibrationAndHoldout(table, { ...summaryOptions, calibrationEnd, ...(observationEnd === undefined ? {} : { observationEnd }) }).customers;
  expect(firstDifference(rows, js)).toBeNull();
}

describe('summarySql on DuckDB equals summarizeCustomers: CDNOW sample', () => {
  it.each(UNITS)('as of 1997-09-30, %s', async (_, o) => {
    await expectSummaryEqual('cdnow_sample', sample, { ...o, asOf: '1997-09-30' });
  });
  it.each(UNITS)('holdout 1997-09-30 to 1998-06-30, %s', async (_, o) => {
    await expectSummaryEqual('cdnow_sample', sample, { ...o, calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
  });
  it('as of the latest date (the default) and rfmMonetary mean', async () => {
    await expectSummaryEqual('cdnow_sample', sample, { timeUnit: 'week', rfmMonetary: 'mean' });
  });
});

describe('summarySql on DuckDB equals summarizeCustomers: CDNOW master', () => {
  it.each(UNITS)('as of 1997-09-30, %s', async (_, o) => {
    await expectSummaryEqual('cdnow_master', master, { ...o, asOf: '1997-09-30' });
  });
  it.each([UNITS[2]!, UNITS[3]!, UNITS[4]!])('holdout 1997-09-30 to 1998-06-30, %s', async (_, o) => {
    await expectSummaryEqual('cdnow_master', master, { ...o, calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
  });
});

describe('summarySql on DuckDB equals summarizeCustomers: example data with cost and returns', () => {
  it.each(UNITS)('as of 2024-10-31, %s', async (_, o) => {
    await expectSummaryEqual('example', example, { ...o, asOf: '2024-10-31' });
  });
  it.each(UNITS)('holdout 2024-06-30 to the latest date, %s', async (_, o) => {
    await expectSummaryEqual('example', example, { ...o, calibrationEnd: '2024-06-30' });
  });
  it("returns: 'drop' leaves the returns out", async () => {
    expect(example.length - exampleDropped.length).toBeGreaterThan(700);
    await expectSummaryEqual('example', exampleDropped, { timeUnit: 'week', asOf: '2025-06-30', returns: 'drop' });
  });
  it('order ids: the RFM frequency counts distinct orders', async () => {
    await expectSummaryEqual('example_orders', exampleOrders, { timeUnit: 'month', asOf: '2025-06-30', rfmMonetary: 'mean' });
  });
});
