// @ts-check
// ABCD tiers: ranks customers by profit into the customer pyramid (top 1 % A, next 4 % B,
// next 15 % C, the rest D) and reports how concentrated the value is (shares, Lorenz, Gini).
//
//   node examples/tiers.mjs [transactions.csv]
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assignTiers, summarizeCustomers, tierReport, TransactionTextReader } from 'loyalty-score';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/transactions.csv', import.meta.url));
const reader = new TransactionTextReader();
for await (const chunk of createReadStream(file, { encoding: 'utf8' })) reader.push(chunk);
const { table } = reader.finish();

const { customers } = summarizeCustomers(table, { asOf: '2025-12-31' });
// The example data carries cost, so the summaries have profit and tiers can rank by it.
const tiers = assignTiers(customers, { by: 'profit' });
const report = tierReport(tiers);

console.log(`ABCD tiers of ${report.customers} customers by profit (total ${report.totalValue.toFixed(2)}), Gini ${report.gini.toFixed(3)}`);
console.table(
  report.tiers.map((t) => ({
    tier: t.tier,
    customers: t.count,
    'customer share %': Number((100 * t.customerShare).toFixed(1)),
    profit: Number(t.value.toFixed(2)),
    'profit share %': Number((100 * t.valueShare).toFixed(1)),
    'mean profit': t.meanValue === null ? null : Number(t.meanValue.toFixed(2)),
  })),
);

// Read off the Lorenz curve: the share of profit held by the top 20 % of customers.
const at80 = report.lorenz.find((p) => Math.abs(p.x - 0.8) < 1e-9);
if (at80) console.log(`the top 20 % of customers make ${(100 * (1 - at80.y)).toFixed(1)} % of the profit`);
if (report.negativeCount > 0) console.log(`${report.negativeCount} customers have a negative profit`);
