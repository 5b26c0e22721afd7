import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCustomers, TransactionTextReader, type TransactionTable } from '../../src/index.js';
import { withAmounts } from '../helpers/withAmounts.js';
import { bundleProblems, dumpDom, findChromium, readExamplePage, startExampleServer, type ExampleServer } from './headless.mjs';

// The browser example (examples/browser) in a real headless Chromium, against the repository's
// browser build (npm test builds before running vitest). In CI (CI=true) a missing Chromium or
// build fails the test; locally it is skipped without them. .ci/run installs Debian's chromium.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = resolve(ROOT, 'dist/browser/loyalty-score.js');
const PAGE = resolve(ROOT, 'examples/browser/index.html');
const chromium = findChromium();
const inCi = process.env['CI'] === 'true';
const ready = chromium !== null && existsSync(BUNDLE);

/** What the page should show for a table: the same computation in Node, from the sources. */
function expectedRows(table: TransactionTable): string[][] {
  const money = (x: number | null): string => (x === null ? '' : x.toFixed(2));
  return [...scoreCustomers(table, { timeUnit: 'day' }).customers]
    .sort((a, b) => a.tierRank - b.tierRank)
    .map((c) => [c.customerId, c.firstPurchase, c.lastPurchase, c.rfm.frequency, money(c.revenue), money(c.profit), c.rfm.recency, c.rScore, c.fScore, c.mScore, c.rfmSegment ?? '', c.tier, c.pAlive.toFixed(3), money(c.clv)].map(String));
}

function read(text: string): TransactionTable {
  const reader = new TransactionTextReader();
  reader.push(text);
  return withAmounts(reader.finish());
}

describe('browser build', () => {
  it.skipIf(!inCi && !existsSync(BUNDLE))('is one self-contained ES module: no imports, no Node built-ins, no require()', () => {
    expect(existsSync(BUNDLE), 'dist/browser/loyalty-score.js is missing: run npm run build').toBe(true);
    expect(bundleProblems(readFileSync(BUNDLE, 'utf8'))).toEqual([]);
    expect(existsSync(`${BUNDLE}.map`)).toBe(true);
  });
});

describe.skipIf(!inCi && !ready)('browser example in headless Chromium', () => {
  let server: ExampleServer | undefined;

  beforeAll(async () => {
    expect(chromium, 'no Chromium at /usr/bin/chromium (or $CHROMIUM): apt-get install -y --no-install-recommends chromium').not.toBeNull();
    expect(existsSync(BUNDLE), 'dist/browser/loyalty-score.js is missing: run npm run build').toBe(true);
    server = await startExampleServer(resolve(ROOT, 'examples/browser/serve.mjs'), ROOT);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('scores the inline sample exactly as the library does in Node', async () => {
    const page = readExamplePage(await dumpDom(chromium!, server!.url));
    expect(page.error).toBe('');
    expect(page.state).toBe('done');

    const sample = /<textarea id="csv"[^>]*>([\s\S]*?)<\/textarea>/.exec(readFileSync(PAGE, 'utf8'))?.[1];
    expect(sample).toBeDefined();
    const table = read(sample!);
    const expected = expectedRows(table);
    expect(expected).toHaveLength(10);
    expect(page.rows).toEqual(expected);
    expect(page.status).toBe(`10 customers from ${table.length} transactions (pasted text), as of 2025-06-28; purchase model bgnbd`);
    // The top customer by revenue: five purchases from 2025-03-10 to 2025-06-23, 1036.15 in total.
    expect(page.rows[0]).toEqual(['dan', '2025-03-10', '2025-06-23', '5', '1036.15', '304.50', '5', '4', '5', '5', 'Champions', 'B', '1.000', '454.34']);
  }, 90_000);

  it('streams the example data from the server (fetch body) and scores 3,000 customers', async () => {
    const page = readExamplePage(await dumpDom(chromium!, `${server!.url}?data=example`));
    expect(page.error).toBe('');
    expect(page.state).toBe('done');
    const table = read(readFileSync(resolve(ROOT, 'examples/data/transactions.csv'), 'utf8'));
    expect(page.status).toBe(`3000 customers from ${table.length} transactions (example data), as of 2025-12-31; purchase model bgnbd; showing the top 500 by revenue`);
    expect(page.tiers).toMatch(/^A: 30 customers, lifetime value [\d.]+ · B: 120 customers, lifetime value [\d.]+ · C: 450 customers, lifetime value [\d.]+ · D: 2400 customers, lifetime value [\d.]+$/);
    expect(page.rows).toEqual(expectedRows(table).slice(0, 500));
  }, 90_000);

  it('shows the reader\'s error, naming the line and column, for invalid text', async () => {
    const csv = encodeURIComponent('customer_id,date,amount\nann,2025-01-30,10\nann,2025-02-30,10\n');
    const page = readExamplePage(await dumpDom(chromium!, `${server!.url}?csv=${csv}`));
    expect(page.state).toBe('error');
    expect(page.error).toMatch(/^line 3, column 2 \(date\): not a valid date \(expected yyyy-MM-dd\)/);
    expect(page.rows).toEqual([]);
  }, 90_000);
});
