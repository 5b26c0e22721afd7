import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compressedSummaryWithDuckDb, copySummaryWithDuckDb, duckDbSourceColumns, fitCompressedSummary, scoreWithDuckDb, summarizeWithDuckDb } from '../../src/duckdb/index.js';
import {
  barChartSvg,
  bgNbd,
  buildReport,
  calibrationVsHoldout,
  compressedSummarySql,
  InvalidInputError,
  clvDistribution,
  frequencyRecencyMatrix,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  frequencyRecencyMatrixSvg,
  heatmapSvg,
  horizontalBarsSvg,
  lineChartSvg,
  lorenzCurve,
  parseTransactions,
  periodTransactions,
  probabilityAliveSql,
  probabilityAliveMatrix,
  probabilityAliveMatrixSvg,
  pyramidSvg,
  quadrantSvg,
  renderReport,
  repeatPurchaseTracking,
  repeatPurchaseTrackingSvg,
  scoreChanges,
  scoreCustomers,
  scoreSql,
  simulateTransactions,
  subscriptionCohorts,
  summarySql,
} from '../../src/index.js';
import { thrownIssues } from './thrownIssues.js';

// Class "option typos" (issue 11), the areas charts, SVG renderers, report, SQL, DuckDB,
// subscription cohorts and covariates: each options object (and each parameter or spec object,
// nested ones included) rejects an unknown key with unknown_option at its path, naming the
// nearest valid key; the same call with every documented key still works.

const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const { table } = parseTransactions(simulateTransactions({ customers: 200, start: '2024-01-01', end: '2025-06-30', seed: 3 }));
const scores = scoreCustomers(table, { asOf: '2025-06-30' });
const earlier = scoreCustomers(table, { asOf: '2025-03-31' });
const columns = { frequency: Float64Array.of(0, 2, 5), recency: Float64Array.of(0, 10, 30), T: Float64Array.of(39, 39, 39) };
const split = { calibration: columns, holdoutPurchases: [0, 1, 3], holdoutLength: 39 };
const text = { title: 't', description: 'd' };
const tracking = repeatPurchaseTracking(table, model);
const matrix = frequencyRecencyMatrix(model, { maxFrequency: 5, T: 39 });
const alive = probabilityAliveMatrix(model, { maxFrequency: 5, T: 39 });
const cell = { name: 'a', lines: ['x'], share: 0.25 };
const report = buildReport(table, { asOf: '2025-06-30' });
const subscriptions = [
  { customerId: 'a', start: '2024-01-05', end: '2024-03-05' },
  { customerId: 'b', start: '2024-01-20' },
];
const withCovariates = model.simulate({ customers: 200, T: 52, seed: 3 }).map((h, i) => ({ ...h, female: i % 3 === 0 }));
const scoreSqlOptions = {
  dialect: 'duckdb',
  purchases: { frequency: Float64Array.of(0, 2), recency: Float64Array.of(0, 30), T: Float64Array.of(39, 39) },
  asOf: '1997-09-30',
  horizon: { amount: 39, unit: 'week' },
  summary: 'cdnow_summary',
} as const;
const covariateFits = { fitBgNbd, fitMbgNbd, fitParetoNbd } as const;

interface Case {
  readonly name: string;
  /** The call with a typo at `path`. */
  readonly bad: () => unknown;
  readonly path: readonly (string | number)[];
  readonly near: string;
  /** The same call with valid (all documented) keys: must not throw. */
  readonly good: () => unknown;
}

