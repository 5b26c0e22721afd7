import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationAndHoldout, dayFromIso, isoFromDay, parseTransactions, summarizeCustomers, summarySql } from '../../src/index.js';
import { durationBetween } from '../../src/math.js';
import { DIALECTS } from '../../src/sql/dialects.js';
import { durationSql } from '../../src/sql/durationSql.js';
import { cdnowSampleRows, SHARED_DATA } from '../helpers/sharedData.js';
import { firstDifference } from './compareSummaries.js';
import { loadTable, openDuckDb, queryRows } from './duckdb.js';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
});

describe('durations in SQL are those of durationBetween, bit for bit (DuckDB)', () => {
  it('month and year spans over month ends, leap days and centuries', async () => {
    const d = DIALECTS.duckdb;
    const day = fc.integer({ min: dayFromIso('1899-01-01'), max: dayFromIso('2101-12-31') });
    // Month ends and leap days are where clamping matters: half the days are drawn near them.
    const edge = fc.tuple(fc.integer({ min: 1899, max: 2101 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 31 })).map(([y, m, dd]) => {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return dayFromIso(`${y}-${String(m).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`);
    });
    const pairs = fc.sample(fc.tuple(fc.oneof(day, edge), fc.oneof(day, edge), fc.nat(400)), { numRuns: 3000, seed: 12 }).map(([a, b, near]) => {
      const lo = Math.min(a, b);
      return [lo, near < 200 ? lo + near : Math.max(a, b)] as const;
    });
    const values = pairs.map(([a, b]) => `(DATE '${isoFromDay(a)}', DATE '${isoFromDay(b)}')`).join(',\n');
    for (const unit of ['day', 'week', 'month', 'year'] as const) {
      const rows = await queryRows(conn, `SELECT ${durationSql(d, unit, 'a', 'b')} AS v FROM (VALUES ${values}) AS p(a, b)`);
      const bad = rows.findIndex((r, i) => r.v !== durationBetween(pairs[i]![0], pairs[i]![1], unit));
      expect(bad === -1 ? null : `${unit} ${isoFromDay(pairs[bad]![0])} to ${isoFromDay(pairs[bad]![1])}: SQL ${String(rows[bad]!.v)}, JS ${durationBetween(pairs[bad]![0], pairs[bad]![1], unit)}`).toBeNull();
    }
  });
});

