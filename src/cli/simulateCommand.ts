import { simulateTransactions } from '../simulate/simulateTransactions.js';
import { isoDateFlag, oneOf, parseFlags, positiveInt, UsageError } from './args.js';
import { writeRows } from './writeTable.js';

export const SIMULATE_HELP = `loyalty-score simulate [options]

Writes simulated transactions (a seeded buy-till-you-die process, see simulateTransactions) to stdout.

  --customers N    number of customers                 (default 3000)
  --start DATE     first day, yyyy-MM-dd               (default 2024-01-01)
  --end DATE       last day, yyyy-MM-dd                (default 2025-12-31)
  --seed N         random seed                         (default 2024)
  --format F       csv | json | ndjson                 (default csv)
`;

/** `loyalty-score simulate`. */
export async function simulateCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(argv, ['customers', 'start', 'end', 'seed', 'format'], []);
  if (positionals.length > 0) throw new UsageError('simulate takes no file');
  const rows = simulateTransactions({
    customers: positiveInt(flags, 'customers') ?? 3000,
    start: isoDateFlag(flags, 'start') ?? '2024-01-01',
    end: isoDateFlag(flags, 'end') ?? '2025-12-31',
    seed: positiveInt(flags, 'seed') ?? 2024,
  });
  const columns = ['customer_id', 'date', 'amount', 'cost', 'quantity', 'promo', 'discount'];
  const format = oneOf(flags, 'format', ['csv', 'json', 'ndjson'], 'csv');
  await writeRows(
    rows.map((r) => ({ customer_id: r.customerId, date: r.date, amount: r.amount, cost: r.cost, quantity: r.quantity, promo: r.promo, discount: r.discount })),
    columns,
    format,
  );
}
