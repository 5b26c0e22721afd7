// The shop-export fixtures (test/fixtures/shop-exports, written by its generate.mjs) read by the
// API, summarised and scored, against per-customer totals computed here from the generator's own
// truth rows: revenue to the cent, BTYD frequency (distinct purchase days - 1), recency and T in
// days. The command line runs the same files in test/cli/shopExports.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCustomers, summarizeCustomers, TransactionTextReader, type CustomerId, type TransactionTextOptions } from '../../src/index.js';
import { FIXTURES } from '../fixtures/shop-exports/generate.mjs';
import { expectedTotals, SHOP_CASES } from './shopExportCases.js';
import { withAmounts } from '../helpers/withAmounts.js';

const DIR = resolve(__dirname, '../fixtures/shop-exports');

function readApi(bytes: Uint8Array, options: TransactionTextOptions): ReturnType<TransactionTextReader['finish']> {
  const reader = new TransactionTextReader(options);
  for (let i = 0; i < bytes.length; i += 4096) reader.push(bytes.subarray(i, i + 4096));
  return reader.finish();
}

describe.each(SHOP_CASES)('$file through the API', ({ file, options }) => {
  const made = FIXTURES[file as keyof typeof FIXTURES]();
  const expected = expectedTotals(made.truth);

  it('is the file its generator writes', () => {
    expect(Buffer.compare(readFileSync(resolve(DIR, file)), Buffer.from(made.bytes))).toBe(0);
  });

  it('gives every customer the revenue to the cent and the BTYD frequency, recency and T', () => {
    const read = readApi(made.bytes, options);
    expect(read.rejected).toEqual([]);
    const summary = summarizeCustomers(withAmounts(read), { asOf: expected.asOf, timeUnit: 'day' });
    const got = new Map<CustomerId, (typeof summary.customers)[number]>(summary.customers.map((c) => [c.customerId, c]));
    expect([...got.keys()].sort()).toEqual([...expected.customers.keys()].sort());
    for (const [id, want] of expected.customers) {
      const c = got.get(id)!;
      expect(Math.round(c.revenue * 100), String(id)).toBe(want.cents);
      expect([c.btyd.frequency, c.btyd.recency, c.btyd.T], String(id)).toEqual([want.frequency, want.recency, want.T]);
    }
  });

  it('scores every customer with the same summary', () => {
    const read = readApi(made.bytes, options);
    const scores = scoreCustomers(withAmounts(read), { asOf: expected.asOf, timeUnit: 'day' });
    const { summary } = scores.columns;
    expect(summary.length).toBe(expected.customers.size);
    for (let i = 0; i < summary.length; i++) {
      const want = expected.customers.get(summary.customerIds[i]!)!;
      expect(Math.round(summary.revenue[i]! * 100)).toBe(want.cents);
      expect(summary.btyd.frequency[i]).toBe(want.frequency);
      expect(Number.isFinite(scores.columns.clv[i])).toBe(true);
    }
  });
});
