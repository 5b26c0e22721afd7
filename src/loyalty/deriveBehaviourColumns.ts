import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { customerIndexOrder } from '../summary/compareCustomerIds.js';
import { toTable, type TableOrRows } from '../summary/toTable.js';
import { isoFromDay } from '../time/days.js';
import { toEpochDay } from '../time/toEpochDay.js';
import { latestDay } from '../transactions/latestDay.js';
import type { AsOfOptions, RowInputOptions } from '../transactions/options.js';
import type { CustomerId, TransactionTable } from '../transactions/types.js';
import type { BehaviourColumns } from './behaviourColumns.js';
import { groupRowsByCustomer } from './groupRowsByCustomer.js';

/** Options of {@link deriveBehaviourColumns} and {@link deriveBehaviourSignals}: how rows are read, and the as-of date. */
export interface DeriveBehaviourColumnsOptions extends RowInputOptions, AsOfOptions {}

/** Result of {@link deriveBehaviourColumns}. */
export interface BehaviourColumnsResult {
  /**
   * The signals of every customer with at least one purchase up to `asOf`, ordered by
   * {@link compareCustomerIds}; customer `i` is `customerIds[i]`.
   */
  readonly columns: BehaviourColumns;
  /** The customer at each position of `columns`. */
  readonly customerIds: readonly CustomerId[];
  /** The as-of date used, `yyyy-MM-dd`. */
  readonly asOf: string;
  /** What was left out, and why. */
  readonly excluded: {
    /** Rows dated after `asOf`. */
    readonly rowsAfterAsOf: number;
    /** Customers with no purchase up to `asOf` (all rows later, or returns only). */
    readonly customersWithoutPurchase: number;
  };
}

/**
 * Derives each customer's behavioural loyalty signals from their transactions, by column: the
 * same signals as {@link deriveBehaviourSignals} (see there for the definitions), in the same
 * order, without an object per customer. Feed the result to {@link classifyLoyaltyColumns}.
 *
 * Cost: O(n) time for logs in date order (O(n log n) worst case): a counting sort of the row
 * indices by customer (4 bytes per row of scratch), then one pass per customer over the typed
 * columns; 80 bytes per customer of output (96 with promotion and discount columns).
 *
 * @param input - A {@link TransactionTable} or an array of transaction rows.
 * @param options - See {@link DeriveBehaviourColumnsOptions}.
 * @returns The columns, the customer ids in column order, the as-of date, and what was left out.
 * @throws {@link InvalidInputError} for invalid rows or options, or rows after `asOf` under `afterAsOf: 'reject'`.
 * @example
 * ```ts
 * import { deriveBehaviourColumns } from 'loyalty-score';
 * const { columns, customerIds } = deriveBehaviourColumns(
 *   [
 *     { customerId: 'bo', date: '2024-01-20', amount: 50 },
 *     { customerId: 'ann', date: '2024-01-01', amount: 20 },
 *     { customerId: 'ann', date: '2024-01-11', amount: 20 },
 *     { customerId: 'ann', date: '2024-01-31', amount: 40 },
 *   ],
 *   { asOf: '2024-02-05' },
 * );
 * customerIds; // => ['ann', 'bo']
 * Array.from(columns.purchases); // => [3, 1]
 * Array.from(columns.meanGapDays); // => [15, NaN]
 * Array.from(columns.spendTrend); // => [(40 - 20) / 60, NaN]
 * columns.promoShare; // => null
 * ```
 */
export function deriveBehaviourColumns(input: TableOrRows, options: DeriveBehaviourColumnsOptions = {}): BehaviourColumnsResult {
  const afterAsOf = options.afterAsOf ?? 'exclude';
  if (afterAsOf !== 'exclude' && afterAsOf !== 'reject') invalidOption('afterAsOf', "expected 'exclude' or 'reject'");
  const table = toTable(input, options);
  const asOf = options.asOf === undefined ? latestDay(table) : toEpochDay(options.asOf, 'asOf');
  const k = table.customerIds.length;

  const groups = groupRowsByCustomer(table, asOf);
  if (groups.rowsAfter > 0 && afterAsOf === 'reject') rejectRowsAfter(table.day, asOf);
  const out = new ColumnsBuilder(k, table.promo !== null, table.discount !== null);
  const scratch = new Float64Array(groups.maxRows);
  const ids: CustomerId[] = [];
  const byId = customerIndexOrder(table.customerIds);
  const { start, rows } = groups;
  for (let o = 0; o < k; o++) {
    const c = byId[o]!;
    if (scanCustomer(table, rows, start[c]!, start[c + 1]!, asOf, scratch, out, ids.length)) ids.push(table.customerIds[c]!);
  }
  const excluded = { rowsAfterAsOf: groups.rowsAfter, customersWithoutPurchase: k - ids.length };
  return { columns: out.finish(ids.length), customerIds: ids, asOf: isoFromDay(asOf), excluded };
}

/** The output columns, sized for every customer of the table and cut to the purchasers at the end. */
class ColumnsBuilder {
  readonly purchases: Float64Array;
  readonly tenureDays: Float64Array;
  readonly daysSinceLastPurchase: Float64Array;
  readonly meanGapDays: Float64Array;
  readonly recencyRatio: Float64Array;
  readonly gapCv: Float64Array;
  readonly spendTrend: Float64Array;
  readonly totalSpend: Float64Array;
  readonly promoShare: Float64Array | null;
  readonly discountDepth: Float64Array | null;

