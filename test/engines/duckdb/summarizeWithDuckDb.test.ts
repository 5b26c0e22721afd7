import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeWithDuckDb, type DuckDbSummaryOptions } from '../../../src/duckdb/index.js';
import { calibrationAndHoldout, summarizeCustomers } from '../../../src/index.js';
import { summaryObjects } from '../../../src/summary/summaryColumns.js';
import { firstDifference } from '../../sql/compareSummaries.js';
import { engineTables, writeCsv } from '../tables.js';

// loyalty-score/duckdb on real files: the summary DuckDB computes over CSV and Parquet files
// (and globs of them) equals summarizeCustomers / calibrationAndHoldout for every customer and
// field (counts and dates identical, durations and money within 1e-9: firstDifference).

const tables = engineTables();
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loyalty-duckdb-'));
  for (const t of Object.values(tables)) writeCsv(t.table, join(dir, `${t.name}.csv`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The summary columns as the rows of summarySql, for firstDifference. */
function rowsOf(summary: Awaited<ReturnType<typeof summarizeWithDuckDb>>): Record<string, number | string | null>[] {
  return summaryObjects(summary.columns).map((c, i) => ({
    customer_id: String(c.customerId), first_purchase: c.firstPurchase, last_purchase: c.lastPurchase,
    revenue: c.revenue, cost: c.cost, profit: c.profit,
    rfm_recency: c.rfm.recency, rfm_frequency: c.rfm.frequency, rfm_monetary: c.rfm.monetary,
    btyd_frequency: c.btyd.frequency, btyd_recency: c.btyd.recency, btyd_T: c.btyd.T, btyd_monetary_value: c.btyd.monetaryValue,
    ...(summary.holdout ? { holdout_frequency: summary.holdout.frequency[i]!, holdout_monetary_value: summary.holdout.monetaryValue[i]!, holdout_duration: summary.holdout.duration[i]! } : {}),
  }));
}

type Name = keyof typeof tables;
const CASES: [Name, DuckDbSummaryOptions][] = [
  ['cdnow_sample', { timeUnit: 'week', asOf: '1997-09-30' }],
  ['cdnow_sample', { timeUnit: 'day', periods: 'calendar' }],
  ['cdnow_sample', { timeUnit: 'week', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' }],
  ['cdnow_master', { timeUnit: 'week', periods: 'calendar', calibrationEnd: '1997-09-30' }],
  ['cdnow_master', { timeUnit: 'month' }],
  ['example', { timeUnit: 'week', columns: { cost: 'cost' } }],
  ['example_returns', { timeUnit: 'year', periods: 'calendar', columns: { cost: 'cost' } }],
  ['example_returns', { timeUnit: 'day', columns: { cost: 'cost' }, asOf: '2025-06-30' }],
];

describe('summarizeWithDuckDb over CSV files equals summarizeCustomers', () => {
  for (const [name, options] of CASES) {
    it(`${name} ${JSON.stringify(options)}`, async () => {
      const summary = await summarizeWithDuckDb({ csv: join(dir, `${name}.csv`) }, options);
      const table = tables[name].table;
      const js =
        options.calibrationEnd === undefined
          ? summarizeCustomers(table, { ...(options.asOf ? { asOf: options.asOf as string } : {}), timeUnit: options.timeUnit!, periods: options.periods ?? 'exact' })
          : calibrationAndHoldout(table, { calibrationEnd: options.calibrationEnd, ...(options.observationEnd ? { observationEnd: options.observationEnd } : {}), timeUnit: options.timeUnit!, periods: options.periods ?? 'exact' });
      expect(firstDifference(rowsOf(summary), js.customers)).toBeNull();
      expect(summary.asOf).toBe('asOf' in js ? js.asOf : js.calibrationEnd);
    });
  }
});

describe('summarizeWithDuckDb: sources, globs and errors', () => {
  it('reads a glob of Parquet files and a table of a .duckdb file as the CSV', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const csv = join(dir, 'example.csv');
    const database = join(dir, 'shop.duckdb');
    const instance = await DuckDBInstance.create(database);
    const conn = await instance.connect();
    // Two Parquet parts, split by date, and a table of the same rows.
    await conn.run(`COPY (SELECT * FROM read_csv('${csv}') WHERE "date" < DATE '2025-01-01') TO '${join(dir, 'part-1.parquet')}' (FORMAT parquet)`);
    await conn.run(`COPY (SELECT * FROM read_csv('${csv}') WHERE "date" >= DATE '2025-01-01') TO '${join(dir, 'part-2.parquet')}' (FORMAT parquet)`);
    await conn.run(`CREATE TABLE "odd ""sales"" table" AS SELECT * FROM read_csv('${csv}')`);
    conn.closeSync();
    instance.closeSync();
    const options = { timeUnit: 'week', columns: { cost: 'cost' } } as const;
    const fromCsv = rowsOf(await summarizeWithDuckDb({ csv }, options));
    const fromParquet = rowsOf(await summarizeWithDuckDb({ parquet: join(dir, 'part-*.parquet') }, options));
    const fromTable = rowsOf(await summarizeWithDuckDb({ database, table: 'odd "sales" table' }, options));
    const js = summarizeCustomers(tables.example.table, { timeUnit: 'week' }).customers;
    expect(firstDifference(fromCsv, js)).toBeNull();
    expect(firstDifference(fromParquet, js)).toBeNull();
    expect(firstDifference(fromTable, js)).toBeNull();
  });

  it('names a missing column, a missing file and a bad option the way the library does', async () => {
    const csv = join(dir, 'example.csv');
    await expect(summarizeWithDuckDb({ csv }, { columns: { amount: 'revenue' } })).rejects.toMatchObject({ name: 'InvalidInputError', issues: [{ code: 'missing_column', path: ['source', 'revenue'] }] });
    await expect(summarizeWithDuckDb({ csv: join(dir, 'nothing-*.csv') })).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(summarizeWithDuckDb({ csv }, { memoryLimit: 'lots' })).rejects.toMatchObject({ name: 'InvalidInputError', issues: [{ code: 'invalid_option', path: ['options', 'memoryLimit'] }] });
    await expect(summarizeWithDuckDb({ json: csv } as never)).rejects.toMatchObject({ name: 'InvalidInputError', issues: [{ path: ['options', 'source'] }] });
  });

  it('stops on a row the summary refuses, naming the field without its value', async () => {
    const { writeFileSync } = await import('node:fs');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'customer_id,date,amount\nsecret-id,2024-01-01,5\nsecret-id,2024-01-02,\n');
    const error = await summarizeWithDuckDb({ csv: bad }).then(
      () => { throw new Error('expected an error'); },
      (e: unknown) => e as Error & { issues: { code: string; path: unknown[] }[] },
    );
    expect(error).toMatchObject({ name: 'InvalidInputError', issues: [{ code: 'not_finite', path: ['source', 'amount'] }] });
    expect(error.message).not.toContain('secret-id');
  });
});
