import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedSummaryWithDuckDb, DUCKDB_SCORE_COLUMNS, scoreWithDuckDb } from '../../../src/duckdb/index.js';
import { fitBgNbd, fitGammaGamma, fitParetoNbd, predictClv, scoreCustomers, summarizeCustomerColumns } from '../../../src/index.js';
import { discountStep } from '../../../src/pipeline/discountStep.js';
import { engineTables, writeCsv } from '../tables.js';

// Fitting on DuckDB's compressed rows (distinct (x, t_x, T) and (x, z̄) with counts) gives the
// parameters and log-likelihood of the per-customer fits to 1e-9 and the published CDNOW
// estimates (Fader, Hardie & Lee 2005: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL -9582.4;
// Pareto/NBD LL -9595.0; Gamma-Gamma p = 6.25, q = 3.74, gamma = 15.44, LL -4055.92). The scores
// DuckDB writes equal scoreCustomers' for every customer.

const tables = engineTables();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loyalty-duckdb-score-'));
  writeCsv(tables.cdnow_sample.table, join(dir, 'cdnow_sample.csv'));
  writeCsv(tables.example.table, join(dir, 'example.csv'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('compressedSummaryWithDuckDb: the fits on weighted distinct rows', () => {
  it('CDNOW sample, weeks to 1997-09-30: BG/NBD, Pareto/NBD and Gamma-Gamma equal the per-customer fits to 1e-9 and the published estimates', async () => {
    const rows = await compressedSummaryWithDuckDb({ csv: join(dir, 'cdnow_sample.csv') }, { timeUnit: 'week', asOf: '1997-09-30' });
    const js = summarizeCustomerColumns(tables.cdnow_sample.table, { timeUnit: 'week', asOf: '1997-09-30' }).columns;
    expect(rows.customers).toBe(2357);
    expect(rows.purchase.frequency.length).toBeLessThan(2357);
    let weight = 0;
    for (const w of rows.spend.weights) weight += w;
    expect(weight).toBe(2357);

    const grouped = fitBgNbd(rows.purchase, { weights: rows.purchase.weights });
    const single = fitBgNbd(js.btyd);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(rel(grouped.params[k], single.params[k]), k).toBeLessThanOrEqual(1e-9);
    expect(rel(grouped.logLikelihood, single.logLikelihood)).toBeLessThanOrEqual(1e-9);
    const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(grouped.params[k] - paper[k]), k).toBeLessThanOrEqual(0.001);
    expect(Math.abs(grouped.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.05);

    const pnbd = fitParetoNbd(rows.purchase, { weights: rows.purchase.weights });
    const pnbdSingle = fitParetoNbd(js.btyd);
    expect(rel(pnbd.logLikelihood, pnbdSingle.logLikelihood)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(pnbd.logLikelihood - -9595.0)).toBeLessThanOrEqual(0.05);

    const gg = fitGammaGamma(rows.spend, { weights: rows.spend.weights });
    const ggSingle = fitGammaGamma({ frequency: js.btyd.frequency, monetaryValue: js.btyd.monetaryValue });
    for (const k of ['p', 'q', 'gamma'] as const) expect(rel(gg.params[k], ggSingle.params[k]), k).toBeLessThanOrEqual(1e-9);
    expect(rel(gg.logLikelihood, ggSingle.logLikelihood)).toBeLessThanOrEqual(1e-9);
    const published = { p: 6.25, q: 3.74, gamma: 15.44 };
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(gg.params[k] - published[k]), k).toBeLessThan(0.015);
    expect(Math.abs(gg.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.01);
  });
});

/** A written score file's rows, read back by DuckDB. */
async function readBack(path: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const reader = await conn.runAndReadAll(`SELECT * FROM '${path}'`);
  const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
  conn.closeSync();
  instance.closeSync();
  return rows;
}

describe('scoreWithDuckDb writes the scores of scoreCustomers', () => {
  for (const format of ['parquet', 'csv'] as const) {
    it(`example data with cost, weeks, as ${format}: every customer's P(alive), expected purchases and spend, margin and CLV`, async () => {
      const output = join(dir, `scores.${format}`);
      const result = await scoreWithDuckDb({ csv: join(dir, 'example.csv') }, { columns: { cost: 'cost' }, timeUnit: 'week', output, memoryLimit: '500MB', threads: 2 });
      // The fit: scoreCustomers fits the same customers one row each, in another order, so its
      // optimiser stops elsewhere inside its gradient tolerance: parameters agree to 1e-6.
      const pipeline = scoreCustomers(tables.example.table, { timeUnit: 'week', model: 'bgnbd' });
      expect(result.customers).toBe(pipeline.length);
      expect(result.asOf).toBe(pipeline.asOf);
      for (const [k, v] of Object.entries(pipeline.model.params)) expect(rel((result.model.params as unknown as Record<string, number>)[k]!, v as number), k).toBeLessThanOrEqual(1e-6);
      for (const [k, v] of Object.entries(pipeline.spendModel.params)) expect(rel((result.spendModel.params as unknown as Record<string, number>)[k]!, v), k).toBeLessThanOrEqual(1e-6);
      // The scores: the JS formulas with DuckDB's fits on the JS summary, as scoreCustomers computes them.
      const summary = summarizeCustomerColumns(tables.example.table, { timeUnit: 'week' }).columns;
      const margin = new Float64Array(summary.length).map((_, i) => (summary.revenue[i]! > 0 ? (summary.revenue[i]! - summary.cost![i]!) / summary.revenue[i]! : 1));
      const horizon = { amount: 1, unit: 'year' } as const;
      const clv = predictClv(result.model, result.spendModel, { purchase: summary.btyd, spend: summary.btyd, margin }, { asOf: result.asOf, horizon, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week', step: discountStep(Date.parse(result.asOf) / 86_400_000, horizon, 'week') });
      const c = { pAlive: result.model.probabilityAliveMany(summary.btyd), expectedPurchases: clv.expectedPurchases, expectedSpend: clv.expectedSpend, margin: clv.margin, clv: clv.clv };
      const rows = await readBack(output);
      expect(Object.keys(rows[0]!)).toEqual([...DUCKDB_SCORE_COLUMNS]);
      expect(rows.length).toBe(summary.length);
      const index = new Map(summary.customerIds.map((id, i) => [String(id), i]));
      for (const row of rows) {
        const i = index.get(String(row['customer_id']));
        expect(i, `customer ${String(row['customer_id'])} not in the JS scores`).toBeDefined();
        const want: Record<string, number> = { p_alive: c.pAlive[i!]!, expected_purchases: c.expectedPurchases[i!]!, expected_spend: c.expectedSpend[i!]!, margin: c.margin[i!]!, clv: c.clv[i!]! };
        for (const [field, value] of Object.entries(want)) {
          const got = Number(row[field]);
          expect(Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value)), `customer ${String(row['customer_id'])}, ${field}: DuckDB ${got}, JS ${value}`).toBe(true);
        }
      }
      if (format === 'csv') expect(readFileSync(output, 'utf8').split('\n')[0]).toBe(DUCKDB_SCORE_COLUMNS.join(','));
    });
  }

  it('refuses an output that is neither .parquet nor .csv, before reading anything', async () => {
    await expect(scoreWithDuckDb({ csv: join(dir, 'example.csv') }, { output: join(dir, 'scores.xlsx') })).rejects.toThrow(/\.parquet or \.csv/);
  });
});