const cases: Case[] = [
  {
    name: 'frequencyRecencyMatrix',
    bad: () => frequencyRecencyMatrix(model, { maxFrequency: 5, T: 39, horizn: 2 } as never),
    path: ['options', 'horizn'],
    near: 'horizon',
    good: () => frequencyRecencyMatrix(model, { maxFrequency: 5, T: 39, frequencySteps: 3, recencySteps: 4, horizon: 2 }),
  },
  {
    name: 'probabilityAliveMatrix',
    bad: () => probabilityAliveMatrix(model, { maxFrequency: 5, T: 39, recencyStep: 4 } as never),
    path: ['options', 'recencyStep'],
    near: 'recencySteps',
    good: () => probabilityAliveMatrix(model, { maxFrequency: 5, T: 39, frequencySteps: 3, recencySteps: 4 }),
  },
  {
    name: 'calibrationVsHoldout options',
    bad: () => calibrationVsHoldout(model, split, { censorat: 3 } as never),
    path: ['options', 'censorat'],
    near: 'censorAt',
    good: () => calibrationVsHoldout(model, split, { censorAt: 3 }),
  },
  {
    name: 'calibrationVsHoldout split',
    bad: () => calibrationVsHoldout(model, { ...split, holdoutLenght: 39 } as never),
    path: ['split', 'holdoutLenght'],
    near: 'holdoutLength',
    good: () => calibrationVsHoldout(model, split),
  },
  {
    name: 'periodTransactions',
    bad: () => periodTransactions(model, columns, { censor: 3 } as never),
    path: ['options', 'censor'],
    near: 'censorAt',
    good: () => periodTransactions(model, columns, { censorAt: 3 }),
  },
  {
    name: 'repeatPurchaseTracking',
    bad: () => repeatPurchaseTracking(table, model, { timeunit: 'day' } as never),
    path: ['options', 'timeunit'],
    near: 'timeUnit',
    good: () => repeatPurchaseTracking(table, model, { timeUnit: 'week', origin: '2024-01-01', end: '2025-06-30', calibrationEnd: '2025-01-01' }),
  },
  { name: 'lorenzCurve', bad: () => lorenzCurve([1, 2, 3], { point: 5 } as never), path: ['options', 'point'], near: 'points', good: () => lorenzCurve([1, 2, 3], { points: 5 }) },
  {
    name: 'clvDistribution',
    bad: () => clvDistribution([1, 2, 3], { bins2: 5 } as never),
    path: ['options', 'bins2'],
    near: 'bins',
    good: () => clvDistribution([1, 2, 3], { bins: 5, clip: 0.9 }),
  },
  {
    name: 'scoreChanges',
    bad: () => scoreChanges(earlier, scores, { mindrop: 0.2 } as never),
    path: ['options', 'mindrop'],
    near: 'minDrop',
    good: () => scoreChanges(earlier, scores, { highTiers: ['A'], minDrop: 0.2, limit: 5 }),
  },
  {
    name: 'frequencyRecencyMatrixSvg',
    bad: () => frequencyRecencyMatrixSvg(matrix, { timeUnti: 'day' } as never),
    path: ['options', 'timeUnti'],
    near: 'timeUnit',
    good: () => frequencyRecencyMatrixSvg(matrix, { timeUnit: 'day' }),
  },
  {
    name: 'probabilityAliveMatrixSvg',
    bad: () => probabilityAliveMatrixSvg(alive, { timeunit: 'day' } as never),
    path: ['options', 'timeunit'],
    near: 'timeUnit',
    good: () => probabilityAliveMatrixSvg(alive, { timeUnit: 'day' }),
  },
  {
    name: 'repeatPurchaseTrackingSvg',
    bad: () => repeatPurchaseTrackingSvg(tracking, { knd: 'incremental' } as never),
    path: ['options', 'knd'],
    near: 'kind',
    good: () => repeatPurchaseTrackingSvg(tracking, { kind: 'incremental' }),
  },
  {
    name: 'barChartSvg spec',
    bad: () => barChartSvg({ ...text, categories: ['a'], series: [{ name: 's', values: [1] }], xLabel: 'x', yLabel: 'y', heigth: 200 } as never),
    path: ['spec', 'heigth'],
    near: 'height',
    good: () => barChartSvg({ ...text, categories: ['a'], series: [{ name: 's', values: [1] }], xLabel: 'x', yLabel: 'y', format: String, height: 200 }),
  },
  {
    name: 'barChartSvg series',
    bad: () => barChartSvg({ ...text, categories: ['a'], series: [{ name: 's', value: [1] }], xLabel: 'x', yLabel: 'y' } as never),
    path: ['spec', 'series', 0, 'value'],
    near: 'values',
    good: () => barChartSvg({ ...text, categories: ['a'], series: [{ name: 's', values: [1] }], xLabel: 'x', yLabel: 'y' }),
  },
  {
    name: 'lineChartSvg spec',
    bad: () => lineChartSvg({ ...text, series: [], xLabel: 'x', yLabel: 'y', titel: 'T' } as never),
    path: ['spec', 'titel'],
    near: 'title',
    good: () =>
      lineChartSvg({
        ...text,
        series: [{ name: 's', x: [0, 1], y: [0, 1], dashed: true }],
        xLabel: 'x',
        yLabel: 'y',
        markers: [{ x: 0.5, label: 'm' }],
        diagonal: true,
        formatX: String,
        formatY: String,
        height: 300,
      }),
  },
  {
    name: 'lineChartSvg series',
    bad: () => lineChartSvg({ ...text, series: [{ name: 's', x: [0, 1], y: [0, 1], dashd: true }], xLabel: 'x', yLabel: 'y' } as never),
    path: ['spec', 'series', 0, 'dashd'],
    near: 'dashed',
    good: () => lineChartSvg({ ...text, series: [{ name: 's', x: [0, 1], y: [0, 1] }], xLabel: 'x', yLabel: 'y' }),
  },
  {
    name: 'lineChartSvg markers',
    bad: () => lineChartSvg({ ...text, series: [{ name: 's', x: [0, 1], y: [0, 1] }], xLabel: 'x', yLabel: 'y', markers: [{ x: 0.5, lable: 'm' }] } as never),
    path: ['spec', 'markers', 0, 'lable'],
    near: 'label',
    good: () => lineChartSvg({ ...text, series: [{ name: 's', x: [0, 1], y: [0, 1] }], xLabel: 'x', yLabel: 'y', markers: [{ x: 0.5, label: 'm' }] }),
  },
  {
    name: 'heatmapSvg spec',
    bad: () => heatmapSvg({ ...text, rows: ['r'], columns: ['c'], values: [[1]], xLabel: 'x', yLabel: 'y', legendLabel: 'l', celltext: () => null } as never),
    path: ['spec', 'celltext'],
    near: 'cellText',
    good: () => heatmapSvg({ ...text, rows: ['r'], columns: ['c'], values: [[1]], xLabel: 'x', yLabel: 'y', legendLabel: 'l', cellText: () => null, format: String, height: 300 }),
  },
  {
    name: 'horizontalBarsSvg spec',
    bad: () => horizontalBarsSvg({ ...text, categories: ['a'], series: [{ name: 's', values: [1] }], xlabel: 'x' } as never),
    path: ['spec', 'xlabel'],
    near: 'xLabel',
    good: () => horizontalBarsSvg({ ...text, categories: ['a'], series: [{ name: 's', values: [1] }], xLabel: 'x', format: String }),
  },
  {
    name: 'horizontalBarsSvg series',
    bad: () => horizontalBarsSvg({ ...text, categories: ['a'], series: [{ nam: 's', values: [1] }], xLabel: 'x' } as never),
    path: ['spec', 'series', 0, 'nam'],
    near: 'name',
    good: () => horizontalBarsSvg({ ...text, categories: ['a'], series: [{ name: 's', values: [1] }], xLabel: 'x' }),
  },
  {
    name: 'pyramidSvg levels',
    bad: () => pyramidSvg({ ...text, levels: [{ label: 'a', details: 'b' }] } as never),
    path: ['spec', 'levels', 0, 'details'],
    near: 'detail',
    good: () => pyramidSvg({ ...text, levels: [{ label: 'a', detail: 'b' }] }),
  },
  {
    name: 'quadrantSvg spec',
    bad: () => quadrantSvg({ ...text, xLabel: 'x', yLabel: 'y', cells: [cell, cell, cell, cell], descripton: 'd' } as never),
    path: ['spec', 'descripton'],
    near: 'description',
    good: () => quadrantSvg({ ...text, xLabel: 'x', yLabel: 'y', cells: [cell, cell, cell, cell] }),
  },
  {
    name: 'quadrantSvg cells',
    bad: () => quadrantSvg({ ...text, xLabel: 'x', yLabel: 'y', cells: [cell, cell, cell, { ...cell, shares: 0.25 }] } as never),
    path: ['spec', 'cells', 3, 'shares'],
    near: 'share',
    good: () => quadrantSvg({ ...text, xLabel: 'x', yLabel: 'y', cells: [cell, cell, cell, cell] }),
  },
  {
    name: 'buildReport',
    bad: () => buildReport(table, { asOf: '2025-06-30', compareAsof: '2025-03-31' } as never),
    path: ['options', 'compareAsof'],
    near: 'compareAsOf',
    good: () => buildReport(table, { asOf: '2025-06-30', compareAsOf: '2025-03-31', calibrationEnd: '2025-01-01', top: 3, source: 's', discountRate: { rate: 0.1, per: 'year' } }),
  },
  { name: 'renderReport data', bad: () => renderReport({ ...report, diagnostic: report.diagnostics } as never), path: ['data', 'diagnostic'], near: 'diagnostics', good: () => renderReport(report) },
  {
    name: 'subscriptionCohorts',
    bad: () => subscriptionCohorts(subscriptions, { period: 'month', asOf: '2024-06-30', revealValue: true } as never),
    path: ['options', 'revealValue'],
    near: 'revealValues',
    good: () => subscriptionCohorts(subscriptions, { period: 'month', asOf: '2024-06-30', revealValues: true }),
  },
  ...Object.entries(covariateFits).map(([name, fit]): Case => ({
    name: `${name} covariates`,
    bad: () => fit(withCovariates, { covariates: { purchase: ['female'], dropuot: ['female'] } } as never),
    path: ['options', 'covariates', 'dropuot'],
    near: 'dropout',
    good: () => fit(withCovariates, { covariates: { purchase: ['female'], dropout: ['female'] } }),
  })),
  {
    name: 'summarySql options',
    bad: () => summarySql({ dialekt: 'duckdb', source: 'tx' } as never),
    path: ['options', 'dialekt'],
    near: 'dialect',
    good: () =>
      summarySql({
        dialect: 'duckdb',
        source: 'tx',
        columns: { customerId: 'c', date: 'd', amount: 'a', cost: 'k', orderId: 'o' },
        dateFormat: 'iso',
        afterAsOf: 'reject',
        timeUnit: 'week',
        periods: 'calendar',
        returns: 'drop',
        rfmMonetary: 'mean',
        calibrationEnd: '2024-06-30',
        observationEnd: '2024-12-31',
      }),
  },
  {
    name: 'summarySql columns',
    bad: () => summarySql({ dialect: 'duckdb', source: 'tx', columns: { customerID: 'c' } } as never),
    path: ['options', 'columns', 'customerID'],
    near: 'customerId',
    good: () => summarySql({ dialect: 'duckdb', source: 'tx', columns: { customerId: 'c' }, asOf: '2024-12-31' }),
  },
  {
    name: 'summarySql query source',
    bad: () => summarySql({ dialect: 'duckdb', source: { querry: 'SELECT 1' } } as never),
    path: ['options', 'source', 'querry'],
    near: 'query',
    good: () => summarySql({ dialect: 'duckdb', source: { query: 'SELECT * FROM tx' } }),
  },
  {
    name: 'compressedSummarySql from transactions',
    bad: () => compressedSummarySql({ dialect: 'postgres', source: 'tx', timeunit: 'week' } as never),
    path: ['options', 'timeunit'],
    near: 'timeUnit',
    good: () => compressedSummarySql({ dialect: 'postgres', source: 'tx', timeUnit: 'week' }),
  },
  {
    name: 'compressedSummarySql from a summary',
    bad: () => compressedSummarySql({ dialect: 'postgres', summry: 's' } as never),
    path: ['options', 'summry'],
    near: 'summary',
    good: () => compressedSummarySql({ dialect: 'postgres', summary: 's' }),
  },
  {
    name: 'scoreSql options',
    bad: () => scoreSql(model, { ...scoreSqlOptions, discountrate: { rate: 0.1, per: 'year' } } as never),
    path: ['options', 'discountrate'],
    near: 'discountRate',
    good: () =>
      scoreSql(model, {
        ...scoreSqlOptions,
        spendModel: { expectedAverageSpendMany: () => Float64Array.of(10) },
        spend: { frequency: Float64Array.of(2), monetaryValue: Float64Array.of(10) },
        discountRate: { rate: 0.1, per: 'year' },
        modelTimeUnit: 'week',
        step: 1,
        margin: 0.5,
        predictions: { purchases: 'p', spend: 's' },
      }),
  },
  {
    name: 'scoreSql predictions',
    bad: () => scoreSql(model, { ...scoreSqlOptions, predictions: { purchase: 'p' } } as never),
    path: ['options', 'predictions', 'purchase'],
    near: 'purchases',
    good: () => scoreSql(model, { ...scoreSqlOptions, predictions: { purchases: 'p' } }),
  },
  {
    name: 'probabilityAliveSql columns',
    bad: () => probabilityAliveSql(model, 'duckdb', { frequency: 'x', recency: 't_x', t: 'T' } as never),
    path: ['columns', 't'],
    near: 'T',
    good: () => probabilityAliveSql(model, 'duckdb', { frequency: 'x', recency: 't_x', T: 'T' }),
  },
];

