import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignTiers,
  bgNbd,
  classifyLoyaltyType,
  classifyPyramid,
  deriveBehaviourSignals,
  fitBgNbd,
  fitGammaGamma,
  predictClv,
  scoreRfm,
  summarizeCustomers,
  TransactionTextReader,
  type CustomerSummary,
  type TransactionTable,
} from '../../src/index.js';
import { SHARED_DATA } from '../helpers/sharedData.js';
import { withAmounts } from '../helpers/withAmounts.js';
import { cli, CLI, parseCsvRecords, ROOT } from './runCli.js';

const EXAMPLE = resolve(ROOT, 'examples/data/transactions.csv');
const SURVEY = resolve(ROOT, 'examples/data/survey.csv');

/** The score table's columns, in order: the command's output contract. */
const COLUMNS = [
  'customer_id', 'first_purchase', 'last_purchase', 'revenue', 'cost', 'profit',
  'rfm_recency', 'rfm_frequency', 'rfm_monetary',
  'btyd_frequency', 'btyd_recency', 'btyd_T', 'btyd_monetary_value',
  'r_score', 'f_score', 'm_score', 'rfm_cell', 'rfm_segment',
  'tier', 'tier_rank', 'tier_value',
  'pyramid_level', 'pyramid_label', 'pyramid_rule', 'pyramid_confidence', 'pyramid_reasons',
  'loyalty_type', 'loyalty_quadrant', 'loyalty_rule', 'loyalty_confidence', 'loyalty_reasons', 'survey',
  'model', 'p_alive', 'expected_purchases', 'expected_spend', 'margin', 'clv',
] as const;
/** What --explain adds (after the reason codes). */
const EXPLAINED = [
  ...COLUMNS.slice(0, COLUMNS.indexOf('pyramid_reasons') + 1), 'pyramid_explanation',
  ...COLUMNS.slice(COLUMNS.indexOf('loyalty_type'), COLUMNS.indexOf('loyalty_reasons') + 1), 'loyalty_explanation', 'missing_signals',
  ...COLUMNS.slice(COLUMNS.indexOf('survey')),
];
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;
const TEXT = new Set<string>(['customer_id', 'first_purchase', 'last_purchase', 'rfm_cell', 'rfm_segment', 'tier', 'pyramid_label', 'pyramid_rule', 'pyramid_reasons', 'pyramid_explanation', 'loyalty_type', 'loyalty_quadrant', 'loyalty_rule', 'loyalty_reasons', 'loyalty_explanation', 'missing_signals', 'survey', 'model']);
const ARRAYS = ['pyramid_reasons', 'pyramid_explanation', 'loyalty_reasons', 'loyalty_explanation', 'missing_signals'];

/** Cells that are empty, or numeric columns that do not hold a finite number; `allowEmpty` columns may be empty. */
function incomplete(rows: readonly Row[], allowEmpty: ReadonlySet<string> = new Set()): string[] {
  const bad: string[] = [];
  for (const row of rows) {
    for (const c of COLUMNS) {
      const v = row[c];
      if (v === undefined) bad.push(`${row.customer_id}: ${c} missing`);
      else if (v === '') {
        if (!allowEmpty.has(c)) bad.push(`${row.customer_id}: ${c} empty`);
      } else if (!TEXT.has(c) && !Number.isFinite(Number(v))) bad.push(`${row.customer_id}: ${c} = ${v}`);
    }
    if (bad.length > 20) break;
  }
  return bad;
}

function readTable(path: string): TransactionTable {
  const reader = new TransactionTextReader();
  reader.push(readFileSync(path, 'utf8'));
  return withAmounts(reader.finish());
}