  constructor(k: number, promo: boolean, discount: boolean) {
    this.purchases = new Float64Array(k);
    this.tenureDays = new Float64Array(k);
    this.daysSinceLastPurchase = new Float64Array(k);
    this.meanGapDays = new Float64Array(k);
    this.recencyRatio = new Float64Array(k);
    this.gapCv = new Float64Array(k);
    this.spendTrend = new Float64Array(k);
    this.totalSpend = new Float64Array(k);
    this.promoShare = promo ? new Float64Array(k) : null;
    this.discountDepth = discount ? new Float64Array(k) : null;
  }

  finish(n: number): BehaviourColumns {
    const cut = (a: Float64Array): Float64Array => (a.length === n ? a : a.slice(0, n));
    return {
      length: n,
      purchases: cut(this.purchases),
      tenureDays: cut(this.tenureDays),
      daysSinceLastPurchase: cut(this.daysSinceLastPurchase),
      meanGapDays: cut(this.meanGapDays),
      recencyRatio: cut(this.recencyRatio),
      gapCv: cut(this.gapCv),
      spendTrend: cut(this.spendTrend),
      totalSpend: cut(this.totalSpend),
      promoShare: this.promoShare === null ? null : cut(this.promoShare),
      discountDepth: this.discountDepth === null ? null : cut(this.discountDepth),
    };
  }
}

/**
 * Writes the behaviour signals of one customer, whose rows are `rows[from..to)` in day order, at
 * position `at` of the output; `false` (nothing written) without a purchase. `daySpend` is
 * scratch space for the spend of each purchase day.
 */
function scanCustomer(
  table: TransactionTable,
  rows: Int32Array,
  from: number,
  to: number,
  asOf: number,
  daySpend: Float64Array,
  out: ColumnsBuilder,
  at: number,
): boolean {
  const { day, amount, promo, discount } = table;
  let purchases = 0;
  let first = 0;
  let last = 0;
  let total = 0;
  let gapMean = 0;
  let gapM2 = 0;
  let promoKnown = 0;
  let promoYes = 0;
  let depthSum = 0;
  let depthCount = 0;
  for (let r = from; r < to; r++) {
    const i = rows[r]!;
    const a = amount[i]!;
    total += a;
    if (a < 0) continue;
    const d = day[i]!;
    if (purchases === 0) {
      first = d;
      last = d;
      purchases = 1;
      daySpend[0] = a;
    } else if (d !== last) {
      // Welford's running mean and sum of squared deviations of the gaps
      const gap = d - last;
      const delta = gap - gapMean;
      gapMean += delta / purchases; // purchases = number of gaps so far, this one included
      gapM2 += delta * (gap - gapMean);
      last = d;
      daySpend[purchases] = a;
      purchases++;
    } else {
      daySpend[purchases - 1]! += a;
    }
    if (promo) {
      const f = promo[i]!;
      if (f !== 255) {
        promoKnown++;
        promoYes += f;
      }
    }
    if (discount) {
      const x = discount[i]!;
      if (x === x && a + x > 0) {
        depthSum += x / (a + x);
        depthCount++;
      }
    }
  }
  if (purchases === 0) return false;
  const meanGapDays = purchases >= 2 ? (last - first) / (purchases - 1) : Number.NaN;
  out.purchases[at] = purchases;
  out.tenureDays[at] = asOf - first;
  out.daysSinceLastPurchase[at] = asOf - last;
  out.meanGapDays[at] = meanGapDays;
  out.recencyRatio[at] = purchases >= 2 ? (asOf - last) / meanGapDays : Number.NaN;
  out.gapCv[at] = purchases >= 3 ? Math.sqrt(Math.max(0, gapM2) / (purchases - 1)) / gapMean : Number.NaN;
  out.spendTrend[at] = purchases >= 2 ? spendTrend(daySpend, purchases, table, rows, from, to) : Number.NaN;
  out.totalSpend[at] = total;
  if (out.promoShare !== null) out.promoShare[at] = promoKnown > 0 ? promoYes / promoKnown : Number.NaN;
  if (out.discountDepth !== null) out.discountDepth[at] = depthCount > 0 ? depthSum / depthCount : Number.NaN;
  return true;
}

/**
 * `(late - early) / (late + early)` over the first and last `floor(purchases / 2)` purchase days
 * (purchase spends are >= 0), 0 when both are 0. When a sum overflows (amounts near the double
 * limit), the block is summed again in units of 2^1000, which no sum of doubles can overflow.
 */
function spendTrend(daySpend: Float64Array, purchases: number, table: TransactionTable, rows: Int32Array, from: number, to: number): number {
  const h = purchases >> 1;
  let early = 0;
  let late = 0;
  for (let p = 0; p < h; p++) {
    early += daySpend[p]!;
    late += daySpend[purchases - 1 - p]!;
  }
  if (early + late === Infinity) {
    const { day, amount } = table;
    const unit = 2 ** -1000;
    early = 0;
    late = 0;
    let p = -1;
    let d = Number.NaN;
    for (let r = from; r < to; r++) {
      const i = rows[r]!;
      const a = amount[i]!;
      if (a < 0) continue;
      if (day[i] !== d) {
        d = day[i]!;
        p++;
      }
      if (p < h) early += a * unit;
      else if (p >= purchases - h) late += a * unit;
    }
  }
  const scale = early + late;
  return scale === 0 ? 0 : (late - early) / scale;
}

function rejectRowsAfter(day: Int32Array, asOf: number): never {
  const issues: InputIssue[] = [];
  const iso = isoFromDay(asOf);
  for (let i = 0; i < day.length; i++) {
    if (day[i]! > asOf) issues.push({ code: 'after_as_of', path: [i, 'date'], message: `dated after asOf (expected on or before ${iso})` });
  }
  throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
}
