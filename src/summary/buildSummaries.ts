import { InvalidInputError } from '../errors/InvalidInputError.js';
import { calendarPeriod, durationBetween } from '../time/duration.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { CustomerId } from '../transactions/types.js';
import { customerIndexOrder } from './compareCustomerIds.js';
import {
  A_COST,
  A_FIRST_DAY,
  A_FIRST_PERIOD_SPEND,
  A_LAST_DAY,
  A_ORDERS,
  A_PERIODS,
  A_PURCHASE_SPEND,
  A_REVENUE,
  B_DAYS,
  B_DEPTH_COUNT,
  B_DEPTH_SUM,
  B_EARLY,
  B_EARLY_SCALED,
  B_GAP_M2,
  B_GAP_MEAN,
  B_LATE,
  B_LATE_SCALED,
  B_PROMO_KNOWN,
  B_PROMO_YES,
  BSTRIDE,
  STRIDE,
  type CustomerActivity,
} from './scanActivity.js';
import type { ActivityColumns, SummaryColumns } from './summaryColumns.js';

/** How {@link buildSummaries} measures. @internal */
export interface SummaryMeasure {
  readonly asOf: number;
  readonly unit: TimeUnit;
  readonly mode: PeriodMode;
  readonly rfmMonetary: 'total' | 'mean';
  /** Whether the table has a cost column. */
  readonly hasCost: boolean;
  /** Whether the table has promo and discount columns (for the activity columns). */
  readonly hasPromo?: boolean;
  readonly hasDiscount?: boolean;
}

/**
 * Turns scanned activity into summary columns, ordered by customer id; customers with no
 * purchase in the window are skipped. With signal statistics in the scan, also the activity
 * columns of the same customers.
 * @internal
 */
export function buildSummaries(
  customerIds: readonly CustomerId[],
  act: CustomerActivity,
  m: SummaryMeasure,
): { columns: SummaryColumns; activity: ActivityColumns | null } {
  const order = customerIndexOrder(customerIds);
  const st = act.state;
  let n = 0;
  for (let j = 0; j < order.length; j++) if (st[order[j]! * STRIDE + A_PERIODS] !== 0) order[n++] = order[j]!;
  const tableIndex = order.slice(0, n);

  const { asOf, unit } = m;
  const calendar = m.mode === 'calendar' && unit !== 'day';
  const asOfPeriod = calendarPeriod(asOf, unit);
  const ids = new Array<CustomerId>(n);
  const firstDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const revenue = new Float64Array(n);
  const cost = m.hasCost ? new Float64Array(n) : null;
  const rfm = { recency: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n) };
  const btyd = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n), monetaryValue: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const c = tableIndex[i]!;
    const s = c * STRIDE;
    const first = st[s + A_FIRST_DAY]!;
    const last = st[s + A_LAST_DAY]!;
    const x = st[s + A_PERIODS]! - 1;
    const rev = st[s + A_REVENUE]!;
    const frequency = st[s + A_ORDERS]!;
    ids[i] = customerIds[c]!;
    firstDay[i] = first;
    lastDay[i] = last;
    revenue[i] = rev;
    if (cost !== null) cost[i] = st[s + A_COST]!;
    if (calendar) {
      const firstP = calendarPeriod(first, unit);
      const lastP = calendarPeriod(last, unit);
      btyd.recency[i] = lastP - firstP;
      btyd.T[i] = asOfPeriod - firstP;
      rfm.recency[i] = asOfPeriod - lastP;
    } else {
      btyd.recency[i] = durationBetween(first, last, unit);
      btyd.T[i] = durationBetween(first, asOf, unit);
      rfm.recency[i] = durationBetween(last, asOf, unit);
    }
    rfm.frequency[i] = frequency;
    rfm.monetary[i] = m.rfmMonetary === 'total' ? rev : rev / frequency;
    btyd.frequency[i] = x;
    btyd.monetaryValue[i] = x > 0 ? (st[s + A_PURCHASE_SPEND]! - st[s + A_FIRST_PERIOD_SPEND]!) / x : 0;
    // Infinity only: a NaN cost is the documented "no cost" marker.
    const costOverflow = cost !== null && Math.abs(cost[i]!) === Infinity;
    if (Math.abs(rev) === Infinity || Math.abs(btyd.monetaryValue[i]!) === Infinity || costOverflow) overflowed(i, costOverflow);
  }
  const columns: SummaryColumns = { length: n, customerIds: ids, tableIndex, firstDay, lastDay, revenue, cost, rfm, btyd };
  return { columns, activity: act.signals === null ? null : activityColumns(act, columns, m) };
}

