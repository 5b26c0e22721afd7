import { rejectUnknownKeys } from '../errors/knownKeys.js';
import { PARSE_TRANSACTIONS_OPTION_KEYS, type ParseTransactionsOptions } from './parseTransactions.js';
import type { ParseCountOnlyResult, ParseTransactionsResult } from './parseResult.js';
import { resolveRowPolicies } from './resolveRowPolicies.js';
import { RowAppender } from './RowAppender.js';
import type { CountOnlyTransactionInput, TransactionInput } from './types.js';

/**
 * {@link parseTransactions} over a stream of row batches (an async iterable of arrays: pages of
 * an API, chunks of a file, cursor reads): the rows of every batch go into one
 * {@link TransactionTable}, validated as one input (count-only when no row of the first batch has
 * an amount or a cost; a later row with one is then invalid). Row indices in issues and in `rejected`
 * count from the first row of the first batch, so they name the row of the whole stream.
 *
 * Cost: O(n) time; each batch is validated and appended, so only the table and one batch are
 * held at once. The row rules hold across batches: an order id of one batch used by another
 * customer in a later batch is a conflict like any other.
 *
 * @param batches - The row batches, in order.
 * @param options - See {@link ParseTransactionsOptions}: date format, invalid rows, returns, row rules, raw values in messages.
 * @returns The table, the rejected rows, the number of returns dropped and of order-id conflicts kept.
 * @throws {@link InvalidInputError} under `onInvalid: 'throw'` (the default) when any row is invalid, after reading every batch;
 *   at once for an unknown option key (naming the nearest valid one), a bad option value or a batch that is not an array.
 * @example
 * ```ts
 * import { parseTransactionBatches } from 'loyalty-score';
 * async function* pages() {
 *   yield [{ customerId: 'ann', date: '2024-01-05', amount: 20 }];
 *   yield [{ customerId: 'bob', date: '2024-01-06', amount: 35.5 }, { customerId: 'ann', date: 'soon', amount: 3 }];
 * }
 * const { table, rejected } = await parseTransactionBatches(pages(), { onInvalid: 'collect' });
 * table.customerIds; // => ['ann', 'bob']
 * rejected[0].row; // => 2
 * ```
 */
// Count-only first: the last signature is the one generic wrappers such as `safe` see.
export function parseTransactionBatches(batches: AsyncIterable<ArrayLike<CountOnlyTransactionInput>>, options?: ParseTransactionsOptions): Promise<ParseCountOnlyResult>;
export function parseTransactionBatches(batches: AsyncIterable<ArrayLike<TransactionInput>>, options?: ParseTransactionsOptions): Promise<ParseTransactionsResult>;
export async function parseTransactionBatches(
  batches: AsyncIterable<ArrayLike<TransactionInput | CountOnlyTransactionInput>>,
  options: ParseTransactionsOptions = {},
): Promise<ParseTransactionsResult | ParseCountOnlyResult> {
  rejectUnknownKeys(options, PARSE_TRANSACTIONS_OPTION_KEYS, 'options', 'parseTransactionBatches');
  const appender = new RowAppender(resolveRowPolicies(options), 1024);
  let offset = 0;
  for await (const batch of batches) {
    appender.add(batch, offset);
    offset += batch.length;
  }
  return appender.finish();
}
