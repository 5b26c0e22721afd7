import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransactionInput } from '../../src/transactions/types.js';
import { readShared } from '../helpers/sharedData.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The example transactions shipped in examples/data/transactions.csv (simulateTransactions, seed 2024). */
export function exampleTransactions(): TransactionInput[] {
  const lines = readFileSync(resolve(ROOT, 'examples/data/transactions.csv'), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  const col = (name: string): number => header.indexOf(name);
  const [id, date, amount, promo, discount] = ['customer_id', 'date', 'amount', 'promo', 'discount'].map(col) as [number, number, number, number, number];
  return lines.slice(1).map((line) => {
    const f = line.split(',');
    return { customerId: f[id]!, date: f[date]!, amount: Number(f[amount]), promo: f[promo] === 'true', discount: Number(f[discount]) };
  });
}

/** Path of a file under examples/data. */
export function examplePath(name: string): string {
  return resolve(ROOT, 'examples/data', name);
}

/** Every CDNOW master row (23,570 customers, Jan 1997 - Jun 1998): master id, yyyyMMdd date, dollars. */
export function cdnowMasterRows(): TransactionInput[] {
  return readShared('CDNOW_master.txt')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [id, date, cds, dollars] = l.trim().split(/\s+/);
      return { customerId: Number(id), date: date!, amount: Number(dollars), quantity: Number(cds) };
    });
}

/** The master ids of the CDNOW 1/10 sample. */
export function cdnowSampleIds(): Set<number> {
  return new Set(
    readShared('CDNOW_sample.txt')
      .split(/\r?\n/)
      .filter((l) => l.trim().length > 0)
      .map((l) => Number(l.trim().split(/\s+/)[0])),
  );
}