/** The activity columns of the summarised customers from the scan's signal statistics. */
function activityColumns(act: CustomerActivity, columns: SummaryColumns, m: SummaryMeasure): ActivityColumns {
  const bt = act.signals!;
  const st = act.state;
  const n = columns.length;
  const purchases = new Float64Array(n);
  const tenureDays = new Float64Array(n);
  const daysSinceLastPurchase = new Float64Array(n);
  const meanGapDays = new Float64Array(n);
  const recencyRatio = new Float64Array(n);
  const gapCv = new Float64Array(n);
  const spendTrend = new Float64Array(n);
  const totalSpend = new Float64Array(n);
  const promoShare = m.hasPromo === true ? new Float64Array(n) : null;
  const discountDepth = m.hasDiscount === true ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    const c = columns.tableIndex[i]!;
    const b = c * BSTRIDE;
    const s = c * STRIDE;
    const days = bt[b + B_DAYS]!;
    const first = st[s + A_FIRST_DAY]!;
    const last = st[s + A_LAST_DAY]!;
    purchases[i] = days;
    tenureDays[i] = m.asOf - first;
    daysSinceLastPurchase[i] = m.asOf - last;
    const gap = days >= 2 ? (last - first) / (days - 1) : Number.NaN;
    meanGapDays[i] = gap;
    recencyRatio[i] = days >= 2 ? (m.asOf - last) / gap : Number.NaN;
    gapCv[i] = days >= 3 ? Math.sqrt(Math.max(0, bt[b + B_GAP_M2]!) / (days - 1)) / bt[b + B_GAP_MEAN]! : Number.NaN;
    spendTrend[i] = days >= 2 ? trend(bt[b + B_EARLY]!, bt[b + B_LATE]!, bt[b + B_EARLY_SCALED]!, bt[b + B_LATE_SCALED]!) : Number.NaN;
    totalSpend[i] = st[s + A_REVENUE]!;
    if (promoShare !== null) {
      const known = bt[b + B_PROMO_KNOWN]!;
      promoShare[i] = known > 0 ? bt[b + B_PROMO_YES]! / known : Number.NaN;
    }
    if (discountDepth !== null) {
      const k = bt[b + B_DEPTH_COUNT]!;
      discountDepth[i] = k > 0 ? bt[b + B_DEPTH_SUM]! / k : Number.NaN;
    }
  }
  return { length: n, purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend, totalSpend, promoShare, discountDepth };
}

/**
 * `(late - early) / (late + early)`, 0 when both are 0 (purchase spends are >= 0). When a block
 * or their sum overflows (amounts near the double limit), the same ratio from the blocks summed
 * in units of 2^1000, which cannot overflow.
 */
function trend(early: number, late: number, earlyScaled: number, lateScaled: number): number {
  const scale = early + late;
  if (scale === 0) return 0;
  if (scale === Infinity) return (lateScaled - earlyScaled) / (earlyScaled + lateScaled);
  return (late - early) / scale;
}

/**
 * A customer's money sum overflowed (beyond ±1.8e308, e.g. two amounts of 1e308): an
 * `InvalidInputError` `out_of_range` at `[i, 'revenue']` (or `'cost'`), i the customer's position
 * in the summaries (customers in id order), instead of a revenue of Infinity.
 */
function overflowed(i: number, cost: boolean): never {
  const field = cost ? 'cost' : 'revenue';
  throw new InvalidInputError([
    {
      code: 'out_of_range',
      path: [i, field],
      message: `the ${field} of the customer at position ${i} (customers in id order) overflows: the sum of its amounts is beyond ±1.8e308, so no finite total exists (check the unit of the amount column)`,
    },
  ]);
}
