import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lorenzCurve, lorenzCurveSvg, scoreCustomers, tierPyramid, tierPyramidSvg, TransactionTextReader } from '../../src/index.js';
import { dumpDom, findChromium, startExampleServer, type ExampleServer } from '../browser/headless.mjs';
import { withAmounts } from '../helpers/withAmounts.js';

// The browser example (examples/browser) draws the report's charts for the file the user gives
// it, with the browser build: the same texts as the library's SVG in Node. Runs against the
// repository's build (npm test builds first); skipped locally without it, fails in CI.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = resolve(ROOT, 'dist/browser/loyalty-score.js');
const chromium = findChromium();
const inCi = process.env['CI'] === 'true';
const ready = chromium !== null && existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('ls-chart');

/** The texts of the `<text>` elements of one chart, in document order. */
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe.skipIf(!inCi && !ready)('browser example charts', () => {
  let server: ExampleServer | undefined;
  beforeAll(async () => {
    server = await startExampleServer(resolve(ROOT, 'examples/browser/serve.mjs'), ROOT);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('draws eight charts for the example data, with the numbers of the library in Node', async () => {
    const html = await dumpDom(chromium!, `${server!.url}?data=example`, { budgetMs: 20_000, timeoutMs: 120_000 });
    const charts = /<div id="charts"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    const svgs = charts.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(8);
    const reader = new TransactionTextReader();
    reader.push(readFileSync(resolve(ROOT, 'examples/data/transactions.csv'), 'utf8'));
    const scores = scoreCustomers(withAmounts(reader.finish()), { timeUnit: 'day' });
    expect(texts(svgs[0]!)).toEqual(texts(tierPyramidSvg(tierPyramid(scores))));
    expect(texts(svgs[1]!)).toEqual(texts(lorenzCurveSvg(lorenzCurve(scores.columns.tierValue))));
  }, 150_000);
});