describe.runIf(existsSync(CLI))('loyalty-score score', () => {
  let csv: { code: number | null; stdout: string; stderr: string };
  let rows: Row[];
  let header: string[];
  beforeAll(() => {
    csv = cli(['score', EXAMPLE]);
    ({ header, rows } = parseCsvRecords<Column>(csv.stdout));
  });

  it('writes a complete table for the example data: every customer, every column, no NaN', () => {
    expect(csv.code).toBe(0);
    expect(header).toEqual(COLUMNS);
    expect(rows).toHaveLength(3000);
    expect(incomplete(rows)).toEqual([]);
    expect(csv.stderr).toContain('3000 customers as of 2025-12-31');
    for (const r of rows) {
      expect(Number(r.p_alive)).toBeGreaterThanOrEqual(0);
      expect(Number(r.p_alive)).toBeLessThanOrEqual(1);
      expect(Number(r.expected_purchases)).toBeGreaterThanOrEqual(0);
      expect(Number(r.expected_spend)).toBeGreaterThan(0);
      expect(['1', '2', '3', '4']).toContain(r.pyramid_level);
      expect(r.model).toBe('bgnbd');
      expect(r.rfm_cell).toBe(`${r.r_score}${r.f_score}${r.m_score}`);
    }
  });

  it('partitions the customers into tiers by revenue rank (1 %, 4 %, 15 %, 80 %)', () => {
    const counts = { A: 0, B: 0, C: 0, D: 0 } as Record<string, number>;
    for (const r of rows) counts[r.tier] = (counts[r.tier] ?? 0) + 1;
    expect(counts).toEqual({ A: 30, B: 120, C: 450, D: 2400 });
    const byRank = [...rows].sort((a, b) => Number(a.tier_rank) - Number(b.tier_rank));
    expect(byRank.map((r) => Number(r.tier_rank))).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    for (let i = 1; i < byRank.length; i++) {
      expect(Number(byRank[i]!.revenue)).toBeLessThanOrEqual(Number(byRank[i - 1]!.revenue));
      expect(byRank[i]!.tier >= byRank[i - 1]!.tier).toBe(true);
    }
    expect(rows.every((r) => r.tier_value === r.revenue)).toBe(true);
  });

  it('joins the library results customer by customer (summary, RFM, tier, loyalty, model, CLV)', () => {
    const table = readTable(EXAMPLE);
    const summary = summarizeCustomers(table, { timeUnit: 'week' });
    const customers: CustomerSummary[] = summary.customers;
    const rfm = scoreRfm(customers);
    const tiers = new Map(assignTiers(customers).customers.map((t) => [t.customerId, t]));
    const signals = new Map(deriveBehaviourSignals(table).customers.map((s) => [s.customerId, s]));
    const fit = fitBgNbd(customers);
    const model = bgNbd(fit.params);
    const gg = fitGammaGamma(customers);
    const clv = predictClv(model, gg, customers, { asOf: summary.asOf, horizon: { amount: 1, unit: 'year' }, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week' });
    // The CLI writes numbers rounded to 9 decimal places (src/cli/writeTable.ts tidyNumber):
    // half a unit of the 9th decimal, plus a relative margin for the large values it writes
    // with 15 significant digits.
    const close = (a: string, b: number): boolean => Math.abs(Number(a) - b) <= 5e-10 + 1e-12 + 1e-9 * Math.abs(b);
    const bad: string[] = [];
    customers.forEach((s, i) => {
      const r = rows[i]!;
      const sig = signals.get(s.customerId)!;
      const checks: [string, boolean][] = [
        ['id', r.customer_id === String(s.customerId)],
        ['btyd_T', close(r.btyd_T, s.btyd.T)],
        ['revenue', close(r.revenue, s.revenue)],
        ['profit', close(r.profit, s.profit!)],
        ['rfm', r.rfm_cell === rfm.customers[i]!.cell && r.rfm_segment === rfm.customers[i]!.segment],
        ['tier', r.tier === tiers.get(s.customerId)!.tier && Number(r.tier_rank) === tiers.get(s.customerId)!.rank],
        ['pyramid', Number(r.pyramid_level) === classifyPyramid(sig).level],
        ['type', r.loyalty_type === classifyLoyaltyType(sig).type],
        ['p_alive', close(r.p_alive, model.probabilityAlive(s.btyd))],
        ['expected_purchases', close(r.expected_purchases, clv.expectedPurchases[i]!)],
        ['margin', close(r.margin, s.profit! / s.revenue)],
        ['clv', close(r.clv, clv.clv[i]!)],
      ];
      for (const [name, ok] of checks) if (!ok && bad.length < 20) bad.push(`${String(s.customerId)} ${name}`);
    });
    expect(bad).toEqual([]);
  });

  it('agrees with summarize on the summary columns', () => {
    const s = parseCsvRecords<Column>(cli(['summarize', EXAMPLE, '--time-unit', 'week']).stdout).rows;
    expect(s).toHaveLength(rows.length);
    const cols: Column[] = ['customer_id', 'first_purchase', 'last_purchase', 'revenue', 'cost', 'profit', 'rfm_recency', 'rfm_frequency', 'rfm_monetary', 'btyd_frequency', 'btyd_recency', 'btyd_T', 'btyd_monetary_value'];
    const diff = s.filter((row, i) => cols.some((c) => row[c] !== rows[i]![c]));
    expect(diff).toEqual([]);
  });

  it('writes JSON with arrays for the reasons, and NDJSON with the same objects', () => {
    const text = 'customer,date,amount\nA,2024-01-01,5\nA,2024-01-03,7\nA,2024-01-09,6\nB,2024-01-02,3\nB,2024-01-04,9\nC,2024-01-02,4\nD,2024-01-10,8\n';
    const plain = JSON.parse(cli(['score', '-', '--format', 'json', '--time-unit', 'day'], text).stdout) as Record<string, unknown>[];
    expect(plain.map((r) => Object.keys(r))).toEqual(plain.map(() => COLUMNS));
    const json = JSON.parse(cli(['score', '-', '--format', 'json', '--time-unit', 'day', '--explain'], text).stdout) as Record<string, unknown>[];
    expect(json).toHaveLength(4);
    for (const row of json) {
      expect(Object.keys(row)).toEqual(EXPLAINED);
      for (const c of ARRAYS) expect(Array.isArray(row[c])).toBe(true);
      expect((row.pyramid_reasons as string[]).length).toBeGreaterThan(0);
      expect((row.pyramid_explanation as string[]).length).toBe((row.pyramid_reasons as string[]).length);
      expect(typeof row.clv).toBe('number');
      expect(row.cost).toBeNull();
    }
    const nd = cli(['score', '-', '--format', 'ndjson', '--time-unit', 'day', '--explain'], text).stdout.trim().split('\n');
    expect(nd.map((l) => JSON.parse(l))).toEqual(json);
    const c = parseCsvRecords<string>(cli(['score', '-', '--time-unit', 'day', '--explain'], text).stdout).rows as Record<string, string>[];
    expect(c.map((r) => r.pyramid_reasons)).toEqual(json.map((r) => (r.pyramid_reasons as string[]).join(';')));
    expect(c.map((r) => r.pyramid_explanation)).toEqual(json.map((r) => (r.pyramid_explanation as string[]).join(' ')));
    expect(c.map((r) => Number(r.clv))).toEqual(json.map((r) => r.clv));
  });

  it('scores a customer first seen on the as-of date (T = 0) as just acquired', () => {
    const text = 'customer,date,amount\nA,2024-01-01,5\nA,2024-01-15,7\nA,2024-02-09,6\nB,2024-01-02,3\nB,2024-02-04,9\nC,2024-01-05,4\nD,2024-03-01,8\n';
    const r = cli(['score', '-', '--format', 'json', '--horizon', '4w'], text);
    expect(r.code).toBe(0);
    const d = (JSON.parse(r.stdout) as Record<string, number | string>[]).find((x) => x.customer_id === 'D')!;
    expect(d.btyd_T).toBe(0);
    const fit = JSON.parse(cli(['fit', '-', '--format', 'json'], text).stdout) as { models: { params: { r: number; alpha: number; a: number; b: number } }[] };
    const model = bgNbd(fit.models[0]!.params);
    expect(d.p_alive).toBe(1);
    expect(Math.abs((d.expected_purchases as number) - model.expectedPurchasesNewCustomer(4))).toBeLessThan(1e-8);
  });

  it('joins survey answers: more evidence, committed customers, the report says how many', () => {
    const r = cli(['score', EXAMPLE, '--survey', SURVEY]);
    expect(r.code).toBe(0);
    const s = parseCsvRecords<Column>(r.stdout).rows;
    const surveyIds = readFileSync(SURVEY, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(s.filter((x) => x.survey === 'true').map((x) => x.customer_id).sort()).toEqual([...surveyIds].sort());
    expect(s.some((x) => x.pyramid_level === '4')).toBe(true);
    expect(rows.some((x) => x.pyramid_level === '4')).toBe(false);
    expect(r.stderr).toContain(`survey answers for ${surveyIds.length} customers`);
    // Behaviour-derived columns do not depend on the survey.
    expect(s.map((x) => x.clv)).toEqual(rows.map((x) => x.clv));
  });

  it('names the survey file, line and column of a bad answer (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-survey-'));
    try {
      const file = join(dir, 'survey.csv');
      writeFileSync(file, 'customer_id,satisfaction,has_alternatives\nC0003,4,true\nC0004,9,false\n');
      const bad = cli(['score', EXAMPLE, '--survey', file]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`${file}: line 3, column 2 (satisfaction): expected a number from 1 to 5`);
      writeFileSync(file, 'customer_id,happiness\nC0003,4\n');
      expect(cli(['score', EXAMPLE, '--survey', file]).stderr).toContain('line 1, column 2 (happiness): not a survey item');
      // The same answer is fine on a 0-10 scale.
      writeFileSync(file, 'customer_id,satisfaction\nC0004,9\n');
      expect(cli(['score', EXAMPLE, '--survey', file, '--survey-scale', '0-10', '--limit', '1']).code).toBe(0);
      expect(cli(['score', EXAMPLE, '--survey', join(dir, 'missing.csv')]).code).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ranks tiers by profit on request, and refuses it without a cost column', () => {
    const r = parseCsvRecords<Column>(cli(['score', EXAMPLE, '--tier-by', 'profit']).stdout).rows;
    expect(r.every((x) => x.tier_value === x.profit)).toBe(true);
    expect(cli(['score', '-', '--tier-by', 'profit'], 'customer,date,amount\nA,2024-01-01,5\n').code).toBe(2);
  });

  it('applies --margin, --horizon and --discount-rate', () => {
    const base = rows.slice(0, 50);
    const flat = parseCsvRecords<Column>(cli(['score', EXAMPLE, '--margin', '1', '--discount-rate', '0', '--limit', '50']).stdout).rows;
    expect(flat).toHaveLength(50);
    for (let i = 0; i < 50; i++) {
      const f = flat[i]!;
      expect(Number(f.margin)).toBe(1);
      // Undiscounted, margin 1: CLV = expected spend x expected purchases.
      // Each of the three values is rounded to 9 decimals: the product can differ by the rounding
      // of its factors, 5e-10 times the other factor.
      const roundingBound = 5e-10 * (Number(f.expected_spend) + Number(f.expected_purchases) + 1) + 1e-9 * Math.max(1, Number(f.clv));
      expect(Math.abs(Number(f.clv) - Number(f.expected_spend) * Number(f.expected_purchases))).toBeLessThan(roundingBound);
      // The default discounts (10 % a year) and keeps profit / revenue: never more.
      expect(Math.abs(Number(base[i]!.clv))).toBeLessThanOrEqual(Math.abs(Number(base[i]!.margin)) * Number(f.clv) + 1e-9);
    }
    const two = parseCsvRecords<Column>(cli(['score', EXAMPLE, '--horizon', '2y', '--limit', '50']).stdout).rows;
    for (let i = 0; i < 50; i++) expect(Number(two[i]!.expected_purchases)).toBeGreaterThanOrEqual(Number(base[i]!.expected_purchases));
  });

  it('sorts by lifetime value and limits', () => {
    const r = parseCsvRecords<Column>(cli(['score', EXAMPLE, '--sort', 'clv', '--limit', '10']).stdout).rows;
    const top = [...rows].sort((a, b) => Number(b.clv) - Number(a.clv)).slice(0, 10);
    expect(r.map((x) => x.customer_id)).toEqual(top.map((x) => x.customer_id));
  });

  it('picks the best model on a holdout and reports the comparison on stderr', () => {
    const r = cli(['score', EXAMPLE, '--model', 'best', '--limit', '5']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toContain('model selection: calibration to 2025-05-01, holdout to 2025-12-31');
    const table = lines.filter((l) => /^\s+(BG\/NBD|Pareto\/NBD|MBG\/NBD)/.test(l)).map((l) => {
      const cells = l.trim().split(/\s+/);
      return { name: cells[0]!, star: cells[1] === '*', rmse: Number(cells[cells[1] === '*' ? 2 : 1]) };
    });
    expect(table.map((t) => t.name)).toEqual(['BG/NBD', 'Pareto/NBD', 'MBG/NBD']);
    expect(table.filter((t) => t.star)).toHaveLength(1);
    const best = table.find((t) => t.star)!;
    expect(best.rmse).toBe(Math.min(...table.map((t) => t.rmse)));
    const chosen = parseCsvRecords<Column>(r.stdout).rows[0]!.model;
    expect({ 'BG/NBD': 'bgnbd', 'Pareto/NBD': 'paretonbd', 'MBG/NBD': 'mbgnbd' }[best.name]).toBe(chosen);
    // An explicit calibration end moves the split.
    const r2 = cli(['score', EXAMPLE, '--model', 'best', '--calibration-end', '2025-06-30', '--limit', '1']);
    expect(r2.stderr).toContain('calibration to 2025-06-30');
  });

  it('scores all 23,570 CDNOW customers into a complete table', () => {
    const r = cli(['score', resolve(SHARED_DATA, 'CDNOW_master.txt'), '--amount', '4', '--date-format', 'yyyyMMdd']);
    expect(r.code).toBe(0);
    const { header: h, rows: cd } = parseCsvRecords<Column>(r.stdout);
    expect(h).toEqual(COLUMNS);
    expect(cd).toHaveLength(23570);
    // No cost column: cost and profit are null (empty), everything else is defined.
    expect(incomplete(cd, new Set(['cost', 'profit']))).toEqual([]);
    expect(cd.every((x) => x.cost === '' && x.profit === '' && x.margin === '1')).toBe(true);
    expect(cd[0]!.customer_id).toBe('1');
    expect(r.stderr).toContain('1 repeat customer with zero mean spend left out of the Gamma-Gamma fit');
  });
});
