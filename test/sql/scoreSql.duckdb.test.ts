import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compressedSummarySql,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  parseTransactions,
  predictClv,
  probabilityAliveSql,
  scoreSql,
  summarizeCustomerColumns,
  summarizeCustomers,
  summarySql,
  type BtydColumns,
  type ScoreSqlOptions,
  type SpendColumns,
  type TransactionTable,
} from '../../src/index.js';
import { cdnowSampleRows } from '../helpers/sharedData.js';
import { loadTable, openDuckDb, queryRows } from './duckdb.js';
import { exampleRows } from './exampleData.js';

// Scores computed in JS on the distinct rows, joined onto the summary by DuckDB, equal
// predictClv / probabilityAliveMany on every customer; the closed-form P(alive) SQL agrees with JS
// to 1e-12.

const cdnow = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' }).table;
const example = parseTransactions(exampleRows()).table;

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
  await loadTable(conn, 'cdnow', cdnow);
  await loadTable(conn, 'example', example);
});

/** The summary stored as a table (as docs/sql.md says to), then its compressed rows read back. */
async function compressed(source: string, asOf: string, cost: boolean): Promise<{ purchases: BtydColumns; spend: SpendColumns }> {
  await conn.run(`CREATE OR REPLACE TABLE summary_${source} AS ${summarySql({ dialect: 'duckdb', source, asOf, timeUnit: 'week', ...(cost ? { columns: { cost: 'cost' } } : {}) })}`);
  const sql = compressedSummarySql({ dialect: 'duckdb', summary: `summary_${source}` });
  const p = await queryRows(conn, sql.purchases);
  const s = await queryRows(conn, sql.spend);
  return {
    purchases: { frequency: Float64Array.from(p, (r) => r.frequency as number), recency: Float64Array.from(p, (r) => r.recency as number), T: Float64Array.from(p, (r) => r.T as number) },
    spend: { frequency: Float64Array.from(s, (r) => r.frequency as number), monetaryValue: Float64Array.from(s, (r) => r.monetary_value as number) },
  };
}

async function expectScoresEqual(table: TransactionTable, source: string, asOf: string, cost: boolean, predictions: 'inline' | 'files', margin?: number): Promise<void> {
  const { customers } = summarizeCustomers(table, { asOf, timeUnit: 'week' });
  const { columns } = summarizeCustomerColumns(table, { asOf, timeUnit: 'week' });
  const bg = fitBgNbd(columns.btyd);
  const gg = fitGammaGamma(columns.btyd);
  const { purchases, spend } = await compressed(source, asOf, cost);
  const summary = `summary_${source}`;
  const base: ScoreSqlOptions = { dialect: 'duckdb', purchases, spend, spendModel: gg, asOf, horizon: { amount: 12, unit: 'month' }, discountRate: { rate: 0.1, per: 'year' }, summary, ...(margin === undefined ? {} : { margin }) };
  let out = scoreSql(bg, base);
  if (predictions === 'files') {
    // The CSV files, loaded by DuckDB's reader, instead of the inline VALUES lists.
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sql-score-'));
    writeFileSync(`${dir}/p.csv`, out.purchaseCsv);
    writeFileSync(`${dir}/s.csv`, out.spendCsv!);
    await conn.run(`CREATE OR REPLACE TABLE preds AS SELECT * FROM read_csv('${dir}/p.csv', header = true, columns = {'frequency': 'BIGINT', 'recency': 'DOUBLE', 'T': 'DOUBLE', 'p_alive': 'DOUBLE', 'expected_purchases': 'DOUBLE', 'discounted_purchases': 'DOUBLE'})`);
    await conn.run(`CREATE OR REPLACE TABLE spend_preds AS SELECT * FROM read_csv('${dir}/s.csv', header = true, columns = {'frequency': 'BIGINT', 'monetary_value': 'DOUBLE', 'expected_spend': 'DOUBLE'})`);
    out = scoreSql(bg, { ...base, predictions: { purchases: 'preds', spend: 'spend_preds' } });
  }
  const rows = await queryRows(conn, out.joinSql);
  const js = predictClv(bg, gg, customers, { asOf, horizon: { amount: 12, unit: 'month' }, discountRate: { rate: 0.1, per: 'year' }, ...(margin === undefined ? {} : { margin }) });
  const alive = bg.probabilityAliveMany(columns.btyd);
  const byId = new Map(rows.map((r) => [String(r.customer_id), r]));
  expect(rows).toHaveLength(customers.length);
  let first: string | null = null;
  customers.forEach((c, i) => {
    if (first !== null) return;
    const r = byId.get(String(c.customerId))!;
    const checks: [string, number, number, number][] = [
      ['p_alive', r.p_alive as number, alive[i]!, 1e-12],
      ['expected_purchases', r.expected_purchases as number, js.expectedPurchases[i]!, 1e-12],
      ['expected_spend', r.expected_spend as number, js.expectedSpend[i]!, 1e-9],
      ['clv', r.clv as number, js.clv[i]!, 1e-9],
    ];
    for (const [field, got, want, tol] of checks) {
      if (!(Math.abs(got - want) <= tol)) {
        first = `customer ${String(c.customerId)}, ${field}: SQL ${got}, JS ${want}`;
        return;
      }
    }
  });
  expect(first).toBeNull();
}

