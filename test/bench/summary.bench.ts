import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { parseTransactions, summarizeCustomers } from '../../src/index.js';
import { generateCsv, generateRows, generateTable } from './generateTable.mjs';

// Peers for scale (measured on this machine, issue #2): Python lifetimes summarises 5M
// transactions in 6.5 s (975 MB peak); pandas needs 2 s just to read and group them.
// Every bench checks its result, so the work cannot be optimised away.
const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

function expectCustomers(actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`expected ${expected} customers, got ${actual}`);
}

describe('summarizeCustomers, columnar input', () => {
  const t1 = generateTable(1_000_000, 100_000);
  const t10 = generateTable(10_000_000, 1_000_000);
  const t10s = generateTable(10_000_000, 1_000_000, { shuffled: true });
  const count1 = summarizeCustomers(t1, { asOf: '2024-12-31' }).customers.length;
  const count10 = summarizeCustomers(t10, { asOf: '2024-12-31' }).customers.length;
  bench('1M transactions, 100k customers', () => {
    expectCustomers(summarizeCustomers(t1, { asOf: '2024-12-31', timeUnit: 'week' }).customers.length, count1);
  }, { iterations: 5, warmupIterations: 1 });
  bench('10M transactions, 1M customers, in day order', () => {
    expectCustomers(summarizeCustomers(t10, { asOf: '2024-12-31', timeUnit: 'week' }).customers.length, count10);
  }, { iterations: 3, warmupIterations: 1 });
  bench('10M transactions, 1M customers, shuffled', () => {
    expectCustomers(summarizeCustomers(t10s, { asOf: '2024-12-31', timeUnit: 'week' }).customers.length, count10);
  }, { iterations: 3, warmupIterations: 1 });
});

describe('parseTransactions + summarizeCustomers, 1M plain-object rows', () => {
  const rows = generateRows(1_000_000, 100_000);
  const expected = summarizeCustomers(parseTransactions(rows).table).customers.length;
  bench('parse and summarize 1M rows', () => {
    const { table } = parseTransactions(rows);
    expectCustomers(summarizeCustomers(table, { asOf: '2024-12-31', timeUnit: 'week' }).customers.length, expected);
  }, { iterations: 5, warmupIterations: 1 });
});

describe('command line, 1M-row CSV streamed end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-score-bench-'));
  const file = join(dir, 'transactions-1M.csv');
  writeFileSync(file, generateCsv(1_000_000, 100_000));
  const expected = summarizeCustomers(generateTable(1_000_000, 100_000)).customers.length;
  bench('loyalty-score summarize (node start-up included)', () => {
    const r = spawnSync(process.execPath, [CLI, 'summarize', file, '--time-unit', 'week'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(r.stderr);
    if (!r.stderr.startsWith(`${expected} customers`)) throw new Error(`expected ${expected} customers: ${r.stderr}`);
  }, { iterations: 5, warmupIterations: 1 });
});