describe('unknown option keys in charts, report, SQL, DuckDB, cohorts and covariates', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: a typo is unknown_option naming the nearest key', (_name, c) => {
    const issues = thrownIssues(c.bad);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown_option', path: c.path });
    expect(issues[0]!.message).toContain(`did you mean ${c.near}?`);
  });

  it('a nested key is named with its path, as docs/errors.md shows', () => {
    expect(() => fitBgNbd(withCovariates, { covariates: { dropuot: ['female'] } } as never)).toThrow(
      'fitBgNbd: options, covariates, dropuot: unknown option covariates.dropuot: did you mean dropout?',
    );
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: the documented keys pass', (_name, c) => {
    expect(c.good).not.toThrow();
  });
});

// The DuckDB functions: the check runs before DuckDB starts; the valid call runs on the engine.
const csv = { csv: 'examples/data/transactions.csv' };
const dir = mkdtempSync(join(tmpdir(), 'loyalty-unknown-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = { memoryLimit: '1GB', threads: 1, tempDirectory: dir };

interface AsyncCase {
  readonly name: string;
  readonly bad: () => Promise<unknown>;
  readonly path: readonly (string | number)[];
  readonly near: string;
  readonly good: () => Promise<unknown>;
}

const engineCases: AsyncCase[] = [
  {
    name: 'summarizeWithDuckDb',
    bad: () => summarizeWithDuckDb(csv, { memorylimit: '1GB' } as never),
    path: ['options', 'memorylimit'],
    near: 'memoryLimit',
    good: () => summarizeWithDuckDb(csv, { ...engine, columns: { cost: 'cost' }, timeUnit: 'week', periods: 'exact', asOf: '2025-12-31', returns: 'net', dateFormat: 'iso' }),
  },
  {
    name: 'summarizeWithDuckDb columns',
    bad: () => summarizeWithDuckDb(csv, { columns: { costs: 'cost' } } as never),
    path: ['options', 'columns', 'costs'],
    near: 'cost',
    good: () => summarizeWithDuckDb(csv, { columns: { customerId: 'customer_id', date: 'date', amount: 'amount', cost: 'cost' } }),
  },
  {
    name: 'compressedSummaryWithDuckDb',
    bad: () => compressedSummaryWithDuckDb(csv, { thread: 1 } as never),
    path: ['options', 'thread'],
    near: 'threads',
    good: () => compressedSummaryWithDuckDb(csv, { ...engine, timeUnit: 'week', calibrationEnd: '2025-06-30' }),
  },
  {
    name: 'fitCompressedSummary',
    bad: async () => fitCompressedSummary(await compressedSummaryWithDuckDb(csv, { timeUnit: 'week' }), { modle: 'paretonbd' } as never),
    path: ['options', 'modle'],
    near: 'model',
    good: async () => fitCompressedSummary(await compressedSummaryWithDuckDb(csv, { timeUnit: 'week' }), { model: 'paretonbd', l2Penalty: 0, maxIterations: 500, allowUnconverged: false }),
  },
  {
    name: 'copySummaryWithDuckDb',
    bad: () => copySummaryWithDuckDb(csv, { output: join(dir, 's.csv'), fromat: 'csv' } as never),
    path: ['options', 'fromat'],
    near: 'format',
    good: () => copySummaryWithDuckDb(csv, { ...engine, timeUnit: 'week', output: join(dir, 's.out'), format: 'csv' }),
  },
  {
    name: 'scoreWithDuckDb',
    bad: () => scoreWithDuckDb(csv, { output: join(dir, 'x.parquet'), maxIteration: 5 } as never),
    path: ['options', 'maxIteration'],
    near: 'maxIterations',
    good: () =>
      scoreWithDuckDb(csv, {
        ...engine,
        columns: { cost: 'cost' },
        timeUnit: 'week',
        output: join(dir, 'scores.out'),
        format: 'parquet',
        model: 'paretonbd',
        l2Penalty: 0,
        maxIterations: 500,
        allowUnconverged: false,
        horizon: { amount: 1, unit: 'year' },
        discountRate: { rate: 0.1, per: 'year' },
        margin: 0.3,
      }),
  },
  {
    name: 'duckDbSourceColumns',
    bad: () => duckDbSourceColumns(csv, { tempDirectroy: dir } as never),
    path: ['options', 'tempDirectroy'],
    near: 'tempDirectory',
    good: () => duckDbSourceColumns(csv, engine),
  },
];

describe('unknown option keys of the DuckDB functions', () => {
  it.each(engineCases.map((c) => [c.name, c] as const))('%s: a typo is unknown_option naming the nearest key', async (_name, c) => {
    const error = await c.bad().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown_option', path: c.path });
    expect(issues[0]!.message).toContain(`did you mean ${c.near}?`);
  });

  it.each(engineCases.map((c) => [c.name, c] as const))('%s: the documented keys pass', async (_name, c) => {
    await expect(c.good()).resolves.toBeDefined();
  });
});
