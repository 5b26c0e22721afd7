// The shop-export fixtures through the command line, as a user runs them: summarize and score
// against per-customer totals computed from the fixture generator's truth rows (revenue to the
// cent, BTYD frequency, recency and T in days); and the count-only grocery log through fit.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitPurchaseModel, parseTransactions, summarizeCustomerColumns } from '../../src/index.js';
import { FIXTURES } from '../fixtures/shop-exports/generate.mjs';
import { SHARED_DATA } from '../helpers/sharedData.js';
import { expectedTotals, SHOP_CASES } from '../io/shopExportCases.js';
import { cli, CLI } from './runCli.js';

const DIR = 'test/fixtures/shop-exports';

describe.runIf(existsSync(CLI))('shop exports through the command line', () => {
  describe.each(SHOP_CASES)('$file', ({ file, flags }) => {
    const expected = expectedTotals(FIXTURES[file as keyof typeof FIXTURES]().truth);
    const path = `${DIR}/${file}`;
    const common = [...flags, '--as-of', expected.asOf, '--time-unit', 'day', '--format', 'json'];

    it('summarize: revenue to the cent, BTYD frequency, recency and T of every customer', () => {
      const r = cli(['summarize', path, ...common]);
      expect(r.code, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as { customer_id: string | number; revenue: number; btyd_frequency: number; btyd_recency: number; btyd_T: number }[];
      expect(rows.map((x) => x.customer_id).sort()).toEqual([...expected.customers.keys()].sort());
      for (const row of rows) {
        const want = expected.customers.get(row.customer_id)!;
        expect(Math.round(row.revenue * 100), String(row.customer_id)).toBe(want.cents);
        expect([row.btyd_frequency, row.btyd_recency, row.btyd_T]).toEqual([want.frequency, want.recency, want.T]);
      }
    });

    it('score: the same totals, the column mapping on stderr in one line', () => {
      const r = cli(['score', path, ...common]);
      expect(r.code, r.stderr).toBe(0);
      const mapping = r.stderr.split('\n').filter((l) => l.startsWith('columns: '));
      expect(mapping).toHaveLength(1);
      const rows = JSON.parse(r.stdout) as { customer_id: string | number; revenue: number; btyd_frequency: number; clv: number }[];
      expect(rows).toHaveLength(expected.customers.size);
      for (const row of rows) {
        expect(Math.round(row.revenue * 100)).toBe(expected.customers.get(row.customer_id)!.cents);
        expect(row.btyd_frequency).toBe(expected.customers.get(row.customer_id)!.frequency);
        expect(Number.isFinite(row.clv)).toBe(true);
      }
    });
  });

  it('says what it chose: the mapping, the detected date format and decimal separator, skipped and cancelled rows', () => {
    const shopify = cli(['score', `${DIR}/shopify-orders.csv`, '--order', 'Name', '--refunded', 'Refunded Amount', '--skip-missing', 'customer', '--date-format', 'auto', '--time-unit', 'day']);
    expect(shopify.stderr).toContain('columns: customer="Email", date="Created at", amount="Total", price="Lineitem price", quantity="Lineitem quantity", refunded="Refunded Amount", order="Name"\n');
    expect(shopify.stderr).toContain('date format: yyyy-MM-dd HH:mm:ss xx (detected from line 2)\n');
    expect(shopify.stderr).toMatch(/^\d+ rows skipped with a blank customer$/m);
    const retail = cli(['summarize', `${DIR}/online-retail.csv`, '--price', 'UnitPrice', '--quantity', 'Quantity', '--cancelled-prefix', 'C', '--date-format', 'M/d/yyyy H:mm']);
    expect(retail.stderr).toMatch(/^\d+ rows of cancelled orders read as returns$/m);
    const euro = cli(['summarize', `${DIR}/european-latin1.csv`, '--encoding', 'latin1', '--decimal', 'auto', '--date-format', 'auto']);
    expect(euro.stderr).toContain('decimal separator: comma (detected from line 2)');
    expect(euro.stderr).toContain('date format: d.M.yyyy (detected from line 2)');
    expect(euro.stdout).toContain('Müller-');
  });

  it('refuses bad values of the new flags with a usage error naming the flag', () => {
    const f = `${DIR}/online-retail.csv`;
    expect(cli(['summarize', f, '--price', 'UnitPrice']).stderr).toContain('--price needs --quantity');
    expect(cli(['summarize', f, '--decimal', 'dot']).stderr).toContain('--decimal must be one of point, comma, auto');
    expect(cli(['summarize', f, '--encoding', 'ebcdic']).stderr).toContain('--encoding must be one of utf-8, latin1, windows-1252, utf-16le');
    expect(cli(['summarize', f, '--skip-missing', 'email']).stderr).toContain('--skip-missing takes fields among');
    const zone = cli(['summarize', f, '--time-zone', 'Mars/Olympus']);
    expect([zone.code, zone.stderr]).toEqual([1, expect.stringContaining('timeZone: not a time zone this runtime knows') as unknown as string]);
    const ambiguous = cli(['summarize', '-', '--date-format', 'auto'], 'customer,date,amount\nA,3/4/2024,1\nB,5/6/2024,2\n');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('ambiguous date format');
    const merged = cli(['summarize', '-'], 'customer,date,amount\n00042,2024-01-02,1\n42,2024-01-03,2\n12346.0,2024-01-03,2\n');
    expect(merged.stderr).toContain("ids: 1 numeric customer id was written in more than one way (such as 00042 and 42) and merged; --ids string (ids: 'string') keeps them apart\n");
    expect(merged.stdout.split('\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['42', '12346']);
    const comma = cli(['summarize', '-'], 'customer;date;amount\nA;2024-01-02;12,50\n');
    expect(comma.stderr).toContain('line 2, column 3 (amount): not a number (expected a decimal number such as -1234.50 or 1,234.50); it looks like a decimal comma: read it with --decimal comma');
  });
});

describe.runIf(existsSync(CLI))('count-only data (groceryElog: cust,date)', () => {
  const GROCERY = resolve(SHARED_DATA, 'btydplus/groceryElog.csv');

  it('fits BG/NBD, Pareto/NBD and MBG/NBD with the spend model left out and a note, as the API does on the same rows', () => {
    const r = cli(['fit', GROCERY, '--model', 'all', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('count-only data (no amount column): the Gamma-Gamma spend model is not fitted');
    const out = JSON.parse(r.stdout) as { customers: number; spend: null; note: string; models: { model: string; params: Record<string, number>; converged: boolean; logLikelihood: number }[] };
    expect(out.customers).toBe(1525);
    expect(out.spend).toBeNull();
    // The same purchases with an amount of 1 each, through the row API: the purchase models do not read amounts.
    const rows = readFileSync(GROCERY, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => {
      const [cust, date] = l.split(',');
      return { customerId: Number(cust), date: date!, amount: 1 };
    });
    const summary = summarizeCustomerColumns(parseTransactions(rows).table, { timeUnit: 'week' });
    expect(out.models.map((m) => m.model)).toEqual(['bgnbd', 'paretonbd', 'mbgnbd']);
    for (const m of out.models) {
      expect(m.converged).toBe(true);
      const api = fitPurchaseModel(summary.columns.btyd, { model: m.model as 'bgnbd' });
      for (const [k, v] of Object.entries(m.params)) expect(v, `${m.model} ${k}`).toBeCloseTo((api.params as unknown as Record<string, number>)[k]!, 6);
      expect(m.logLikelihood).toBeCloseTo(api.logLikelihood, 6);
    }
  });

  it('score writes P(alive) and expected purchases of the purchase model only, with a note, for each model', () => {
    const rows = readFileSync(GROCERY, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => {
      const [cust, date] = l.split(',');
      return { customerId: Number(cust), date: date!, amount: 1 };
    });
    const summary = summarizeCustomerColumns(parseTransactions(rows).table, { timeUnit: 'week' });
    for (const model of ['bgnbd', 'paretonbd', 'mbgnbd'] as const) {
      const r = cli(['score', GROCERY, '--model', model, '--horizon', '26w', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('columns: customer="cust", date="date", no amount (count-only)\n');
      expect(r.stderr).toContain('count-only data (no amount column): the purchase model only');
      const out = JSON.parse(r.stdout) as { customer_id: number; btyd_frequency: number; p_alive: number; expected_purchases: number; clv?: number }[];
      expect(out).toHaveLength(1525);
      expect(out[0]!.clv).toBeUndefined();
      const fit = fitPurchaseModel(summary.columns.btyd, { model });
      const pAlive = fit.probabilityAliveMany(summary.columns.btyd);
      const expected = fit.expectedPurchasesMany(26, summary.columns.btyd);
      out.forEach((row, i) => {
        expect(row.customer_id).toBe(summary.columns.customerIds[i]);
        expect(row.p_alive).toBeCloseTo(pAlive[i]!, 6);
        expect(row.expected_purchases).toBeCloseTo(expected[i]!, 6);
      });
    }
  });

  it('summarize writes frequency, recency and T with the money cells empty', () => {
    const r = cli(['summarize', GROCERY, '--limit', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[2]).toBe('2,2006-01-01,2006-12-19,,,,376,2,,1,352,728,');
  });
});
