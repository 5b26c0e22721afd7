import type { TransactionTable } from './types.js';

/**
 * The rows of a table whose order id was used by an earlier row of another customer or of
 * another day: what `orderIds: 'lenient'` kept (`orderIdConflicts`), counted again from the
 * columns, for tables whose builder result is not at hand (the command line's reader).
 * Cost: O(n) time, 8 bytes per distinct order id.
 * @internal
 */
export function countOrderIdConflicts(table: TransactionTable): number {
  const order = table.order;
  if (order === null) return 0;
  const customer = new Int32Array(table.orderIds.length).fill(-1);
  const day = new Int32Array(table.orderIds.length);
  let conflicts = 0;
  for (let i = 0; i < table.length; i++) {
    const o = order[i]!;
    if (o < 0) continue;
    if (customer[o] === -1) {
      customer[o] = table.customer[i]!;
      day[o] = table.day[i]!;
    } else if (customer[o] !== table.customer[i] || day[o] !== table.day[i]) conflicts++;
  }
  return conflicts;
}
