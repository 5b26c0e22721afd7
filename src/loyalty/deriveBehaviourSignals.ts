import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { customerIndexOrder } from '../summary/compareCustomerIds.js';
import type { RowInputOptions } from '../summary/options.js';
import { latestDay } from '../summary/summarizeCustomers.js';
import { toTable, type TableOrRows } from '../summary/toTable.js';
import { isoFromDay } from '../time/days.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import type { TransactionTable } from '../transactions/types.js';
import { groupRowsByCustomer } from './groupRowsByCustomer.js';
import type { BehaviourSignals, CustomerLoyaltySignals } from './types.js';

/** Options of {@link deriveBehaviourSignals}. */
export interface DeriveBehaviourSignalsOptions extends RowInputOptions {
  /**
   * The as-of date from which tenure and recency are measured (inclusive).
   * @defaultValue the latest transaction date in the data
   */
  asOf?: DateLike;
  /**
   * Transactions dated after `asOf`: `'exclude'` leaves them out and counts them in
   * `excluded.rowsAfterAsOf`; `'reject'` throws an {@link InvalidInputError} naming them.
   * @defaultValue `'exclude'`
   */
  afterAsOf?: 'exclude' | 'reject';
}

/** Result of {@link deriveBehaviourSignals}. */
export interface BehaviourSignalsResult {
  /**
   * One entry per customer with at least one purchase up to `asOf`, ordered by
   * {@link compareCustomerIds}: `{ customerId, behaviour }`, ready for the classifiers
   * (add `attitude` and `context` where you have them).
   */
  readonly customers: CustomerLoyaltySignals[];
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
 * Derives each customer's behavioural loyalty signals from their transactions (DOMAIN §5).
 *
 * Per customer, up to `asOf` (all durations in days):
 * - `purchases`: distinct purchase days (records on one day merge; returns, i.e. negative
 *   amounts, are not purchases);
 * - `tenureDays` = asOf - first purchase day; `daysSinceLastPurchase` = asOf - last purchase day;
 * - `meanGapDays` = (last - first) / (purchases - 1); `recencyRatio` = daysSinceLastPurchase / meanGapDays;
 * - `gapCv` = population standard deviation of the gaps / their mean (from 3 purchases);
 * - `spendTrend` = (late - early) / (|late| + |early|), `early`/`late` the purchase spend of the
 *   first/last `floor(purchases / 2)` purchase days;
 * - `totalSpend`: net revenue, returns included;
 * - `promoShare`: promotion-flagged share of the purchase records whose flag is known (only
 *   when the table has a `promo` column and the customer has a known flag);
 * - `discountDepth`: mean of `discount / (amount + discount)` over purchase records with a
 *   discount and `amount + discount > 0` (only when the table has a `discount` column).
 *
 * Signals that need more purchases than the customer has are `null` ("does not apply").
 *
 * Cost: O(n) time for logs in date order (O(n log n) worst case): one pass per customer over
 * the typed columns after a counting sort of the row indices by customer (4 bytes per row of
 * scratch), plus the output objects (a few hundred bytes per customer).
 *
 * @param input - A {@link TransactionTable} or an array of transaction rows.
 * @param options - See {@link DeriveBehaviourSignalsOptions}.
 * @returns The signals per customer, the as-of date, and what was left out.
 * @throws {@link InvalidInputError} for invalid rows or options, or rows after `asOf` under `afterAsOf: 'reject'`.
 * @example
 * ```ts
 * import { deriveBehaviourSignals } from 'loyalty-score';
 * const { customers } = deriveBehaviourSignals(
 *   [
 *     { customerId: 'ann', date: '2024-01-01', amount: 20, promo: false },
 *     { customerId: 'ann', date: '2024-01-11', amount: 20, promo: true },
 *     { customerId: 'ann', date: '2024-01-21', amount: 40, promo: false },
 *     { customerId: 'ann', date: '2024-01-31', amount: 25, promo: false },
 *     { customerId: 'ann', date: '2024-01-31', amount: 15 },
 *   ],
 *   { asOf: '2024-02-05' },
 * );
 * customers[0].behaviour; // => { purchases: 4, tenureDays: 35, daysSinceLastPurchase: 5, meanGapDays: 10, recencyRatio: 0.5, gapCv: 0, spendTrend: 0.3333333333333333, totalSpend: 120, promoShare: 0.25 }
 * // (the 01-31 row without a promo flag merges into that day's purchase; promoShare counts flagged rows only)
 * ```
 */
export function deriveBehaviourSignals(input: TableOrRows, options: DeriveBehaviourSignalsOptions = {}): BehaviourSignalsResult {
  const afterAsOf = options.afterAsOf ?? 'exclude';
  if (afterAsOf !== 'exclude' && afterAsOf !== 'reject') invalidOption('afterAsOf', "expected 'exclude' or 'reject'");
  const table = toTable(input, options);
  const asOf = options.asOf === undefined ? latestDay(table) : toEpochDay(options.asOf, 'asOf');
  const k = table.customerIds.length;

  const groups = groupRowsByCustomer(table, asOf);
  if (groups.rowsAfter > 0 && afterAsOf === 'reject') rejectRowsAfter(table.day, asOf);
  const { start } = groups;
  const daySpend = new Float64Array(groups.maxRows);
  const customers: CustomerLoyaltySignals[] = [];
  const byId = customerIndexOrder(table.customerIds);
  for (let o = 0; o < k; o++) {
    const c = byId[o]!;
    const behaviour = scanCustomer(table, groups.rows, start[c]!, start[c + 1]!, asOf, daySpend);
    if (behaviour !== null) customers.push({ customerId: table.customerIds[c]!, behaviour });
  }
  const excluded = { rowsAfterAsOf: groups.rowsAfter, customersWithoutPurchase: k - customers.length };
  return { customers, asOf: isoFromDay(asOf), excluded };
}

/**
 * The behaviour signals of one customer, whose rows are `rows[from..to)` in day order, or `null`
 * without a purchase. `daySpend` is scratch space for the spend of each purchase day.
 */
function scanCustomer(
  table: TransactionTable,
  rows: Int32Array,
  from: number,
  to: number,
  asOf: number,
  daySpend: Float64Array,
): BehaviourSignals | null {
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
  if (purchases === 0) return null;
  const tenureDays = asOf - first;
  const meanGapDays = purchases >= 2 ? (last - first) / (purchases - 1) : null;
  const recencyRatio = meanGapDays === null ? null : (asOf - last) / meanGapDays;
  const gapCv = purchases >= 3 ? Math.sqrt(Math.max(0, gapM2) / (purchases - 1)) / gapMean : null;
  const trend = purchases >= 2 ? spendTrend(daySpend, purchases, table, rows, from, to) : null;
  const daysSinceLastPurchase = asOf - last;
  // One literal per combination of the optional signals, so that each object is allocated at its
  // final size (adding a property later allocates a second backing store, per customer).
  if (promoKnown > 0) {
    const promoShare = promoYes / promoKnown;
    if (depthCount === 0) {
      return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend: trend, totalSpend: total, promoShare };
    }
    const discountDepth = depthSum / depthCount;
    return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend: trend, totalSpend: total, promoShare, discountDepth };
  }
  if (depthCount === 0) return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend: trend, totalSpend: total };
  const discountDepth = depthSum / depthCount;
  return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend: trend, totalSpend: total, discountDepth };
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
