import { invalidOption } from '../errors/InvalidInputError.js';

/** A column given by header name or by 1-based position. */
export type ColumnRef = string | number;

/** Which column holds which field. Positions are 1-based. */
export interface ColumnMap {
  /** @defaultValue the first of `customerId`, `customer_id`, `customer`, `cust`, `id`, `ID`; position 1 without a header */
  customer?: ColumnRef;
  /** @defaultValue `date`, `Date`, `timestamp`, `day`, `order_date`; position 2 without a header */
  date?: ColumnRef;
  /** @defaultValue `amount`, `value`, `revenue`, `spend`, `sales`, `price`, `total`; position 3 without a header */
  amount?: ColumnRef;
  /** @defaultValue `cost` if present, else none */
  cost?: ColumnRef;
  /** @defaultValue `quantity` or `qty` if present, else none */
  quantity?: ColumnRef;
  /** @defaultValue `orderId`, `order_id` or `order` if present, else none */
  order?: ColumnRef;
  /** @defaultValue `promo` or `promotion` if present, else none */
  promo?: ColumnRef;
  /** @defaultValue `discount` if present, else none */
  discount?: ColumnRef;
}

export type Field = keyof ColumnMap;
export const FIELDS: readonly Field[] = ['customer', 'date', 'amount', 'cost', 'quantity', 'order', 'promo', 'discount'];
const REQUIRED: readonly Field[] = ['customer', 'date', 'amount'];

const NAMES: Record<Field, readonly string[]> = {
  customer: ['customerid', 'customer_id', 'customer', 'cust', 'id', 'client', 'client_id', 'user_id'],
  date: ['date', 'timestamp', 'day', 'order_date', 'purchase_date', 'datetime'],
  amount: ['amount', 'value', 'revenue', 'spend', 'sales', 'price', 'total', 'monetary'],
  cost: ['cost', 'cogs'],
  quantity: ['quantity', 'qty'],
  order: ['orderid', 'order_id', 'order'],
  promo: ['promo', 'promotion', 'on_promo'],
  discount: ['discount'],
};
const DEFAULT_POSITIONS: Partial<Record<Field, number>> = { customer: 1, date: 2, amount: 3 };

/** Resolved 0-based column index per field (-1 when absent). @internal */
export type ResolvedColumns = Record<Field, number>;

/**
 * Resolves the column map against a header (or against positions only when `header` is null).
 * @internal
 */
export function resolveColumns(map: ColumnMap, header: readonly string[] | null): ResolvedColumns {
  const out = {} as ResolvedColumns;
  const lower = header?.map((h) => h.trim().toLowerCase()) ?? null;
  for (const f of FIELDS) {
    const ref = map[f];
    let idx = -1;
    if (typeof ref === 'number' || (typeof ref === 'string' && /^\d+$/.test(ref))) {
      const pos = Number(ref);
      if (!Number.isInteger(pos) || pos < 1) invalidOption(f, 'a column position must be a whole number >= 1');
      idx = pos - 1;
    } else if (typeof ref === 'string') {
      if (!lower) invalidOption(f, `column "${ref}" named but the file has no header row (expected a 1-based position)`);
      idx = lower.indexOf(ref.trim().toLowerCase());
      if (idx < 0) invalidOption(f, `no column named "${ref}" (columns: ${header!.join(', ')})`);
    } else if (lower) {
      idx = lower.findIndex((h) => NAMES[f].includes(h));
      if (idx < 0 && REQUIRED.includes(f)) {
        invalidOption(f, `no ${f} column found among ${header!.join(', ')} (expected one of ${NAMES[f].join(', ')}, or name it with the ${f} option, --${f} on the command line)`);
      }
    } else {
      idx = (DEFAULT_POSITIONS[f] ?? 0) - 1;
    }
    out[f] = idx;
  }
  return out;
}
