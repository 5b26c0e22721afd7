// What every real engine (PostgreSQL, Spark) must reproduce, as batches of SQL built up front so
// that an engine with a slow start (Spark's JVM) runs them all in one session:
// - summarySql on CDNOW master and sample (days and weeks, exact and calendar periods, with a
//   holdout) and on the example data (with cost, and with returns under net and drop): every
//   customer and field equals summarizeCustomers / calibrationAndHoldout (firstDifference:
//   counts and dates identical, durations and money within 1e-9);
// - compressedSummarySql on the CDNOW sample: BG/NBD and Gamma-Gamma fitted on the engine's
//   weighted rows equal the per-customer fits (log-likelihood and BG/NBD parameters to 1e-9;
//   Gamma-Gamma's within 1e-6 at the optimiser's stop and to 1e-9 at the maximum located from the
//   gradient, test/sql/gammaGammaMaximum.ts)
//   and the published estimates;
// - probabilityAliveSql (BG/NBD closed form) equals the JS P(alive) to 1e-12 for every customer,
//   and scoreSql's join gives predictClv's P(alive) and expected purchases to 1e-9 (the rows are
//   the JS summary's distinct (x, t_x, T), the same doubles as the engine's; spend rows would have
//   to be read back from the engine first, as the batch does not).
import { expect } from 'vitest';
import {
  calibrationAndHoldout,
  compressedSummarySql,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  probabilityAliveSql,
  scoreSql,
  summarizeCustomerColumns,
  summarizeCustomers,
  summarySql,
  type SqlDialect,
  type SummarySqlOptions,
} from '../../src/index.js';
import { firstDifference } from '../sql/compareSummaries.js';
import { polishGammaGamma } from '../sql/gammaGammaMaximum.js';
import { engineTables, type EngineTable } from './tables.js';

export type EngineRow = Record<string, number | string | null>;
export interface EngineQuery {
  readonly name: string;
  readonly sql: string;
}

type Options = Omit<SummarySqlOptions, 'dialect' | 'source'>;

export const tables = engineTables();
type Name = keyof typeof tables;

