import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import type { RowPolicyOptions } from './options.js';
import type { ParseCountOnlyResult, ParseTransactionsResult } from './parseResult.js';
import { resolveRowPolicies } from './resolveRowPolicies.js';
import { RowAppender } from './RowAppender.js';
import type { CountOnlyTransactionInput, TransactionInput } from './types.js';

export type { InvalidRowPolicy, ReturnsPolicy } from './options.js';
export type { ParseCountOnlyResult, ParseTransactionsResult, RejectedRow } from './parseResult.js';

/** Options of {@link parseTransactions}: the shared {@link RowPolicyOptions} (with the row rules of {@link RowCheckOptions}). */
export interface ParseTransactionsOptions extends RowPolicyOptions {}

/** The option names of {@link ParseTransactionsOptions}. @internal */
export const PARSE_TRANSACTIONS_OPTION_KEYS: KeyList<ParseTransactionsOptions> = {
  dateFormat: true,
  onInvalid: true,
  returns: true,
  revealValues: true,
  dateRange: true,
  negativeCost: true,
  orderIds: true,
};

/**
 * Validates plain transaction records and stores them by column.
 *
 * Each row `{ customerId, date, amount, cost?, quantity?, orderId?, promo?, discount? }` is
 * checked against a zod schema (types, finiteness, non-empty ids; rows that plainly fit it are
 * cleared by an equivalent fast check first), then its date is read as a calendar day
 * (see `dateFormat`), then the row rules are applied (see {@link RowCheckOptions}: dates in
 * `dateRange`, no negative cost on a purchase, no negative quantity on a positive amount, one
 * customer and one day per order id). Valid rows go into a {@link TransactionTable}: customer ids interned to
 * integers, dates as whole days since 1970-01-01, money in `Float64Array`s. Ids compare by
 * value and type: `1` and `'1'` are different customers.
 *
 * Count-only rows (a purchase log without amounts, {@link CountOnlyTransactionInput}) are
 * recognised by no row having an `amount` or a `cost`: the table is then a {@link CountOnlyTransactionTable} (`countOnly: true`, amounts zero, `cost`
 * `null`), which summaries give with `null` money and {@link scoreCustomerCounts} scores.
 * As soon as one row has an amount, every row needs one.
 *
 * Cost: O(n) time; about 24 bytes per row plus the optional columns.
 *
 * @param rows - The records; any array-like of objects.
 * @param options - See {@link ParseTransactionsOptions}.
 * @returns The table, the rejected rows, the number of returns dropped and of order-id conflicts kept.
 * @throws {@link InvalidInputError} under `onInvalid: 'throw'` when any row is invalid; its
 *   message names the first row and field, e.g. `row 17, date: not a valid date (expected yyyy-MM-dd)`.
 *   Also for an unknown option key (naming the nearest valid one) or a bad option value.
 * @example
 * ```ts
 * import { parseTransactions } from 'loyalty-score';
 * const { table } = parseTransactions([
 *   { customerId: 'ann', date: '2024-01-05', amount: 20 },
 *   { customerId: 'bob', date: '2024-01-06', amount: 35.5, cost: 20 },
 *   { customerId: 'ann', date: '2024-02-01', amount: -5 },
 * ]);
 * table.length; // => 3
 * table.customerIds; // => ['ann', 'bob']
 * const { rejected } = parseTransactions(
 *   [{ customerId: 'ann', date: '2024-02-30', amount: 20 }],
 *   { onInvalid: 'collect' },
 * );
 * rejected[0].issues[0].message; // => 'not a valid date (expected yyyy-MM-dd)'
 * const shared = parseTransactions(
 *   [
 *     { customerId: 'ann', date: '2024-01-05', amount: 20, orderId: 'A1' },
 *     { customerId: 'bob', date: '2024-01-05', amount: 9, orderId: 'A1' },
 *   ],
 *   { orderIds: 'lenient' },
 * );
 * shared.orderIdConflicts; // => 1
 * const log = parseTransactions([
 *   { customerId: 'ann', date: '2024-01-05' },
 *   { customerId: 'ann', date: '2024-03-01' },
 * ]);
 * [log.table.countOnly, log.table.cost]; // => [true, null]
 * ```
 */
// Count-only first: the last signature is the one generic wrappers such as `safe` see.
export function parseTransactions(rows: ArrayLike<CountOnlyTransactionInput>, options?: ParseTransactionsOptions): ParseCountOnlyResult;
export function parseTransactions(rows: ArrayLike<TransactionInput>, options?: ParseTransactionsOptions): ParseTransactionsResult;
export function parseTransactions(
  rows: ArrayLike<TransactionInput | CountOnlyTransactionInput>,
  options: ParseTransactionsOptions = {},
): ParseTransactionsResult | ParseCountOnlyResult {
  rejectUnknownKeys(options, PARSE_TRANSACTIONS_OPTION_KEYS, 'options', 'parseTransactions');
  const policies = resolveRowPolicies(options);
  const capacity = rows !== null && typeof rows === 'object' && typeof rows.length === 'number' ? rows.length : 0;
  const appender = new RowAppender(policies, capacity);
  appender.add(rows, 0);
  return appender.finish();
}
