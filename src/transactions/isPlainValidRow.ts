/**
 * A fast precheck of one row against the shape {@link transactionRowSchema} describes (with
 * `countOnly`, {@link countOnlyRowSchema}: no amount and no cost): `true` only for rows that the
 * schema accepts as they are. Rows it does not clear go through the zod
 * schema, which decides and produces the issues; so zod stays the single definition of a valid
 * row, and a property test checks that this precheck never clears a row zod rejects.
 * @internal
 */
export function isPlainValidRow(raw: unknown, countOnly = false): raw is {
  customerId: string | number;
  date: Date | string | number;
  amount: number;
  cost?: number | null;
  quantity?: number | null;
  orderId?: string | number | null;
  promo?: boolean | null;
  discount?: number | null;
} {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  const id = r.customerId;
  if (typeof id === 'string') {
    if (id.length === 0) return false;
  } else if (typeof id !== 'number' || !Number.isFinite(id)) return false;
  const date = r.date;
  if (typeof date !== 'string' && !(typeof date === 'number' && Number.isFinite(date)) && !(date instanceof Date && date.getTime() === date.getTime())) {
    return false;
  }
  const amount = r.amount;
  const cost = r.cost;
  if (countOnly) {
    if (amount !== undefined || cost !== undefined) return false;
  } else {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return false;
    if (cost != null && (typeof cost !== 'number' || !Number.isFinite(cost))) return false;
  }
  const quantity = r.quantity;
  if (quantity != null && (typeof quantity !== 'number' || !Number.isFinite(quantity))) return false;
  const orderId = r.orderId;
  if (orderId != null && !((typeof orderId === 'string' && orderId.length > 0) || (typeof orderId === 'number' && Number.isFinite(orderId)))) return false;
  const promo = r.promo;
  if (promo != null && typeof promo !== 'boolean') return false;
  const discount = r.discount;
  if (discount != null && (typeof discount !== 'number' || !Number.isFinite(discount) || discount < 0)) return false;
  return true;
}