describe('scoreSql on DuckDB equals predictClv on every customer', () => {
  it('CDNOW sample (no cost: margin option), inline VALUES', async () => {
    await expectScoresEqual(cdnow, 'cdnow', '1997-09-30', false, 'inline', 0.3);
  });
  it('CDNOW sample, predictions loaded from the CSV files', async () => {
    await expectScoresEqual(cdnow, 'cdnow', '1997-09-30', false, 'files');
  });
  it('example data with cost: margins from profit / revenue', async () => {
    await expectScoresEqual(example, 'example', '2024-12-31', true, 'inline');
  });
});

describe('P(alive) in closed form as SQL agrees with JS to 1e-12', () => {
  const { columns } = summarizeCustomerColumns(cdnow, { asOf: '1997-09-30', timeUnit: 'week' });
  const fits = { bgnbd: fitBgNbd(columns.btyd), mbgnbd: fitMbgNbd(columns.btyd) };
  for (const [name, fit] of Object.entries(fits)) {
    it(`${name} on every CDNOW customer, and at extreme histories`, async () => {
      const summary = summarySql({ dialect: 'duckdb', source: 'cdnow', asOf: '1997-09-30', timeUnit: 'week' });
      const rows = await queryRows(conn, `SELECT "customer_id", ${probabilityAliveSql(fit, 'duckdb')} AS p FROM (${summary}) AS s`);
      const alive = fit.probabilityAliveMany(columns.btyd);
      const index = new Map(columns.customerIds.map((id, i) => [String(id), i]));
      let worst = 0;
      for (const r of rows) worst = Math.max(worst, Math.abs((r.p as number) - alive[index.get(String(r.customer_id))!]!));
      expect(rows).toHaveLength(columns.length);
      expect(worst).toBeLessThanOrEqual(1e-12);
      // Histories whose log-odds leave the double range, and T = 0.
      const extreme = { frequency: Float64Array.of(400, 400, 1, 0, 0), recency: Float64Array.of(0.01, 1e6, 0, 0, 0), T: Float64Array.of(1e6, 1e6, 1e5, 0, 50) };
      const values = Array.from(extreme.frequency, (x, i) => `(${x}, ${extreme.recency[i]}e0, ${extreme.T[i]}e0)`).join(', ');
      const ex = await queryRows(conn, `SELECT ${probabilityAliveSql(fit, 'duckdb', { frequency: 'x', recency: 'tx', T: 'T' })} AS p FROM (VALUES ${values}) AS v(x, tx, T)`);
      const want = fit.probabilityAliveMany(extreme);
      ex.forEach((r, i) => expect(Math.abs((r.p as number) - want[i]!), `history ${i}`).toBeLessThanOrEqual(1e-12));
    });
  }
  it('Pareto/NBD has no closed form here: scoreSql gives its rows and probabilityAliveSql null', () => {
    const fit = fitParetoNbd(columns.btyd);
    const out = scoreSql(fit, { dialect: 'postgres', purchases: columns.btyd, asOf: '1997-09-30', horizon: { amount: 1, unit: 'year' }, summary: 'summary' });
    expect(out.probabilityAliveSql).toBeNull();
    expect(out.spendValues).toBeNull();
    expect(() => probabilityAliveSql(fit, 'postgres')).toThrow(/closed form/);
  });
});

describe('scoreSql contracts', () => {
  const model = fitBgNbd(summarizeCustomerColumns(cdnow, { asOf: '1997-09-30', timeUnit: 'week' }).columns.btyd);
  it('leaves its inputs alone, and row order changes nothing but the order of the VALUES rows', () => {
    const purchases = { frequency: Float64Array.of(0, 2, 1), recency: Float64Array.of(0, 30.43, 1.71), T: Float64Array.of(38.86, 38.86, 20) };
    const copy = { frequency: purchases.frequency.slice(), recency: purchases.recency.slice(), T: purchases.T.slice() };
    const options = { dialect: 'duckdb', purchases, asOf: '1997-09-30', horizon: { amount: 1, unit: 'year' }, summary: 's' } as const;
    const a = scoreSql(model, options);
    expect(purchases).toEqual(copy);
    const reversed = scoreSql(model, { ...options, purchases: { frequency: copy.frequency.reverse(), recency: copy.recency.reverse(), T: copy.T.reverse() } });
    const lines = (csv: string): string[] => csv.trim().split('\n').slice(1).sort();
    expect(lines(reversed.purchaseCsv)).toEqual(lines(a.purchaseCsv));
  });
  it('no rows to score: the join still runs, with NULL scores', async () => {
    await conn.run(`CREATE OR REPLACE TABLE one AS SELECT * FROM (VALUES (1, DATE '2020-01-01', 5.0e0)) AS v(customer_id, date, amount)`);
    const out = scoreSql(model, {
      dialect: 'duckdb',
      purchases: { frequency: new Float64Array(0), recency: new Float64Array(0), T: new Float64Array(0) },
      spendModel: fitGammaGamma(summarizeCustomerColumns(cdnow, { asOf: '1997-09-30', timeUnit: 'week' }).columns.btyd),
      asOf: '2020-01-01',
      horizon: { amount: 4, unit: 'week' },
      summary: { query: summarySql({ dialect: 'duckdb', source: 'one' }) },
    });
    const rows = await queryRows(conn, out.joinSql);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.p_alive).toBeNull();
    expect(rows[0]!.expected_spend).not.toBeNull();
  });
});
