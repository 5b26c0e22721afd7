// The browser example's reading choices (issue 10) in headless Chromium: the page's inline
// sample rewritten as a European export (semicolons, decimal commas, d.M.yyyy dates, German
// column names) and read with the matching choices and column mapping gives the very rows the
// original sample gives. Same harness and build as browser.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDom, findChromium, readExamplePage, startExampleServer, type ExampleServer } from './headless.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = resolve(ROOT, 'dist/browser/loyalty-score.js');
const chromium = findChromium();
const inCi = process.env['CI'] === 'true';

describe.skipIf(!inCi && !(chromium !== null && existsSync(BUNDLE)))('browser example: reading choices and the column mapping', () => {
  let server: ExampleServer | undefined;
  beforeAll(async () => {
    server = await startExampleServer(resolve(ROOT, 'examples/browser/serve.mjs'), ROOT);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('reads a semicolon file with decimal commas, d.M.yyyy dates and its own column names', async () => {
    const sample = /<textarea id="csv"[^>]*>([\s\S]*?)<\/textarea>/.exec(readFileSync(resolve(ROOT, 'examples/browser/index.html'), 'utf8'))![1]!;
    const original = readExamplePage(await dumpDom(chromium!, server!.url));
    const european = sample
      .trim()
      .split('\n')
      .map((line, i) => {
        if (i === 0) return 'Kunde;Datum;Betrag;Kosten';
        const [c, d, a, k] = line.split(',');
        const [y, m, day] = d!.split('-');
        return [c, `${Number(day)}.${Number(m)}.${y}`, a!.replace('.', ','), k!.replace('.', ',')].join(';');
      })
      .join('\n');
    const query = new URLSearchParams({ csv: european, decimal: 'comma', dateFormat: 'd.M.yyyy', customer: 'Kunde', date: 'Datum', amount: 'Betrag', cost: 'Kosten' });
    const dom = await dumpDom(chromium!, `${server!.url}?${query}`);
    const page = readExamplePage(dom);
    expect(page.error).toBe('');
    expect(page.rows).toEqual(original.rows);
    expect(dom).toContain('columns: customer="Kunde", date="Datum", amount="Betrag", cost="Kosten"');
  }, 90_000);
});
