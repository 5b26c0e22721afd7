import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSurveyFile } from '../../src/cli/readSurveyFile.js';
import {
  calibrationAndHoldout,
  compareHoldoutByFrequency,
  fitPurchaseModel,
  parseTransactions,
  scoreCustomers,
  tierReport,
  TransactionTextReader,
  type CustomerScores,
  type ScoreCustomersOptions,
  type TransactionTable,
} from '../../src/index.js';
import { findChromium } from '../browser/headless.mjs';
import { withAmounts } from '../helpers/withAmounts.js';
import { CLI, cli, ROOT } from '../cli/runCli.js';
import { cdnowMasterRows, cdnowSampleRows, readSharedCsv, referenceValue, SHARED_DATA } from '../helpers/sharedData.js';
import { LAYOUT_CHECK, openBrowser, READ_LAYOUT, READ_TABLES } from './chromiumPage.mjs';

// The report as a user sees it: written by the command line (a real process), opened in headless
// Chromium with every request blocked and counted. Each chart's table is checked against the
// library's own results, computed here from the sources by the public functions (not by
// buildReport). Screenshots of every chart, light and dark, go to test/artifacts/report-<name>/.
// In CI (CI=true) a missing Chromium or build fails; locally the test is skipped without them.
const chromium = findChromium();
const inCi = process.env['CI'] === 'true';
const ready = chromium !== null && existsSync(CLI) && existsSync(resolve(SHARED_DATA, 'CDNOW_master.txt'));
const ARTIFACTS = resolve(ROOT, 'test/artifacts');
const SECTIONS = ['overview', 'tiers', 'rfm', 'loyalty', 'diagnostics', 'value', 'changes'];
const CHARTS = ['tier-pyramid', 'lorenz', 'rfm-grid', 'rfm-segment-map', 'rfm-segments', 'loyalty-pyramid', 'loyalty-quadrant', 'value-loyalty', 'missing-signals', 'frequency-recency', 'probability-alive', 'calibration-holdout', 'tracking-cumulative', 'tracking-incremental', 'period-transactions', 'clv-distribution', 'clv-by-tier', 'clv-by-segment', 'tier-migration'];

type Tables = Record<string, (number | string)[][]>;

interface Dataset {
  readonly name: string;
  readonly args: readonly string[];
  readonly table: () => TransactionTable;
  readonly options: () => Promise<ScoreCustomersOptions>;
  readonly calibrationEnd: string;
}

const exampleFile = resolve(ROOT, 'examples/data/transactions.csv');
const datasets: Dataset[] = [
  {
    name: 'example',
    args: [exampleFile, '--survey', resolve(ROOT, 'examples/data/survey.csv'), '--compare-as-of', '2025-09-30', '--calibration-end', '2025-04-30'],
    table: () => {
      const reader = new TransactionTextReader();
      reader.push(readFileSync(exampleFile, 'utf8'));
      return withAmounts(reader.finish());
    },
    options: async () => ({ survey: await readSurveyFile(resolve(ROOT, 'examples/data/survey.csv'), { min: 1, max: 5 }, 'auto') }),
    calibrationEnd: '2025-04-30',
  },
  {
    name: 'cdnow',
    args: [resolve(SHARED_DATA, 'CDNOW_master.txt'), '--date-format', 'yyyyMMdd', '--amount', 'dollar_value', '--calibration-end', '1997-09-30', '--compare-as-of', '1998-03-31'],
    table: () => parseTransactions(cdnowMasterRows(), { dateFormat: 'yyyyMMdd' }).table,
    options: async () => ({}),
    calibrationEnd: '1997-09-30',
  },
  {
    name: 'cdnow-sample',
    args: [resolve(SHARED_DATA, 'CDNOW_sample.txt'), '--no-header', '--customer', '2', '--date', '3', '--amount', '5', '--date-format', 'yyyyMMdd', '--as-of', '1998-06-30', '--calibration-end', '1997-09-30'],
    table: () => parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' }).table,
    options: async () => ({ asOf: '1998-06-30' }),
    calibrationEnd: '1997-09-30',
  },
];

const column = (rows: (number | string)[][], j: number): number[] => rows.map((r) => r[j] as number);
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

