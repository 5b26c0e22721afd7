// @ts-check
// Customer summaries: one row per customer from a transaction file, in both conventions
// (RFM measures and the BTYD frequency / recency / T), with revenue, cost and profit.
//
//   node examples/summaries.mjs [transactions.csv]
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarizeCustomers, TransactionTextReader } from 'loyalty-score';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/transactions.csv', import.meta.url));

// Stream the file through the reader: columns are found by their header names
// (customer_id, date, amount, cost, ...), dates are ISO yyyy-MM-dd.
const reader = new TransactionTextReader();
for await (const chunk of createReadStream(file, { encoding: 'utf8' })) reader.push(chunk);
const { table } = reader.finish();

const { customers, asOf } = summarizeCustomers(table, { asOf: '2025-12-31', timeUnit: 'week' });
console.log(`${customers.length} customers from ${table.length} transactions, as of ${asOf} (durations in weeks)`);

const revenue = customers.reduce((s, c) => s + c.revenue, 0);
const profit = customers.reduce((s, c) => s + (c.profit ?? 0), 0);
const repeaters = customers.filter((c) => c.btyd.frequency > 0).length;
console.log(`revenue ${revenue.toFixed(2)}, profit ${profit.toFixed(2)}, repeat buyers ${repeaters} (${((100 * repeaters) / customers.length).toFixed(1)} %)`);

console.log('\nthe five customers with the most revenue:');
const top = [...customers].sort((a, b) => b.revenue - a.revenue).slice(0, 5);
console.table(
  top.map((c) => ({
    customer: c.customerId,
    first: c.firstPurchase,
    last: c.lastPurchase,
    purchases: c.rfm.frequency,
    revenue: Number(c.revenue.toFixed(2)),
    'btyd x': c.btyd.frequency,
    't_x': Number(c.btyd.recency.toFixed(2)),
    T: Number(c.btyd.T.toFixed(2)),
  })),
);
