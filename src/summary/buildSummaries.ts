import { calendarPeriod, durationBetween } from '../time/duration.js';
import { isoFromDay } from '../time/days.js';
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
  STRIDE,
  type CustomerActivity,
} from './scanActivity.js';
import type { CustomerSummary } from './types.js';

/** How {@link buildSummaries} measures. @internal */
export interface SummaryMeasure {
  readonly asOf: number;
  readonly unit: TimeUnit;
  readonly mode: PeriodMode;
  readonly rfmMonetary: 'total' | 'mean';
  /** Whether the table has a cost column. */
  readonly hasCost: boolean;
}

/**
 * Turns scanned activity into summary objects, ordered by customer id; customers with no
 * purchase in the window are skipped. Returns the summaries and the table indices they came from.
 * @internal
 */
export function buildSummaries(
  customerIds: readonly CustomerId[],
  act: CustomerActivity,
  m: SummaryMeasure,
): { customers: CustomerSummary[]; index: Int32Array } {
  const order = customerIndexOrder(customerIds);
  const { asOf, unit } = m;
  const calendar = m.mode === 'calendar' && unit !== 'day';
  const asOfPeriod = calendarPeriod(asOf, unit);
  const st = act.state;
  const customers: CustomerSummary[] = [];
  const index = new Int32Array(order.length);
  const isoCache = new Map<number, string>();
  const iso = (d: number): string => {
    let s = isoCache.get(d);
    if (s === undefined) isoCache.set(d, (s = isoFromDay(d)));
    return s;
  };
  for (let j = 0; j < order.length; j++) {
    const c = order[j]!;
    const s = c * STRIDE;
    const periods = st[s + A_PERIODS]!;
    if (periods === 0) continue;
    const first = st[s + A_FIRST_DAY]!;
    const last = st[s + A_LAST_DAY]!;
    const x = periods - 1;
    const revenue = st[s + A_REVENUE]!;
    const frequency = st[s + A_ORDERS]!;
    const rawCost = st[s + A_COST]!;
    const cost = m.hasCost && rawCost === rawCost ? rawCost : null;
    let recency: number;
    let T: number;
    let rfmRecency: number;
    if (calendar) {
      const firstP = calendarPeriod(first, unit);
      const lastP = calendarPeriod(last, unit);
      recency = lastP - firstP;
      T = asOfPeriod - firstP;
      rfmRecency = asOfPeriod - lastP;
    } else {
      recency = durationBetween(first, last, unit);
      T = durationBetween(first, asOf, unit);
      rfmRecency = durationBetween(last, asOf, unit);
    }
    index[customers.length] = c;
    customers.push({
      customerId: customerIds[c]!,
      firstPurchase: iso(first),
      lastPurchase: iso(last),
      revenue,
      cost,
      profit: cost === null ? null : revenue - cost,
      rfm: {
        recency: rfmRecency,
        frequency,
        monetary: m.rfmMonetary === 'total' ? revenue : revenue / frequency,
      },
      btyd: {
        frequency: x,
        recency,
        T,
        monetaryValue: x > 0 ? (st[s + A_PURCHASE_SPEND]! - st[s + A_FIRST_PERIOD_SPEND]!) / x : 0,
      },
    });
  }
  return { customers, index: index.slice(0, customers.length) };
}
