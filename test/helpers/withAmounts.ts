import type { TransactionTable, TransactionTextResult } from '../../src/index.js';

/** The table of a text read that must carry amounts; fails the test on count-only text. */
export function withAmounts(read: TransactionTextResult): TransactionTable {
  if (read.amountSource === 'none') throw new Error('expected text with amounts, got count-only data (no amount and no price column)');
  return read.table;
}
