import { invalidOption } from '../errors/InvalidInputError.js';

/** A column given by header name or by 1-based position. */
export type ColumnRef = string | number;

/**
 * Which column holds which field. Positions are 1-based. Header names are matched ignoring case,
 * spaces, `_` and `-` (`Customer ID`, `customer_id` and `customerid` are one name). Without a
 * name for a field, the first synonym of {@link COLUMN_SYNONYMS} found in the header is taken
 * (the synonym order decides, not the column order).
 */
export interface ColumnMap {
  /** @defaultValue the first of the customer synonyms (`customer_id`, `customerid`, `customer`, `client_id`, `email`, `user_id`, …, bare `id` last); position 1 without a header */
  customer?: ColumnRef;
  /** @defaultValue the first of the date synonyms (`date`, `invoicedate`, `created at`, `order_date`, `timestamp`, …); position 2 without a header */
  date?: ColumnRef;
  /**
   * Revenue of the row. @defaultValue the first of `amount`, `total`, `revenue`, `sales`, `value`,
   * `spend`, `monetary`; position 3 without a header. When no amount column exists, `price` and
   * `quantity` give `amount = quantity × price`; with neither, the data is count-only.
   */
  amount?: ColumnRef;
  /** Unit price, multiplied by `quantity` when there is no amount column. @defaultValue `unitprice`, `price`, `unit_price`, `lineitem price` if present, else none */
  price?: ColumnRef;
  /** @defaultValue `quantity`, `qty`, `lineitem quantity` if present, else none */
  quantity?: ColumnRef;
  /** Amount refunded on the row, subtracted from its amount. @defaultValue `refunded amount`, `refunded`, `refund` if present, else none */
  refunded?: ColumnRef;
  /** @defaultValue `cost` or `cogs` if present, else none */
  cost?: ColumnRef;
  /** @defaultValue `orderId`, `order_id`, `order`, `invoiceno`, `invoice`, `order_number` if present, else none */
  order?: ColumnRef;
  /** @defaultValue `promo` or `promotion` if present, else none */
  promo?: ColumnRef;
  /** @defaultValue `discount` if present, else none */
  discount?: ColumnRef;
}

/** A transaction field a column can hold. */
export type Field = keyof ColumnMap;
export const FIELDS: readonly Field[] = ['customer', 'date', 'amount', 'price', 'quantity', 'refunded', 'cost', 'order', 'promo', 'discount'];

/**
 * The column-name synonyms the text reader looks for, per field, best first. Names are compared
 * in normal form: lower case without spaces, `_` and `-` (so `Created at` is `createdat`). The
 * customer is taken from a bare `id` only when no other customer synonym is in the header, and
 * never from `name`.
 */
export const COLUMN_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  customer: ['customerid', 'customer', 'clientid', 'client', 'email', 'customeremail', 'userid', 'user', 'cust', 'custid', 'buyer', 'accountid', 'memberid', 'id'],
  date: ['date', 'invoicedate', 'createdat', 'orderdate', 'timestamp', 'purchasedate', 'transactiondate', 'datetime', 'day', 'paidat', 'time'],
  amount: ['amount', 'total', 'revenue', 'sales', 'value', 'spend', 'monetary', 'totalprice', 'dollarvalue'],
  price: ['unitprice', 'price', 'lineitemprice', 'itemprice'],
  quantity: ['quantity', 'qty', 'lineitemquantity', 'units'],
  refunded: ['refundedamount', 'refunded', 'refund', 'refundamount'],
  cost: ['cost', 'cogs'],
  order: ['orderid', 'order', 'invoiceno', 'invoice', 'invoiceid', 'ordernumber', 'orderno', 'transactionid'],
  promo: ['promo', 'promotion', 'onpromo'],
  discount: ['discount'],
};
const DEFAULT_POSITIONS: Partial<Record<Field, number>> = { customer: 1, date: 2, amount: 3 };

/** A header name in the normal form used for matching. @internal */
export function normalColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Resolved 0-based column index per field (-1 when absent). @internal */
export type ResolvedColumns = Record<Field, number>;

/**
 * Resolves the column map against a header (or against positions only when `header` is null).
 * A detected column is never one the map names for another field.
 * @internal
 */
