// @ts-check
// RFM: scores every customer 1..5 on recency, frequency and monetary value, and names the
// segment of each R-F-M cell (the default segment table).
//
//   node examples/rfm.mjs [transactions.csv]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreRfm, summarizeCustomers, TransactionTextReader } from 'loyalty-score';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/transactions.csv', import.meta.url));

// A small file can be read whole and pushed in one piece.
const reader = new TransactionTextReader();
reader.push(readFileSync(file, 'utf8'));
const { table } = reader.finish();

const summaries = summarizeCustomers(table, { asOf: '2025-12-31', timeUnit: 'day' });
const rfm = scoreRfm(summaries, { k: 5 });
console.log(`RFM scores for ${rfm.customers.length} customers (k = ${rfm.k}, quantile bins, recency in days)`);

for (const dim of /** @type {const} */ (['recency', 'frequency', 'monetary'])) {
  const b = rfm[dim];
  console.log(`  ${dim.padEnd(9)} cut points ${b.thresholds.map((t) => Number(t.toFixed(2))).join(' | ')}; scores used ${b.scoresUsed.join(',')}`);
}

console.log('\nsegments:');
for (const { segment, count } of [...rfm.segments].sort((a, b) => b.count - a.count)) {
  console.log(`  ${segment.padEnd(22)} ${String(count).padStart(5)}`);
}

const champion = rfm.customers.find((c) => c.cell === '555');
if (champion) console.log(`\nfor example customer ${champion.customerId}: cell ${champion.cell}, segment ${champion.segment}`);
