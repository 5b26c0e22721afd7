import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import type { RowPolicyOptions } from './options.js';
import { parseTransactions, type ParseTransactionsResult, type RejectedRow } from './parseTransactions.js';
import { TransactionTableBuilder } from './TransactionTableBuilder.js';
import type { TransactionInput } from './types.js';

/**
 * {@link parseTransactions} over a stream of row batches (an async iterable of arrays: pages of
 * an API, chunks of a file, cursor reads): the rows of every batch go into one
 * {@link TransactionTable}, validated as one input. Row indices in issues and in `rejected`
 * count from the first row of the first batch, so they name the row of the whole stream.
 *
 * Cost: O(n) time; each batch is validated, then appended, so only the table and one batch are
 * held at once.
 *
 * @param batches - The row batches, in order.
 * @param options - See {@link RowPolicyOptions}: date format, invalid rows, returns, raw values in messages.
 * @returns The table, the rejected rows and the number of returns dropped.
 * @throws {@link InvalidInputError} under `onInvalid: 'throw'` (the default) when any row is invalid, after reading every batch.
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
export async function parseTransactionBatches(batches: AsyncIterable<ArrayLike<TransactionInput>>, options: RowPolicyOptions = {}): Promise<ParseTransactionsResult> {
  const onInvalid = options.onInvalid ?? 'throw';
  const builder = new TransactionTableBuilder();
  const rejected: RejectedRow[] = [];
  let returnsDropped = 0;
  let offset = 0;
  for await (const batch of batches) {
    // Validates the batch first (its own onInvalid check comes after every batch is read).
    const part = parseTransactions(batch, { ...options, onInvalid: 'collect' });
    for (const r of part.rejected) rejected.push({ row: r.row + offset, issues: r.issues.map((i) => shift(i, offset)) as unknown as NonEmptyArray<InputIssue> });
    returnsDropped += part.returnsDropped;
    const t = part.table;
    for (let i = 0; i < t.length; i++) {
      const o = t.order === null ? -1 : t.order[i]!;
      builder.append(
        t.customerIds[t.customer[i]!]!,
        t.day[i]!,
        t.amount[i]!,
        t.cost === null ? Number.NaN : t.cost[i]!,
        t.quantity === null ? Number.NaN : t.quantity[i]!,
        o < 0 ? null : t.orderIds[o]!,
        t.promo === null ? 255 : t.promo[i]!,
        t.discount === null ? Number.NaN : t.discount[i]!,
      );
    }
    offset += batch.length;
  }
  if (onInvalid === 'throw' && rejected.length > 0) throw new InvalidInputError(rejected.flatMap((r) => r.issues) as unknown as NonEmptyArray<InputIssue>);
  return { table: builder.finish(), rejected, returnsDropped };
}

function shift(issue: InputIssue, offset: number): InputIssue {
  const [head, ...rest] = issue.path;
  return typeof head === 'number' ? { ...issue, path: [head + offset, ...rest] } : issue;
}