/** The library's numbers behind each table, compared with what the page shows. */
function checkTables(tables: Tables, scores: CustomerScores, table: TransactionTable, calibrationEnd: string): void {
  const customers = scores.customers;
  const overview = tables['overview']!;
  expect(overview[0]![1]).toBe(customers.length);
  expect(overview[1]![1]).toBe(scores.transactions);
  expect(close(overview[2]![1] as number, sum(customers.map((c) => c.revenue)))).toBe(true);
  expect(close(overview[3]![1] as number, sum(customers.map((c) => c.pAlive)))).toBe(true);
  expect(close(overview[4]![1] as number, sum(customers.map((c) => c.clv)))).toBe(true);

  const report = tierReport(customers.map((c) => ({ customerId: c.customerId, rank: c.tierRank, percentile: 0, value: c.tierValue, tier: c.tier })));
  const tiers = tables['tier-pyramid']!;
  report.tiers.forEach((t, i) => {
    expect(tiers[i]![1]).toBe(t.count);
    expect(close(tiers[i]![2] as number, t.customerShare, 1e-12)).toBe(true);
    expect(close(tiers[i]![3] as number, t.value, 1e-9)).toBe(true);
    expect(close(tiers[i]![4] as number, t.valueShare, 1e-9)).toBe(true);
  });
  expect(tables['lorenz']!.at(-1)![1]).toBe(report.gini);

  const k = 5;
  const grid = tables['rfm-grid']!;
  for (let i = 0; i < k; i++) for (let f = 1; f <= k; f++) expect(grid[i]![f], `R ${k - i} F ${f}`).toBe(customers.filter((c) => c.rScore === k - i && c.fScore === f).length);
  for (const row of tables['rfm-segments']!) expect(row[1], String(row[0])).toBe(customers.filter((c) => c.rfmSegment === row[0]).length);
  tables['loyalty-pyramid']!.forEach((row, i) => expect(row[1]).toBe(customers.filter((c) => c.pyramidLevel === i + 1).length));
  for (const row of tables['loyalty-quadrant']!) expect(row[3], String(row[0])).toBe(customers.filter((c) => c.loyaltyQuadrant === row[0]).length);
  for (const row of tables['clv-by-tier']!) expect(close(row[2] as number, sum(customers.filter((c) => c.tier === row[0]).map((c) => c.clv)))).toBe(true);
  const top = [...customers].sort((a, b) => b.clv - a.clv || a.tierRank - b.tierRank).slice(0, 10);
  expect(tables['top-customers']!.map((r) => String(r[0]))).toEqual(top.map((c) => String(c.customerId)));
  expect(column(tables['top-customers']!, 6)).toEqual(top.map((c) => c.clv));

  // Diagnostics: the object path of the evaluation module on the same split.
  const split = calibrationAndHoldout(table, { calibrationEnd, observationEnd: scores.asOf, timeUnit: scores.timeUnit });
  const fit = fitPurchaseModel(split.customers.map((c) => c.btyd), { model: scores.model.model, standardErrors: false });
  const holdout = compareHoldoutByFrequency(fit, split.customers);
  const shown = tables['calibration-holdout']!;
  holdout.buckets.forEach((b, i) => {
    expect(shown[i]![0]).toBe(b.label);
    expect(shown[i]![1]).toBe(b.customers);
    expect(close(shown[i]![2] as number, b.actualMean, 1e-12)).toBe(true);
    expect(close(shown[i]![3] as number, b.expectedMean, 1e-9), `bucket ${b.label}: ${shown[i]![3]} vs ${b.expectedMean}`).toBe(true);
  });
}

