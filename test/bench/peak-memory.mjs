// Peak memory of the columnar summary path, in a fresh process: the resident set at its
// highest (process.resourceUsage().maxRSS) minus the resident set with the input table built,
// per transaction. Run after `npm run build`: node test/bench/peak-memory.mjs [n] [customers] [shuffled]
import { summarizeCustomers } from '../../dist/index.js';
import { generateTable } from './generateTable.mjs';

const n = Number(process.argv[2] ?? 10_000_000);
const customers = Number(process.argv[3] ?? n / 10);
const shuffled = process.argv[4] === 'shuffled';
const before = process.memoryUsage().rss;
const table = generateTable(n, customers, { shuffled });
globalThis.gc?.();
const withTable = process.memoryUsage().rss;
const t0 = performance.now();
const result = summarizeCustomers(table, { asOf: '2024-12-31', timeUnit: 'week' });
const ms = performance.now() - t0;
const peak = process.resourceUsage().maxRSS * 1024;
const mb = (b) => (b / 2 ** 20).toFixed(0);
console.log(
  `${n} transactions (${shuffled ? 'shuffled' : 'day order'}), ${result.customers.length} customers: ${ms.toFixed(0)} ms; ` +
    `input table ${mb(withTable - before)} MB (${((withTable - before) / n).toFixed(1)} B/txn); ` +
    `peak RSS ${mb(peak)} MB; peak above input ${mb(peak - withTable)} MB = ${((peak - withTable) / n).toFixed(1)} B/txn; ` +
    `whole process ${(peak / n).toFixed(1)} B/txn`,
);
