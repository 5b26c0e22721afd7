import { customerIndexOrder } from '../summary/compareCustomerIds.js';
import type { CustomerId, TransactionTable } from '../transactions/types.js';
import { ColumnsBuilder, rejectRowsAfter, trendOf, type DerivedBehaviour } from './behaviourScanShared.js';
import { groupRowsByCustomer } from './groupRowsByCustomer.js';

/**
 * Any row order: the rows grouped by customer (a counting sort of the row indices, then each
 * customer's rows put in day order, stably), then one pass per customer. @internal
 */
export function scanGrouped(table: TransactionTable, asOf: number, afterAsOf: 'exclude' | 'reject'): DerivedBehaviour {
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
  return { columns: out.finish(ids.length), customerIds: ids, excluded };
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
 * (purchase spends are >= 0, each block summed oldest day first), 0 when both are 0. When a sum
 * overflows (amounts near the double limit), the blocks are summed again in units of 2^1000,
 * which no sum of doubles can overflow.
 */
function spendTrend(daySpend: Float64Array, purchases: number, table: TransactionTable, rows: Int32Array, from: number, to: number): number {
  const h = purchases >> 1;
  let early = 0;
  let late = 0;
  for (let p = 0; p < h; p++) early += daySpend[p]!;
  for (let p = purchases - h; p < purchases; p++) late += daySpend[p]!;
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
  return trendOf(early, late);
}
