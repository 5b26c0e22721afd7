import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateTransactions } from '../../src/index.js';
import { readSharedCsv, round2HalfUp, SHARED_DATA } from '../helpers/sharedData.js';

// Runs the built command line (npm test builds before running vitest).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.LOYALTY_SCORE_CLI ?? resolve(ROOT, 'dist/cli.js');

function cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe.runIf(existsSync(CLI))('loyalty-score command line', () => {
  it('summarizes the CDNOW sample exactly as the published summary, with holdout counts', () => {
    const sample = resolve(SHARED_DATA, 'CDNOW_sample.txt');
    const r = cli(['summarize', sample, '--customer', '2', '--date', '3', '--amount', '5', '--date-format', 'yyyyMMdd', '--time-unit', 'week', '--calibration-end', '1997-09-30', '--as-of', '1998-06-30']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    const published = readSharedCsv('cdnow_customers_summary_with_transactions.csv');
    const cbs = readSharedCsv('btyd/cdnowSummary_cbs.csv');
    expect(rows).toHaveLength(2357);
    const bad = rows.filter((row, i) => {
      const p = published[i]!;
      return (
        row.customer_id !== p.ID ||
        Number(row.btyd_frequency) !== Number(p.x) ||
        // The published file rounds half-up to 2 decimals: compare the same way, exactly.
        round2HalfUp(Number(row.btyd_recency)) !== Number(p.t_x) ||
        round2HalfUp(Number(row.btyd_T)) !== Number(p.T) ||
        round2HalfUp(Number(row.btyd_monetary_value)) !== Number(p.zbar) ||
        Number(row.holdout_frequency) !== Number(cbs[i]!['x.star'])
      );
    });
    expect(bad).toEqual([]);
    expect(r.stderr).toContain('2357 customers');
  });

  it('writes JSON and NDJSON', () => {
    const text = 'customer,date,amount\nA,2024-01-01,5\nA,2024-01-03,7\n';
    const json = JSON.parse(cli(['summarize', '-', '--format', 'json'], text).stdout) as Record<string, unknown>[];
    expect(json).toEqual([
      expect.objectContaining({ customer_id: 'A', btyd_frequency: 1, btyd_recency: 2, btyd_T: 2, btyd_monetary_value: 7, revenue: 12, cost: null }),
    ]);
    const nd = cli(['summarize', '-', '--format', 'ndjson'], text).stdout.trim().split('\n');
    expect(nd.map((l) => JSON.parse(l))).toEqual(json);
  });

  it('documents exit codes: 1 invalid data naming line and column, 2 usage, 3 unreadable file', () => {
    const bad = cli(['summarize', '-'], 'customer,date,amount\nA,2024-02-30,5\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 2, column 2 (date): not a valid date (expected yyyy-MM-dd)');
    expect(cli(['summarize']).code).toBe(2);
    expect(cli(['summarize', 'x.csv', '--time-unit', 'fortnight']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['summarize', 'does-not-exist.csv']).code).toBe(3);
    expect(cli(['--help']).stdout).toContain('Exit codes');
    expect(cli(['summarize', '--help']).stdout).toContain('--date-format');
  });

  it('skips and reports invalid lines with --on-invalid collect', () => {
    const r = cli(['summarize', '-', '--on-invalid', 'collect'], 'customer,date,amount\nA,2024-01-01,5\nB,nope,1\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 invalid line skipped');
    expect(r.stderr).toContain('line 3, column 2 (date)');
    expect(parseCsv(r.stdout)).toHaveLength(1);
  });

  it('regenerates the bundled example data exactly (same seed, same file)', () => {
    const r = cli(['simulate', '--customers', '3000', '--seed', '2024', '--start', '2024-01-01', '--end', '2025-12-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(resolve(ROOT, 'examples/data/transactions.csv'), 'utf8'));
    const rows = simulateTransactions({ customers: 3000, seed: 2024, start: '2024-01-01', end: '2025-12-31' });
    expect(r.stdout.trim().split('\n')).toHaveLength(rows.length + 1);
  });
});
