/**
 * The whole pipeline on 1M customers and 4M transactions (target: scoreCustomers without
 * `best` under 3 s, of which the one summary + signals pass and the loyalty classification
 * under 1.2 s). The peer is lifetimes' pipeline (summary, BG/NBD, Gamma-Gamma, predictions, CLV),
 * which `npm run bench:peers` runs side by side on a 500k-customer file.
 * Run: npx vitest bench --run test/bench/pipeline.bench.ts
 */
import { bench, describe } from 'vitest';
import { classifyLoyaltyColumns } from '../../src/loyalty/classifyLoyaltyColumns.js';
import { scoreCustomers } from '../../src/pipeline/scoreCustomers.js';
import { summarizeCustomerColumns } from '../../src/summary/summarizeCustomers.js';
import type { TransactionTable } from '../../src/transactions/types.js';
import { generateTable } from './generateTable.mjs';

const CUSTOMERS = 1_000_000;
const table = generateTable(4 * CUSTOMERS, CUSTOMERS, { seed: 9 }) as TransactionTable;
const options = { asOf: '2024-12-31', timeUnit: 'week' } as const;

let sink = 0;
function check(n: number): void {
  // The benchmark checks its own results, so the engine cannot skip the work.
  if (!(n > 0.99 * CUSTOMERS)) throw new Error(`expected about ${CUSTOMERS} customers, got ${n}`);
  sink += n;
}

describe('pipeline, 1M customers, 4M transactions', () => {
  bench('summary + behaviour signals (one pass)', () => {
    check(summarizeCustomerColumns(table, { ...options, activity: true }).columns.length);
  }, { iterations: 3, warmupIterations: 1 });

  const { activity } = summarizeCustomerColumns(table, { ...options, activity: true });
  bench('loyalty classification (pyramid + type)', () => {
    check(classifyLoyaltyColumns(activity!).length);
  }, { iterations: 3, warmupIterations: 1 });

  bench('scoreCustomers (BG/NBD, Gamma-Gamma, CLV)', () => {
    check(scoreCustomers(table, options).length);
  }, { iterations: 3, warmupIterations: 1 });
});

export { sink };