describe.skipIf(!inCi && !ready)('the HTML report in headless Chromium', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  beforeAll(async () => {
    expect(chromium, 'no Chromium at /usr/bin/chromium (or $CHROMIUM)').not.toBeNull();
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);
    browser = await openBrowser(chromium!);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the layout check finds overlapping text and requests (a control page)', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = resolve(ARTIFACTS, 'layout-control.html');
    writeFileSync(
      page,
      '<!doctype html><html><body><p style="position:absolute;top:10px;left:10px">first words</p><p style="position:absolute;top:12px;left:20px">second words</p>' +
        '<figure data-chart="c"><svg width="200" height="50"><text x="10" y="20">one label</text><text x="14" y="22">two label</text><text x="190" y="20">outside</text></svg></figure><img src="https://example.com/x.png"></body></html>',
    );
    const b = browser!;
    const blocked = b.events.blocked.length;
    await b.load(page);
    const problems = (await b.evaluate(LAYOUT_CHECK)) as string[];
    expect(problems.some((p) => p.includes('"first words" overlaps "second words"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('c: "one label" overlaps "two label"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('c: text outside the chart: outside'))).toBe(true);
    expect(b.events.blocked.slice(blocked)).toEqual(['https://example.com/x.png']);
    b.events.consoleErrors.length = 0;
  }, 60_000);

  for (const d of datasets) {
    it(`${d.name}: offline, every section, no overlapping text, the library's numbers; screenshots`, async () => {
      const dir = resolve(ARTIFACTS, `report-${d.name}`);
      mkdirSync(dir, { recursive: true });
      const out = resolve(dir, 'report.html');
      const run = cli(['report', ...d.args, '--output', out]);
      expect(run.stderr).toMatch(/wrote /);
      expect(run.code).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(html).not.toMatch(/<script|<link|@import|url\(|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);

      const b = browser!;
      const before = { errors: b.events.consoleErrors.length, blocked: b.events.blocked.length, requests: b.events.requests.length };
      await b.emulate({ colorScheme: 'light' });
      await b.load(out);
      const layout = (await b.evaluate(READ_LAYOUT)) as { sections: string[]; figures: { id: string; x: number; y: number; width: number; height: number }[]; page: { width: number } };
      expect(layout.sections).toEqual(SECTIONS);
      const expectedCharts = d.name === 'cdnow-sample' ? CHARTS.filter((c) => c !== 'tier-migration') : CHARTS;
      expect(layout.figures.map((f) => f.id).sort()).toEqual([...expectedCharts].sort());
      expect(await b.evaluate(LAYOUT_CHECK)).toEqual([]);
      expect(layout.page.width).toBeLessThanOrEqual(1400);
      for (const f of layout.figures) writeFileSync(resolve(dir, `${f.id}.png`), await b.screenshot(f));
      writeFileSync(resolve(dir, 'page-top-light.png'), await b.screenshot({ x: 0, y: 0, width: 1400, height: 1000 }));
      await b.emulate({ colorScheme: 'dark' });
      expect(await b.evaluate(LAYOUT_CHECK)).toEqual([]);
      writeFileSync(resolve(dir, 'page-top-dark.png'), await b.screenshot({ x: 0, y: 0, width: 1400, height: 1000 }));
      const darkBackground = await b.evaluate('getComputedStyle(document.documentElement).backgroundColor');
      expect(darkBackground).toBe('rgb(13, 17, 23)');
      await b.emulate({ colorScheme: 'light', media: 'print' });
      expect(await b.evaluate(LAYOUT_CHECK)).toEqual([]);
      const pdf = await b.printToPdf();
      writeFileSync(resolve(dir, 'report.pdf'), pdf);
      // A4 pages: 595 x 842 points.
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes.length).toBeGreaterThan(3);
      for (const [w, h] of boxes) expect(Math.abs(w! - 595.28) < 1 && Math.abs(h! - 841.89) < 1, `page ${w} x ${h}`).toBe(true);
      await b.emulate({ colorScheme: 'light', media: 'screen' });

      expect(b.events.consoleErrors.slice(before.errors)).toEqual([]);
      expect(b.events.blocked.length - before.blocked).toBe(0);
      expect(b.events.requests.slice(before.requests)).toEqual([]);

      const tables = (await b.evaluate(READ_TABLES)) as Tables;
      const table = d.table();
      const scores = scoreCustomers(table, await d.options());
      checkTables(tables, scores, table, d.calibrationEnd);
      if (d.name === 'cdnow-sample') checkPublishedDiagnostics(tables);
    }, 240_000);
  }
});

/** CDNOW sample: the drawn diagnostics are the figures docs/reference-values.md reproduces. */
function checkPublishedDiagnostics(tables: Tables): void {
  const agg = referenceValue('rfm.cdnow.aggregates').expected as { bin_sizes: number[]; holdout_mean_by_bin: number[]; cu_tracking_78_weeks_last: number };
  const holdout = tables['calibration-holdout']!;
  expect(column(holdout, 1)).toEqual(agg.bin_sizes);
  column(holdout, 2).forEach((m, i) => expect(Math.abs(m - agg.holdout_mean_by_bin[i]!)).toBeLessThanOrEqual(0.0005));
  const cu = readSharedCsv('btyd/cdnowSummary_cu_tracking.csv').map((r) => Number(r['cum_repeat_transactions']));
  for (const row of tables['tracking-cumulative']!) {
    const week = Number(String(row[0]).replace('week ', ''));
    expect(row[1], `week ${week}`).toBe(cu[week - 1]);
  }
  expect(tables['tracking-cumulative']!.at(-1)![1]).toBe(agg.cu_tracking_78_weeks_last);
}