/** The summary cases: table, options (returns 'drop' reads the table parsed with returns dropped on the JS side). */
export const SUMMARY_CASES: readonly [Name, Options][] = [
  ['cdnow_sample', { timeUnit: 'week', asOf: '1997-09-30' }],
  ['cdnow_sample', { timeUnit: 'day' }],
  ['cdnow_sample', { timeUnit: 'week', periods: 'calendar' }],
  ['cdnow_sample', { timeUnit: 'day', periods: 'calendar', asOf: '1997-12-31' }],
  ['cdnow_sample', { timeUnit: 'week', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' }],
  ['cdnow_sample', { timeUnit: 'week', periods: 'calendar', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' }],
  ['cdnow_master', { timeUnit: 'week' }],
  ['cdnow_master', { timeUnit: 'day', periods: 'calendar' }],
  ['cdnow_master', { timeUnit: 'week', calibrationEnd: '1997-09-30' }],
  ['example', { timeUnit: 'month', columns: { cost: 'cost' } }],
  ['example', { timeUnit: 'year', periods: 'calendar', columns: { cost: 'cost' } }],
  ['example_returns', { timeUnit: 'week', columns: { cost: 'cost' } }],
  ['example_returns', { timeUnit: 'day', columns: { cost: 'cost' }, returns: 'drop', asOf: '2025-06-30' }],
  ['example_returns', { timeUnit: 'month', periods: 'calendar', columns: { cost: 'cost' }, calibrationEnd: '2025-06-30' }],
];

const caseName = (i: number): string => `summary ${i}`;

/** The JS customers a summary case must equal. */
function jsCustomers(t: EngineTable, o: Options) {
  let table = t.table;
  if (o.returns === 'drop') {
    // The table without its returns: what summarizeCustomers sees after returns: 'drop'.
    const keep = [...table.amount.keys()].filter((i) => table.amount[i]! >= 0);
    const pick = <A extends Float64Array | Int32Array>(a: A): A => a.constructor === Float64Array ? (Float64Array.from(keep, (i) => a[i]!) as A) : (Int32Array.from(keep, (i) => a[i]!) as A);
    table = { ...table, length: keep.length, customer: pick(table.customer), day: pick(table.day), amount: pick(table.amount), cost: table.cost === null ? null : pick(table.cost) };
  }
  const unit = { timeUnit: o.timeUnit ?? 'day', periods: o.periods ?? 'exact' } as const;
  if (o.calibrationEnd !== undefined) return calibrationAndHoldout(table, { calibrationEnd: o.calibrationEnd, ...(o.observationEnd ? { observationEnd: o.observationEnd } : {}), ...unit }).customers;
  return summarizeCustomers(table, { ...(o.asOf ? { asOf: o.asOf as string } : {}), ...unit }).customers;
}

const SAMPLE_WEEKS: Options = { timeUnit: 'week', asOf: '1997-09-30' };
const js = summarizeCustomerColumns(tables.cdnow_sample.table, SAMPLE_WEEKS as { timeUnit: 'week'; asOf: string }).columns;
const bg = fitBgNbd(js.btyd);
const gg = fitGammaGamma({ frequency: js.btyd.frequency, monetaryValue: js.btyd.monetaryValue });

/** The distinct (x, t_x, T) rows of the JS summary: the rows scoreSql scores (the engine's are the same doubles). */
function distinctRows(): { frequency: Float64Array; recency: Float64Array; T: Float64Array } {
  const seen = new Map<string, [number, number, number]>();
  for (let i = 0; i < js.length; i++) seen.set(`${js.btyd.frequency[i]},${js.btyd.recency[i]},${js.btyd.T[i]}`, [js.btyd.frequency[i]!, js.btyd.recency[i]!, js.btyd.T[i]!]);
  const rows = [...seen.values()];
  return { frequency: Float64Array.from(rows, (r) => r[0]), recency: Float64Array.from(rows, (r) => r[1]), T: Float64Array.from(rows, (r) => r[2]) };
}
const HORIZON = { amount: 39, unit: 'week' } as const;
const DISCOUNT = { rate: 0.1, per: 'year' } as const;

/** Every query of the batch for a dialect, named; `source` gives the table reference for a table. */
export function engineQueries(dialect: SqlDialect): EngineQuery[] {
  const queries: EngineQuery[] = SUMMARY_CASES.map(([name, o], i) => ({ name: caseName(i), sql: summarySql({ dialect, source: tables[name].name, ...o }) }));
  const compressed = compressedSummarySql({ dialect, source: tables.cdnow_sample.name, ...SAMPLE_WEEKS });
  queries.push({ name: 'compressed purchases', sql: compressed.purchases }, { name: 'compressed spend', sql: compressed.spend });
  const summary = { query: summarySql({ dialect, source: tables.cdnow_sample.name, ...SAMPLE_WEEKS }) };
  queries.push({ name: 'p_alive closed form', sql: `SELECT s.customer_id, ${probabilityAliveSql(bg, dialect)} AS p_alive FROM (${summary.query}) AS s` });
  const score = scoreSql(bg, { dialect, purchases: distinctRows(), asOf: '1997-09-30', horizon: HORIZON, discountRate: DISCOUNT, modelTimeUnit: 'week', summary });
  queries.push({ name: 'score join', sql: score.joinSql });
  return queries;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
const num = (v: number | string | null | undefined): number => (v === null || v === undefined ? Number.NaN : Number(v));

/** Checks one batch's results (by query name) against the JS path; a mismatch names the customer and field. */
export function checkEngineResults(results: ReadonlyMap<string, readonly EngineRow[]>, only?: 'summaries' | 'fits' | 'scores'): void {
  const get = (name: string): readonly EngineRow[] => {
    const rows = results.get(name);
    expect(rows, `no result for ${name}`).toBeDefined();
    return rows!;
  };
  if (only === undefined || only === 'summaries') {
    SUMMARY_CASES.forEach(([name, o], i) => {
      expect(firstDifference(get(caseName(i)), jsCustomers(tables[name], o)), `${name} ${JSON.stringify(o)}`).toBeNull();
    });
  }
  if (only === undefined || only === 'fits') {
    const p = get('compressed purchases');
    const s = get('compressed spend');
    const col = (rows: readonly EngineRow[], k: string): Float64Array => Float64Array.from(rows, (r) => num(r[k]));
    const weights = col(p, 'weight');
    expect(weights.reduce((a, b) => a + b, 0)).toBe(2357);
    const fit = fitBgNbd({ frequency: col(p, 'frequency'), recency: col(p, 'recency'), T: col(p, 'T') }, { weights });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(rel(fit.params[k], bg.params[k]), `BG/NBD ${k}`).toBeLessThanOrEqual(1e-9);
    expect(rel(fit.logLikelihood, bg.logLikelihood)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.05);
    const spendRows = { frequency: col(s, 'frequency'), monetaryValue: col(s, 'monetary_value') };
    const spend = fitGammaGamma(spendRows, { weights: col(s, 'weight') });
    expect(rel(spend.logLikelihood, gg.logLikelihood)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(spend.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.01);
    // Parameters: at the default stop within 1e-6 (the flat p-gamma ridge, test/sql/gammaGammaMaximum.ts);
    // the maxima located from the gradient agree to 1e-9.
    for (const k of ['p', 'q', 'gamma'] as const) expect(rel(spend.params[k], gg.params[k]), `Gamma-Gamma ${k}`).toBeLessThanOrEqual(1e-6);
    const engineMax = polishGammaGamma({ ...spendRows, weights: col(s, 'weight') }, spend.params);
    const jsMax = polishGammaGamma(js.btyd, gg.params);
    for (const k of ['p', 'q', 'gamma'] as const) expect(rel(engineMax[k], jsMax[k]), `Gamma-Gamma maximum ${k}`).toBeLessThanOrEqual(1e-9);
  }
  if (only === undefined || only === 'scores') {
    const index = new Map(js.customerIds.map((id, i) => [String(id), i]));
    const pAlive = bg.probabilityAliveMany(js.btyd);
    for (const row of get('p_alive closed form')) {
      const i = index.get(String(row['customer_id']))!;
      expect(Math.abs(num(row['p_alive']) - pAlive[i]!), `customer ${String(row['customer_id'])}, p_alive (closed form): engine ${row['p_alive']}, JS ${pAlive[i]}`).toBeLessThanOrEqual(1e-12);
    }
    const clv = predictClv(bg, gg, { purchase: js.btyd, spend: js.btyd }, { asOf: '1997-09-30', horizon: HORIZON, discountRate: DISCOUNT, modelTimeUnit: 'week' });
    const joined = get('score join');
    expect(joined.length).toBe(js.length);
    for (const row of joined) {
      const i = index.get(String(row['customer_id']))!;
      const want: Record<string, number> = { p_alive: pAlive[i]!, expected_purchases: clv.expectedPurchases[i]! };
      for (const [f, v] of Object.entries(want)) {
        const got = num(row[f]);
        expect(Math.abs(got - v) <= 1e-9 * Math.max(1, Math.abs(v)), `customer ${String(row['customer_id'])}, ${f}: engine ${got}, JS ${v}`).toBe(true);
      }
    }
  }
}
