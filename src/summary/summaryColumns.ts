import type { CustomerId } from '../transactions/types.js';
import { isoFromDay } from '../time/days.js';
import type { CountSummary, CustomerSummary } from './types.js';

/**
 * Customer summaries by column: one typed array per measure, one entry per customer, customers
 * in {@link compareCustomerIds} order. The same numbers as {@link CustomerSummary}, without an
 * object per customer; {@link customerSummaryAt} builds one when needed.
 */
export interface SummaryColumns {
  /** Number of customers. */
  readonly length: number;
  /** The customers, in {@link compareCustomerIds} order. */
  readonly customerIds: readonly CustomerId[];
  /** Each customer's index in the table's `customerIds` (its interned id). */
  readonly tableIndex: Int32Array;
  /** First purchase day, days since 1970-01-01. */
  readonly firstDay: Int32Array;
  /** Last purchase day, days since 1970-01-01. */
  readonly lastDay: Int32Array;
  /** Net revenue: sum of amounts, returns included. */
  readonly revenue: Float64Array;
  /** Total cost (`NaN` for a customer with a row lacking a cost), or `null` when the table has no cost column. */
  readonly cost: Float64Array | null;
  /** The RFM-convention measures (see {@link RfmMeasures}). */
  readonly rfm: { readonly recency: Float64Array; readonly frequency: Float64Array; readonly monetary: Float64Array };
  /** The BTYD-convention measures (see {@link BtydMeasures}): a `BtydColumns` for the models. */
  readonly btyd: { readonly frequency: Float64Array; readonly recency: Float64Array; readonly T: Float64Array; readonly monetaryValue: Float64Array };
}

/**
 * Each customer's purchase timing and deal statistics, by column, in the order of the
 * {@link SummaryColumns} they come with: the behaviour signals of the loyalty classifiers (a
 * `BehaviourColumns`). Durations in days; `NaN` where a measure does not apply.
 */
export interface ActivityColumns {
  readonly length: number;
  /** Distinct purchase days (records on one day merge; returns are not purchases). */
  readonly purchases: Float64Array;
  /** Days from the first purchase to the as-of date. */
  readonly tenureDays: Float64Array;
  /** Days from the last purchase to the as-of date. */
  readonly daysSinceLastPurchase: Float64Array;
  /** Mean days between consecutive purchase days; `NaN` with fewer than 2 purchase days. */
  readonly meanGapDays: Float64Array;
  /** Days since the last purchase over the mean gap; `NaN` with fewer than 2 purchase days. */
  readonly recencyRatio: Float64Array;
  /** Coefficient of variation of the gaps; `NaN` with fewer than 3 purchase days. */
  readonly gapCv: Float64Array;
  /** `(late - early) / (late + early)` over the first and last `floor(days / 2)` purchase days' spends; `NaN` with fewer than 2. */
  readonly spendTrend: Float64Array;
  /** Net spend, returns included. */
  readonly totalSpend: Float64Array;
  /** Share of purchase records with a known promotion flag that were on promotion; `NaN` where none is known; `null` without a promo column. */
  readonly promoShare: Float64Array | null;
  /** Mean discount depth over purchase records with a discount; `NaN` where none has one; `null` without a discount column. */
  readonly discountDepth: Float64Array | null;
}

/**
 * The summary object of the customer at `index` of a {@link SummaryColumns}, equal to the one
 * {@link summarizeCustomers} returns for that customer.
 * @param columns - Summaries by column, from {@link summarizeCustomerColumns}.
 * @param index - The customer's position in the columns (0-based).
 * @param iso - How a day number becomes `yyyy-MM-dd`. @defaultValue {@link isoFromDay}
 * @example
 * ```ts
 * import { customerSummaryAt, summarizeCustomerColumns } from 'loyalty-score';
 * const { columns } = summarizeCustomerColumns([
 *   { customerId: 7, date: '2024-01-01', amount: 10 },
 *   { customerId: 7, date: '2024-01-08', amount: 30 },
 * ]);
 * customerSummaryAt(columns, 0).btyd; // => { frequency: 1, recency: 7, T: 7, monetaryValue: 30 }
 * ```
 */
export function customerSummaryAt(columns: SummaryColumns, index: number, iso: (day: number) => string = isoFromDay): CustomerSummary {
  const revenue = columns.revenue[index]!;
  const rawCost = columns.cost === null ? Number.NaN : columns.cost[index]!;
  const cost = rawCost === rawCost ? rawCost : null;
  return {
    customerId: columns.customerIds[index]!,
    firstPurchase: iso(columns.firstDay[index]!),
    lastPurchase: iso(columns.lastDay[index]!),
    revenue,
    cost,
    profit: cost === null ? null : revenue - cost,
    rfm: { recency: columns.rfm.recency[index]!, frequency: columns.rfm.frequency[index]!, monetary: columns.rfm.monetary[index]! },
    btyd: {
      frequency: columns.btyd.frequency[index]!,
      recency: columns.btyd.recency[index]!,
      T: columns.btyd.T[index]!,
      monetaryValue: columns.btyd.monetaryValue[index]!,
    },
  };
}

/**
 * The count-only summary of the customer at `index`: {@link customerSummaryAt} with every money
 * field `null`, for columns summarised from records without amounts (whose money columns hold
 * zeros; see `countOnly` of {@link summarizeCustomerColumns}).
 * @param columns - Summaries by column, from {@link summarizeCustomerColumns}.
 * @param index - The customer's position in the columns (0-based).
 * @param iso - How a day number becomes `yyyy-MM-dd`. @defaultValue {@link isoFromDay}
 * @example
 * ```ts
 * import { countSummaryAt, summarizeCustomerColumns } from 'loyalty-score';
 * const { columns } = summarizeCustomerColumns([
 *   { customerId: 7, date: '2024-01-01', amount: 10 },
 *   { customerId: 7, date: '2024-01-08', amount: 30 },
 * ]);
 * countSummaryAt(columns, 0).btyd; // => { frequency: 1, recency: 7, T: 7, monetaryValue: null }
 * ```
 */
export function countSummaryAt(columns: SummaryColumns, index: number, iso: (day: number) => string = isoFromDay): CountSummary {
  return {
    customerId: columns.customerIds[index]!,
    firstPurchase: iso(columns.firstDay[index]!),
    lastPurchase: iso(columns.lastDay[index]!),
    revenue: null,
    cost: null,
    profit: null,
    rfm: { recency: columns.rfm.recency[index]!, frequency: columns.rfm.frequency[index]!, monetary: null },
    btyd: { frequency: columns.btyd.frequency[index]!, recency: columns.btyd.recency[index]!, T: columns.btyd.T[index]!, monetaryValue: null },
  };
}

/** Every customer's summary object, in column order (count-only summaries for count-only data). @internal */
export function summaryObjects(columns: SummaryColumns, countOnly: true): CountSummary[];
export function summaryObjects(columns: SummaryColumns, countOnly?: false): CustomerSummary[];
export function summaryObjects(columns: SummaryColumns, countOnly = false): (CustomerSummary | CountSummary)[] {
  const cache = new Map<number, string>();
  const iso = (d: number): string => {
    let s = cache.get(d);
    if (s === undefined) cache.set(d, (s = isoFromDay(d)));
    return s;
  };
  const at = countOnly ? countSummaryAt : customerSummaryAt;
  const out = new Array<CustomerSummary | CountSummary>(columns.length);
  for (let i = 0; i < columns.length; i++) out[i] = at(columns, i, iso);
  return out;
}
