// @ts-check
// Lifetime value: fits the BG/NBD purchase model and the Gamma-Gamma spend model to the
// customer summaries, then predicts each customer's discounted margin over the next year.
//
//   node examples/lifetime-value.mjs [transactions.csv]
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitBgNbd, fitGammaGamma, predictClv, summarizeCustomers, TransactionTextReader } from 'loyalty-score';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/transactions.csv', import.meta.url));
const reader = new TransactionTextReader();
for await (const chunk of createReadStream(file, { encoding: 'utf8' })) reader.push(chunk);
const { table } = reader.finish();

// The models work in one time unit: weeks here.
const asOf = '2025-12-31';
const { customers } = summarizeCustomers(table, { asOf, timeUnit: 'week' });

const purchases = fitBgNbd(customers);
const spend = fitGammaGamma(customers);
const round = (/** @type {number} */ x) => Number(x.toPrecision(4));
const show = (/** @type {Record<string, number>} */ params) => Object.entries(params).map(([k, v]) => `${k} = ${round(v)}`).join(', ');
console.log(`BG/NBD fitted on ${purchases.customers} customers: ${show({ ...purchases.params })} (log-likelihood ${purchases.logLikelihood.toFixed(1)}, converged: ${purchases.converged})`);
console.log(`Gamma-Gamma fitted on ${spend.customers} repeat buyers: ${show({ ...spend.params })} (converged: ${spend.converged})`);

// Margin: each summary carries revenue and profit, so each customer's own margin is used.
const clv = predictClv(purchases, spend, customers, {
  asOf,
  horizon: { amount: 1, unit: 'year' },
  discountRate: { rate: 0.1, per: 'year' },
  modelTimeUnit: 'week',
});
const alive = purchases.probabilityAliveMany(customers.map((c) => c.btyd));
console.log(`expected margin over the next year, discounted at 10 % a year: ${clv.total.toFixed(2)} in total`);

console.log('\nthe ten customers with the highest lifetime value:');
const order = customers.map((_, i) => i).sort((a, b) => (clv.clv[b] ?? 0) - (clv.clv[a] ?? 0));
console.table(
  order.slice(0, 10).map((i) => {
    const c = /** @type {import('loyalty-score').CustomerSummary} */ (customers[i]);
    return {
      customer: c.customerId,
      'repeat purchases': c.btyd.frequency,
      'P(alive)': round(alive[i] ?? 0),
      'expected purchases': round(clv.expectedPurchases[i] ?? 0),
      'expected spend': round(clv.expectedSpend[i] ?? 0),
      margin: round(clv.margin[i] ?? 0),
      clv: Number((clv.clv[i] ?? 0).toFixed(2)),
    };
  }),
);
