import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, parseCsvRecords } from '../../cli/runCli.js';

// `--engine duckdb` as a user runs it: the built command line in a real process. The numbers are
// those of the in-process commands on the same file (summarize row for row, fit's parameters,
// score's model columns), read back from DuckDB's own output.
const inCi = process.env['CI'] === 'true';
const EXAMPLE = 'examples/data/transactions.csv';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loyalty-engine-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe.skipIf(!inCi && !existsSync(CLI))('loyalty-score --engine duckdb', () => {
  it('summarize writes the in-process rows (CSV on stdout, every field)', () => {
    const engine = cli(['summarize', EXAMPLE, '--engine', 'duckdb', '--time-unit', 'week']);
    expect(engine.code, engine.stderr).toBe(0);
    expect(engine.stderr).toMatch(/^3000 customers as of 2025-12-31 \(summarised in DuckDB\)/);
    const plain = cli(['summarize', EXAMPLE, '--time-unit', 'week']);
    const a = parseCsvRecords(engine.stdout);
    const b = parseCsvRecords(plain.stdout);
    expect(a.header).toEqual(b.header);
    expect(a.rows.length).toBe(3000);
    for (let i = 0; i < b.rows.length; i++) {
      for (const h of b.header) {
        const x = a.rows[i]![h]!;
        const y = b.rows[i]![h]!;
        const same = x === y || (x !== '' && y !== '' && close(Number(x), Number(y)));
        expect(same, `customer ${b.rows[i]!['customer_id']}, ${h}: DuckDB ${x}, in process ${y}`).toBe(true);
      }
    }
  });

  it('fit reports the in-process parameters (JSON)', () => {
    const engine = cli(['fit', EXAMPLE, '--engine', 'duckdb', '--model', 'all', '--format', 'json', '--memory-limit', '1GB']);
    expect(engine.code, engine.stderr).toBe(0);
    const plain = cli(['fit', EXAMPLE, '--model', 'all', '--format', 'json']);
    const e = JSON.parse(engine.stdout) as { engine: string; customers: number; models: { model: string; params: Record<string, number>; logLikelihood: number }[]; spend: { params: Record<string, number> } };
    const p = JSON.parse(plain.stdout) as typeof e;
    expect(e.engine).toBe('duckdb');
    expect(e.customers).toBe(p.customers);
    expect(e.models.map((m) => m.model)).toEqual(p.models.map((m) => m.model));
    // Same customers, rows in another order: the optimiser stops inside its tolerance (1e-6).
    e.models.forEach((m, i) => {
      expect(Math.abs(m.logLikelihood - p.models[i]!.logLikelihood)).toBeLessThan(1e-6);
      for (const [k, v] of Object.entries(m.params)) expect(Math.abs(v - p.models[i]!.params[k]!) / v, `${m.model} ${k}`).toBeLessThan(1e-6);
    });
    for (const [k, v] of Object.entries(e.spend.params)) expect(Math.abs(v - p.spend.params[k]!) / v, `gammagamma ${k}`).toBeLessThan(1e-6);
  });

  it('score --output FILE.parquet: DuckDB writes p_alive, expected purchases and spend, margin and CLV as score computes them', async () => {
    const output = join(dir, 'scores.parquet');
    const engine = cli(['score', EXAMPLE, '--engine', 'duckdb', '--output', output, '--memory-limit', '1GB']);
    expect(engine.code, engine.stderr).toBe(0);
    expect(engine.stdout).toBe('');
    expect(engine.stderr).toMatch(/3000 customers as of 2025-12-31; model bgnbd on \d+ distinct \(x, t_x, T\) rows/);
    const plain = parseCsvRecords(cli(['score', EXAMPLE]).stdout).rows;
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll(`SELECT * FROM '${output}'`)).getRowObjectsJS() as Record<string, unknown>[];
    conn.closeSync();
    instance.closeSync();
    expect(rows.length).toBe(plain.length);
    const byId = new Map(plain.map((r) => [r['customer_id'], r]));
    for (const row of rows) {
      const want = byId.get(String(row['customer_id']))!;
      // The CLI's CSV prints 6 significant digits or so; the fit agrees to 1e-6: compare at 1e-4.
      for (const f of ['p_alive', 'expected_purchases', 'expected_spend', 'margin', 'clv']) {
        const x = Number(row[f]);
        const y = Number(want[f]);
        expect(Math.abs(x - y) <= 1e-4 * Math.max(1, Math.abs(y)), `customer ${String(row['customer_id'])}, ${f}: DuckDB ${x}, in process ${y}`).toBe(true);
      }
    }
  });

  it('usage errors and exit codes: engine flags without --engine, in-process flags with it, a bad memory limit, a missing file', () => {
    expect(cli(['score', EXAMPLE, '--output', 'x.parquet']).code).toBe(2);
    expect(cli(['score', EXAMPLE, '--memory-limit', '1GB']).code).toBe(2);
    const delimiter = cli(['summarize', EXAMPLE, '--engine', 'duckdb', '--delimiter', 'comma']);
    expect(delimiter.code).toBe(2);
    expect(delimiter.stderr).toContain('--delimiter is not used with --engine duckdb');
    expect(cli(['score', EXAMPLE, '--engine', 'duckdb', '--memory-limit', 'lots']).stderr).toContain('--memory-limit must be a size');
    expect(cli(['score', EXAMPLE, '--engine', 'duckdb', '--output', 'scores.xlsx']).code).toBe(2);
    expect(cli(['fit', EXAMPLE, '--engine', 'duckdb', '--model', 'best']).code).toBe(2);
    expect(cli(['score', EXAMPLE, '--engine', 'duckdb', '--summary']).code).toBe(2);
    expect(cli(['fit', join(dir, 'missing-*.csv'), '--engine', 'duckdb']).code).toBe(3);
    expect(cli(['fit', EXAMPLE, '--engine', 'duckdb', '--amount', 'nope']).code).toBe(2);
  });
});
