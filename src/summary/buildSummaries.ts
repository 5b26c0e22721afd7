import { calendarPeriod, durationBetween } from '../time/duration.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { TransactionTable } from '../transactions/types.js';
import { customerIndexOrder } from './compareCustomerIds.js';
import type { CustomerActivity } from './scanActivity.js';
import type { CustomerSummary } from './types.js';

/**
 * Turns scanned activity into summary objects, ordered by customer id; customers with no
 * purchase in the window are skipped. Returns the summaries and the table indices they came from.
 * @internal
 */
export function buildSummaries(
  table: TransactionTable,
  act: CustomerActivity,
  asOf: number,
  unit: TimeUnit,
  mode: PeriodMode,
  rfmMonetary: 'total' | 'mean',
): { customers: CustomerSummary[]; index: Int32Array } {
  const order = customerIndexOrder(table.customerIds);
  const asOfPeriod = calendarPeriod(asOf, unit);
  const calendar = mode === 'calendar' && unit !== 'day';
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
    const periods = act.periods[c]!;
    if (periods === 0) continue;
    const first = act.firstDay[c]!;
    const last = act.lastDay[c]!;
    const x = periods - 1;
    const revenue = act.revenue[c]!;
    const frequency = act.orders[c]!;
    const cost = act.cost && act.rowsMissingCost![c] === 0 ? act.cost[c]! : null;
    let recency: number;
    let T: number;
    let rfmRecency: number;
    if (calendar) {
      recency = act.lastPeriod[c]! - act.firstPeriod[c]!;
      T = asOfPeriod - act.firstPeriod[c]!;
      rfmRecency = asOfPeriod - act.lastPeriod[c]!;
    } else {
      recency = durationBetween(first, last, unit);
      T = durationBetween(first, asOf, unit);
      rfmRecency = durationBetween(last, asOf, unit);
    }
    index[customers.length] = c;
    customers.push({
      customerId: table.customerIds[c]!,
      firstPurchase: iso(first),
      lastPurchase: iso(last),
      revenue,
      cost,
      profit: cost === null ? null : revenue - cost,
      rfm: {
        recency: rfmRecency,
        frequency,
        monetary: rfmMonetary === 'total' ? revenue : revenue / frequency,
      },
      btyd: {
        frequency: x,
        recency,
        T,
        monetaryValue: x > 0 ? (act.purchaseSpend[c]! - act.firstPeriodSpend[c]!) / x : 0,
      },
    });
  }
  return { customers, index: index.slice(0, customers.length) };
}
