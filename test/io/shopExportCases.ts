import { dayFromIso, type CustomerId, type TransactionTextOptions } from '../../src/index.js';

/** One row the reader should keep, as the fixture generator made it. */
export interface Truth {
  readonly customer: CustomerId;
  readonly date: string;
  readonly cents: number;
}

/** Each fixture with the API options and the command-line flags that read it. */
export const SHOP_CASES: readonly { file: string; options: TransactionTextOptions; flags: readonly string[] }[] = [
  {
    file: 'online-retail.csv',
    options: { dateFormat: 'M/d/yyyy H:mm', cancelledPrefix: 'C' },
    flags: ['--price', 'UnitPrice', '--quantity', 'Quantity', '--order', 'InvoiceNo', '--cancelled-prefix', 'C', '--date-format', 'auto'],
  },
  {
    file: 'shopify-orders.csv',
    options: { columns: { order: 'Name' }, skipMissing: ['customer'], dateFormat: 'yyyy-MM-dd HH:mm:ss xx' },
    flags: ['--order', 'Name', '--refunded', 'Refunded Amount', '--skip-missing', 'customer', '--date-format', 'auto'],
  },
  { file: 'european-latin1.csv', options: { encoding: 'latin1', decimal: 'comma', dateFormat: 'd.M.yyyy' }, flags: ['--encoding', 'latin1', '--decimal', 'auto', '--date-format', 'auto'] },
  { file: 'multiline-notes.csv', options: {}, flags: [] },
];

/** Per customer: net revenue in cents, BTYD frequency, recency and T in days, computed from the truth rows (purchases: rows with an amount >= 0). */
export function expectedTotals(truth: readonly Truth[]): { asOf: string; customers: Map<CustomerId, { cents: number; frequency: number; recency: number; T: number }> } {
  const asOf = truth.reduce((m, t) => (t.date > m ? t.date : m), '');
  const by = new Map<CustomerId, { cents: number; days: Set<string> }>();
  for (const t of truth) {
    const c = by.get(t.customer) ?? { cents: 0, days: new Set<string>() };
    c.cents += t.cents;
    if (t.cents >= 0) c.days.add(t.date);
    by.set(t.customer, c);
  }
  const customers = new Map<CustomerId, { cents: number; frequency: number; recency: number; T: number }>();
  for (const [id, c] of by) {
    if (c.days.size === 0) continue;
    const days = [...c.days].map(dayFromIso).sort((a, b) => a - b);
    customers.set(id, { cents: c.cents, frequency: days.length - 1, recency: days.at(-1)! - days[0]!, T: dayFromIso(asOf) - days[0]! });
  }
  return { asOf, customers };
}
