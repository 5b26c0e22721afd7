import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bgNbd, gammaGamma, predictClv, summarizeCustomers } from '../../../src/index.js';
import { discountStep } from '../../../src/pipeline/discountStep.js';
import { toEpochDay } from '../../../src/time/toEpochDay.js';
import { CLI, cli, parseCsvRecords, ROOT } from '../../cli/runCli.js';
import { firstDifference } from '../../sql/compareSummaries.js';
import { tables } from '../engineCases.js';
import { connect, ident, load, PG_URL, skipWithoutServer } from './pgTestServer.js';

// `--engine postgres` as a user runs it: the built command line in a real process against the
// real server. The summary table it writes equals summarizeCustomers row for row (counts and
// dates identical, money and durations within 1e-9); the score table's predictions equal the JS
// models' (P(alive), expected purchases and spend, CLV within 1e-9) at the parameters the same
// command fits, and those parameters are the per-customer fit's within the optimiser's tolerance.
const schema = `loyalty_cli_${process.pid}`;
const example = tables.example;
const WEEK = { timeUnit: 'week' } as const;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));
let client: pg.Client;

describe.skipIf(skipWithoutServer('test/engines/postgres (CLI)'))('loyalty-score --engine postgres', () => {
  const base = (): string[] => ['--engine', 'postgres', '--connection', PG_URL!];
  beforeAll(async () => {
    client = await connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
    await load(client, `${schema}.example`, example.table);
  });
  afterAll(async () => {
    await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client?.end();
  });

  it('summarize --output-table writes summarizeCustomers rows into the table (every customer and field)', async () => {
    const run = cli(['summarize', ...base(), '--table', `${schema}.example`, '--time-unit', 'week', '--output-table', `${schema}.summary`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^3000 customers as of 2025-12-31 \\(summarised in PostgreSQL, written to table ${schema}.summary\\)`));
    const rows = (await client.query(`SELECT * FROM ${schema}.summary`)).rows;
    expect(rows.length).toBe(3000);
    expect(firstDifference(rows, summarizeCustomers(example.table, WEEK).customers)).toBeNull();
  });

  it('summarize without --output-table streams the same rows as CSV on stdout', () => {
    const run = cli(['summarize', ...base(), '--table', `${schema}.example`, '--time-unit', 'day', '--periods', 'calendar']);
    expect(run.code, run.stderr).toBe(0);
    const { rows } = parseCsvRecords(run.stdout);
    const typed = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : /^(customer_id|first_purchase|last_purchase)$/.test(k) ? v : Number(v)])));
    expect(firstDifference(typed, summarizeCustomers(example.table, { timeUnit: 'day', periods: 'calendar' }).customers)).toBeNull();
  });

  it('score --output-table writes P(alive), expected purchases and spend and CLV equal to the JS models at the fitted parameters', async () => {
    const fit = cli(['fit', ...base(), '--table', `${schema}.example`, '--format', 'json']);
    expect(fit.code, fit.stderr).toBe(0);
    const report = JSON.parse(fit.stdout) as { engine: string; customers: number; models: { model: string; params: Record<string, number>; logLikelihood: number }[]; spend: { params: Record<string, number>; logLikelihood: number } };
    expect(report.engine).toBe('postgres');
    expect(report.customers).toBe(3000);
    // The per-customer fits of the in-process command, within the optimiser's tolerance.
    const plain = JSON.parse(cli(['fit', 'examples/data/transactions.csv', '--format', 'json']).stdout) as typeof report;
    expect(rel(report.models[0]!.logLikelihood, plain.models[0]!.logLikelihood)).toBeLessThan(1e-9);
    for (const [k, v] of Object.entries(report.models[0]!.params)) expect(Math.abs(v - plain.models[0]!.params[k]!) / v, k).toBeLessThan(1e-6);
    for (const [k, v] of Object.entries(report.spend.params)) expect(Math.abs(v - plain.spend.params[k]!) / v, k).toBeLessThan(1e-6);

    const run = cli(['score', ...base(), '--table', `${schema}.example`, '--output-table', `${schema}.scores`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^3000 customers as of 2025-12-31; model bgnbd on \d+ distinct \(x, t_x, T\) rows/m);
    const rows = (await client.query(`SELECT * FROM ${schema}.scores`)).rows as Record<string, number | string | null>[];
    expect(rows.length).toBe(3000);
    const summaries = summarizeCustomers(example.table, WEEK).customers;
    const p = report.models[0]!.params as { r: number; alpha: number; a: number; b: number };
    const s = report.spend.params as { p: number; q: number; gamma: number };
    const model = bgNbd(p);
    const horizon = { amount: 1, unit: 'year' } as const;
    const clv = predictClv(model, gammaGamma(s), summaries, { asOf: '2025-12-31', horizon, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week', step: discountStep(toEpochDay('2025-12-31', 'asOf'), horizon, 'week') });
    const alive = model.probabilityAliveMany(summaries.map((c) => c.btyd));
    const index = new Map(summaries.map((c, i) => [String(c.customerId), i]));
    expect(firstDifference(rows.map(({ p_alive: _a, expected_purchases: _e, expected_spend: _s, clv: _c, ...summary }) => summary), summaries)).toBeNull();
    for (const row of rows) {
      const i = index.get(String(row['customer_id']))!;
      const want = { p_alive: alive[i]!, expected_purchases: clv.expectedPurchases[i]!, expected_spend: clv.expectedSpend[i]!, clv: clv.clv[i]! };
      for (const [f, v] of Object.entries(want)) {
        const got = Number(row[f]);
        expect(Math.abs(got - v) <= 1e-9 * Math.max(1, Math.abs(v)), `customer ${String(row['customer_id'])}, ${f}: PostgreSQL ${got}, JS ${v}`).toBe(true);
      }
    }
    // Without --output-table: the same rows as CSV on stdout.
    const stdout = cli(['score', ...base(), '--table', `${schema}.example`]);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(parseCsvRecords(stdout.stdout).rows.length).toBe(3000);
  });

  it('hostile table and column names stay names: nothing injected, the victim table survives', async () => {
    // The victim lives on the search path (public), where an injected unqualified DROP would find it.
    const victim = `loyalty_victim_${process.pid}`;
    await client.query(`CREATE TABLE ${victim} (x INTEGER)`);
    const drop = `DROP TABLE ${victim}`;
    const table = `tx"; ${drop}; --`;
    const names = { customer: `cust"id'); ${drop}; --`, date: "da'te\" --", amount: `amount) FROM x; ${drop}; --`, cost: 'cost"' };
    await load(client, `${schema}.${ident(table)}`, example.table, names);
    const output = `out"; ${drop}; --`;
    const run = cli(['summarize', ...base(), '--table', `${schema}.${table}`, '--customer', names.customer, '--date', names.date, '--amount', names.amount, '--cost', names.cost, '--time-unit', 'week', '--output-table', `${schema}.${output}`]);
    expect(run.code, run.stderr).toBe(0);
    const rows = (await client.query(`SELECT * FROM ${schema}.${ident(output)}`)).rows;
    expect(firstDifference(rows, summarizeCustomers(example.table, WEEK).customers)).toBeNull();
    const scored = cli(['score', ...base(), '--table', `${schema}.${table}`, '--customer', '1', '--date', '2', '--amount', '3', '--cost', '4', '--output-table', `${schema}.${output}`]);
    expect(scored.code, scored.stderr).toBe(0);
    expect((await client.query(`SELECT COUNT(*) AS n FROM ${schema}.${ident(output)}`)).rows[0].n).toBe(3000);
    expect((await client.query(`SELECT COUNT(*) AS n FROM ${victim}`)).rows[0].n).toBe(0);
    await client.query(`DROP TABLE ${victim}`);
  });

  it('a refused connection names host and port, never the password (exit 3); usage errors exit 2', () => {
    const refused = cli(['fit', '--engine', 'postgres', '--connection', 'postgres://alice:s3cret-pw@127.0.0.1:1/shop', '--table', 'orders']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('cannot connect to PostgreSQL at 127.0.0.1:1/shop as user alice: connection refused');
    expect(refused.stderr).not.toContain('s3cret-pw');
    expect(cli(['fit', ...base()]).stderr).toContain('--engine postgres needs --table NAME');
    expect(cli(['fit', 'file.csv', ...base(), '--table', 'x']).code).toBe(2);
    expect(cli(['score', ...base(), '--table', 'x', '--output', 'x.parquet']).code).toBe(2);
    expect(cli(['score', 'file.csv', '--connection', PG_URL!]).stderr).toContain('--connection needs --engine postgres');
    const missing = cli(['score', ...base(), '--table', `${schema}.no_such_table`]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no table');
  });

  it('without the optional peer pg installed, --engine postgres says how to install it (exit 2)', () => {
    // The built CLI beside a node_modules holding every runtime dependency but pg.
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-no-pg-'));
    try {
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      for (const f of readdirSync(dirname(CLI)).filter((f) => f.endsWith('.js'))) copyFileSync(join(dirname(CLI), f), join(bin, f));
      mkdirSync(join(dir, 'node_modules'));
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      for (const dep of Object.keys(pkg.dependencies)) {
        mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
        symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep));
      }
      const run = spawnSync(process.execPath, [join(bin, CLI.split('/').at(-1)!), 'fit', '--engine', 'postgres', '--table', 'orders'], { encoding: 'utf8', cwd: dir });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('npm install pg');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