export function resolveColumns(map: ColumnMap, header: readonly string[] | null, reveal = false): ResolvedColumns {
  const out = {} as ResolvedColumns;
  const normal = header?.map(normalColumnName) ?? null;
  for (const f of FIELDS) {
    const ref = map[f];
    let idx = -1;
    if (typeof ref === 'number' || (typeof ref === 'string' && /^\d+$/.test(ref))) {
      const pos = Number(ref);
      if (!Number.isInteger(pos) || pos < 1) invalidOption(f, 'a column position must be a whole number >= 1');
      idx = pos - 1;
    } else if (typeof ref === 'string') {
      if (!normal) invalidOption(f, `column "${ref}" named but the file has no header row (expected a 1-based position)`);
      idx = header!.findIndex((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
      if (idx < 0) idx = normal.indexOf(normalColumnName(ref));
      if (idx < 0) invalidOption(f, `no column named "${ref}" (columns: ${headerNames(header!, reveal)})`);
    } else if (ref !== undefined && ref !== null) {
      invalidOption(f, 'expected a header name or a 1-based column position');
    }
    out[f] = idx;
  }
  const taken = new Set(Object.values(out).filter((k) => k >= 0));
  for (const f of FIELDS) {
    if (out[f] >= 0 || map[f] !== undefined) continue;
    if (normal) {
      for (const name of COLUMN_SYNONYMS[f]) {
        const k = normal.findIndex((h, j) => h === name && !taken.has(j));
        if (k >= 0) {
          out[f] = k;
          taken.add(k);
          break;
        }
      }
    } else if (DEFAULT_POSITIONS[f] !== undefined && !(f === 'amount' && (out.price >= 0 || map.amount === null))) {
      out[f] = DEFAULT_POSITIONS[f]! - 1;
    }
  }
  if (out.customer < 0) invalidOption('customer', missingMessage('customer', header, reveal));
  if (out.date < 0) invalidOption('date', missingMessage('date', header, reveal));
  if (out.price >= 0 && out.amount < 0 && out.quantity < 0 && map.price !== undefined) {
    invalidOption('price', 'a price column needs a quantity column to compute the amount (name it with the quantity option, --quantity on the command line)');
  }
  return out;
}

function missingMessage(f: Field, header: readonly string[] | null, reveal: boolean): string {
  return `no ${f} column found among ${header ? headerNames(header, reveal) : '(no header)'} (expected one of ${COLUMN_SYNONYMS[f].join(', ')}, or name it with the ${f} option, --${f} on the command line)`;
}

/**
 * The header's names for a message. A first line taken for a header may be a data row (a file
 * without a header), so its fields are named only under `reveal` (`revealValues`); otherwise the
 * message counts the columns and names only those that are one of our known column names.
 */
function headerNames(header: readonly string[], reveal: boolean): string {
  if (reveal) return header.join(', ');
  const known = new Set(Object.values(COLUMN_SYNONYMS).flat());
  const names = header.filter((h) => known.has(normalColumnName(h)));
  const listed = names.length > 0 ? `, of which ${names.map((h) => h.trim()).join(', ')} known` : '';
  return `the ${header.length} columns of the header${listed}; --reveal-values (revealValues) names them all`;
}

/** How the amount of a row is made: read, computed as quantity × price, taken from a price, or absent (count-only data). */
export type AmountSource = 'column' | 'price' | 'price-times-quantity' | 'none';

/** @internal */
export function amountSource(c: ResolvedColumns): AmountSource {
  if (c.amount >= 0) return 'column';
  if (c.price >= 0) return c.quantity >= 0 ? 'price-times-quantity' : 'price';
  return 'none';
}

/** One line naming the column chosen for each field, e.g. `customer=Email, date=Created at, amount=Total`. @internal */
export function describeColumns(c: ResolvedColumns, header: readonly string[] | null): string {
  const name = (k: number): string => (header ? JSON.stringify(header[k]?.trim() ?? `#${k + 1}`) : `#${k + 1}`);
  const parts: string[] = [];
  for (const f of FIELDS) if (c[f] >= 0) parts.push(`${f}=${name(c[f])}`);
  const src = amountSource(c);
  if (src === 'price-times-quantity') parts.push('amount=quantity×price');
  else if (src === 'price') parts.push('amount=price');
  else if (src === 'none') parts.push('no amount (count-only)');
  return parts.join(', ');
}