describe('summarySql on DuckDB: names, date formats and errors', () => {
  it('a hostile table and hostile column names stay names: the summary is right and nothing else runs', async () => {
    const table = `t"; DROP TABLE keep; --`;
    const cols = { customerId: `id" FROM x; --`, date: "d'; SELECT 1; --", amount: 'a"b""c' };
    const quote = (n: string): string => `"${n.replaceAll('"', '""')}"`;
    await conn.run('CREATE TABLE keep (x INTEGER)');
    await conn.run(`CREATE TABLE ${quote(table)} (${quote(cols.customerId)} BIGINT, ${quote(cols.date)} DATE, ${quote(cols.amount)} DOUBLE)`);
    await conn.run(`INSERT INTO ${quote(table)} VALUES (1, DATE '2015-02-01', 10), (1, DATE '2015-02-06', 30), (1, DATE '2015-02-06', 5), (2, DATE '2015-02-03', 4)`);
    const rows = await queryRows(conn, summarySql({ dialect: 'duckdb', source: [table], columns: cols, asOf: '2015-02-07' }));
    const js = summarizeCustomers(
      [
        { customerId: 1, date: '2015-02-01', amount: 10 },
        { customerId: 1, date: '2015-02-06', amount: 30 },
        { customerId: 1, date: '2015-02-06', amount: 5 },
        { customerId: 2, date: '2015-02-03', amount: 4 },
      ],
      { asOf: '2015-02-07' },
    ).customers;
    expect(firstDifference(rows, js)).toBeNull();
    expect(await queryRows(conn, 'SELECT count(*) AS n FROM keep')).toEqual([{ n: 0 }]);
  });

  it('a source named like a step of the query (tx, win, totals) is still the source', async () => {
    for (const name of ['tx', 'win', 'totals', 'ls_tx']) {
      await conn.run(`CREATE TABLE ${name} (customer_id BIGINT, date DATE, amount DOUBLE)`);
      await conn.run(`INSERT INTO ${name} VALUES (7, DATE '2020-01-01', 2), (7, DATE '2020-01-08', 3)`);
      const rows = await queryRows(conn, summarySql({ dialect: 'duckdb', source: name, timeUnit: 'week' }));
      expect(rows.map((r) => [r.customer_id, r.btyd_frequency, r.btyd_recency, r.revenue]), name).toEqual([[7, 1, 1, 5]]);
    }
  });

  it("dates as yyyyMMdd digits: the CDNOW sample file read by DuckDB's CSV reader", async () => {
    const file = `${SHARED_DATA}/CDNOW_sample.txt`.replaceAll("'", "''");
    // The file pads its columns with runs of spaces: each line is read whole and split on whitespace.
    const padded = { query: `SELECT CAST(f[2] AS BIGINT) AS customer_id, f[3] AS date, CAST(f[5] AS DOUBLE) AS amount FROM (SELECT string_split_regex(trim(line), '\\s+') AS f FROM read_csv('${file}', columns = {'line': 'VARCHAR'}, header = false, delim = '\\t', quote = '', escape = ''))` };
    const rows = await queryRows(conn, summarySql({ dialect: 'duckdb', source: padded, dateFormat: 'yyyyMMdd', asOf: '1997-09-30', timeUnit: 'week' }));
    const js = summarizeCustomers(parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' }).table, { asOf: '1997-09-30', timeUnit: 'week' }).customers;
    expect(js).toHaveLength(2357);
    expect(firstDifference(rows, js)).toBeNull();
  });

  it('dates as ISO text, with a time after the date', async () => {
    await conn.run(`CREATE TABLE iso (customer_id VARCHAR, date VARCHAR, amount DOUBLE)`);
    await conn.run(`INSERT INTO iso VALUES ('a', '2024-01-31T23:30:00-05:00', 5), ('a', '2024-03-30', 7), ('b', '2024-02-29', 1)`);
    const rows = await queryRows(conn, summarySql({ dialect: 'duckdb', source: 'iso', dateFormat: 'iso', timeUnit: 'month', asOf: '2024-04-30' }));
    const js = summarizeCustomers(
      [
        { customerId: 'a', date: '2024-01-31T23:30:00-05:00', amount: 5 },
        { customerId: 'a', date: '2024-03-30', amount: 7 },
        { customerId: 'b', date: '2024-02-29', amount: 1 },
      ],
      { timeUnit: 'month', asOf: '2024-04-30' },
    ).customers;
    expect(firstDifference(rows, js)).toBeNull();
  });

  it('invalid rows, returns under reject and rows after asOf under reject stop the query with an error', async () => {
    await conn.run(`CREATE TABLE bad (customer_id BIGINT, date DATE, amount DOUBLE)`);
    await conn.run(`INSERT INTO bad VALUES (1, DATE '2020-01-01', 5), (1, DATE '2020-01-05', -2), (2, DATE '2020-01-09', 3)`);
    const run = (o: Parameters<typeof summarySql>[0]): Promise<unknown> => queryRows(conn, summarySql(o));
    await expect(run({ dialect: 'duckdb', source: 'bad', returns: 'reject' })).rejects.toThrow(/returns \(negative amounts\) under returns 'reject': 1/);
    await expect(run({ dialect: 'duckdb', source: 'bad', asOf: '2020-01-06', afterAsOf: 'reject' })).rejects.toThrow(/dated after asOf under afterAsOf 'reject': 1/);
    expect(await run({ dialect: 'duckdb', source: 'bad', asOf: '2020-01-06' })).toHaveLength(1);
    await conn.run(`INSERT INTO bad VALUES (3, DATE '2020-01-02', 'NaN')`);
    await expect(run({ dialect: 'duckdb', source: 'bad' })).rejects.toThrow(/rows without a finite amount: 1/);
    await conn.run(`DELETE FROM bad WHERE customer_id = 3`);
    await conn.run(`INSERT INTO bad VALUES (NULL, DATE '2020-01-02', 1)`);
    await expect(run({ dialect: 'duckdb', source: 'bad' })).rejects.toThrow(/rows without a customer id: 1/);
  });
});

describe('summarySql on DuckDB equals summarizeCustomers on random data (fast-check)', () => {
  it('random customers, month-end and leap days, returns, missing costs, every unit and period mode, with and without holdout', async () => {
    const row = fc.record({
      customerId: fc.integer({ min: 1, max: 6 }),
      day: fc.oneof(fc.integer({ min: dayFromIso('2023-12-20'), max: dayFromIso('2024-04-10') }), fc.constantFrom(dayFromIso('2024-01-31'), dayFromIso('2024-02-29'), dayFromIso('2024-03-31'))),
      amount: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: -100, max: 0, noNaN: true }), fc.constant(0)),
      cost: fc.option(fc.double({ min: -50, max: 300, noNaN: true }), { nil: undefined, freq: 8 }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('day', 'week', 'month', 'year'),
        fc.constantFrom('exact', 'calendar'),
        fc.boolean(),
        async (rows, timeUnit, periods, split) => {
          const tx = rows.map((r) => ({ customerId: r.customerId, date: isoFromDay(r.day), amount: r.amount, ...(r.cost === undefined ? {} : { cost: r.cost }) }));
          // A table whose rows all lack a cost has no cost column; give one row a cost so the column exists.
          if (tx.every((t) => !('cost' in t))) Object.assign(tx[0]!, { cost: 1 });
          // Negative costs on purchases stay in: the SQL summary sums what it is given, as the JS one does under negativeCost: 'allow'.
          const table = parseTransactions(tx, { negativeCost: 'allow' }).table;
          const name = `random_${n++}`;
          await loadTable(conn, name, table);
          const base = { dialect: 'duckdb', source: name, columns: { cost: 'cost' }, timeUnit, periods } as const;
          if (split) {
            const js = calibrationAndHoldout(table, { calibrationEnd: '2024-02-15', observationEnd: '2024-04-10', timeUnit, periods }).customers;
            const sqlRows = await queryRows(conn, summarySql({ ...base, calibrationEnd: '2024-02-15', observationEnd: '2024-04-10' }));
            expect(firstDifference(sqlRows, js)).toBeNull();
          } else if (summarizeCustomers(table, { asOf: '2024-03-31' }).customers.length > 0) {
            const js = summarizeCustomers(table, { asOf: '2024-03-31', timeUnit, periods }).customers;
            const sqlRows = await queryRows(conn, summarySql({ ...base, asOf: '2024-03-31' }));
            expect(firstDifference(sqlRows, js)).toBeNull();
          }
          await conn.run(`DROP TABLE ${name}`);
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
