// `score --intervals 0.9` through a real process: the eight bound columns after clv, bracketing
// the estimates; without the flag the output has none of them.
import { describe, expect, it } from 'vitest';
import { INTERVAL_COLUMNS } from '../../src/cli/scoreCells.js';
import { cli, parseCsvRecords } from './runCli.js';

const TX = 'examples/data/transactions.csv';

describe('loyalty-score score --intervals', () => {
  it('adds p_alive, expected_purchases, expected_spend and clv bounds after clv', () => {
    const r = cli(['score', TX, '--intervals', '0.9']);
    expect(r.code, r.stderr).toBe(0);
    const { header, rows } = parseCsvRecords(r.stdout);
    expect(header.slice(header.indexOf('clv') + 1)).toEqual([...INTERVAL_COLUMNS]);
    expect(rows.length).toBeGreaterThan(100);
    let inside = 0;
    for (const row of rows) {
      const [lo, v, hi] = [Number(row['clv_low']), Number(row['clv']), Number(row['clv_high'])];
      expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
      if (lo <= v * (1 + 1e-9) && v <= hi * (1 + 1e-9)) inside++;
      expect(Number(row['p_alive_low'])).toBeLessThanOrEqual(Number(row['p_alive_high']));
    }
    expect(inside / rows.length).toBeGreaterThan(0.99);
  });

  it('writes none of them without the flag, and refuses a level outside (0, 1)', () => {
    const r = cli(['score', TX, '--limit', '3']);
    expect(r.code).toBe(0);
    expect(parseCsvRecords(r.stdout).header.some((h) => h.endsWith('_low'))).toBe(false);
    const bad = cli(['score', TX, '--intervals', '90']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--intervals must be a level between 0 and 1/);
  });
});
