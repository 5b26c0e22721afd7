// The example data of the repository (examples/data/transactions.csv), as rows with cost.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The example file's rows: customer id, ISO date, amount and cost. */
export function exampleRows(): { customerId: string; date: string; amount: number; cost: number }[] {
  return readFileSync(resolve(import.meta.dirname, '../../examples/data/transactions.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => {
      const [customerId, date, amount, cost] = l.split(',');
      return { customerId: customerId!, date: date!, amount: Number(amount), cost: Number(cost) };
    });
}
