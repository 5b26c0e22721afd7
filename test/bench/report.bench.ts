/**
 * The HTML report of 1M customers (4.6M transactions, the pipeline bench's simulated base):
 * target under 10 s to render and under 5 MB of HTML. buildReport scores the base (twice with
 * compareAsOf), refits the model on the calibration period and sorts the rows once for the
 * tracking curve; renderReport turns the aggregates into HTML. Every chart is aggregated, so the
 * size does not grow with the base: the bench throws if it passes 5 MB.
 * Run: npx vitest bench --run test/bench/report.bench.ts
 */
import { bench, describe } from 'vitest';
import { buildReport } from '../../src/report/buildReport.js';
import { renderReport } from '../../src/report/renderReport.js';
import { simulateTransactions } from '../../src/simulate/simulateTransactions.js';
import { parseTransactions } from '../../src/transactions/parseTransactions.js';

const CUSTOMERS = 1_000_000;
const table = parseTransactions(simulateTransactions({ customers: CUSTOMERS, start: '2024-01-01', end: '2025-06-30', seed: 9 })).table;
const options = { asOf: '2025-06-30', timeUnit: 'week' } as const;
const data = buildReport(table, options);

let sink = 0;
function check(html: string): void {
  // The benchmark checks its own results, so the engine cannot skip the work.
  if (!html.includes(`${CUSTOMERS.toLocaleString('en-US')} customers`)) throw new Error('the report does not name the 1M customers');
  if (html.length > 5 * 1024 * 1024) throw new Error(`the report is ${html.length} bytes, over 5 MB`);
  sink += html.length;
}

describe('report, 1M customers, 4.6M transactions', () => {
  bench('renderReport (HTML from the report data)', () => {
    check(renderReport(data));
  }, { iterations: 3, warmupIterations: 1 });

  bench('buildReport + renderReport (scoring, calibration fit, tracking, HTML)', () => {
    check(renderReport(buildReport(table, options)));
  }, { iterations: 1, warmupIterations: 0 });
});

export { sink };
