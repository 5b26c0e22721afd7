import type { CustomerId } from '../transactions/types.js';
import type { TimeUnit } from '../time/units.js';

/** Measures in the RFM-scoring convention (DOMAIN §2). */
export interface RfmMeasures {
  /** Time from the last purchase to `asOf`, in the summary's time unit (`>= 0`). */
  readonly recency: number;
  /** Number of purchases: distinct orders when records carry `orderId`, else purchase records. */
  readonly frequency: number;
  /** Spend: net revenue total by default, or mean per purchase with `rfmMonetary: 'mean'`. */
  readonly monetary: number;
}

/** Measures in the buy-till-you-die convention used by BG/NBD and its relatives (DOMAIN §2). */
export interface BtydMeasures {
  /** Repeat purchase periods: distinct purchase periods minus one (`x`). */
  readonly frequency: number;
  /** Age at the last purchase: last minus first purchase period, in time units (`t_x`). */
  readonly recency: number;
  /** Age at the end of observation: `asOf` minus first purchase period, in time units. */
  readonly T: number;
  /** Mean spend of the repeat purchase periods (first period excluded); 0 when `frequency` is 0. */
  readonly monetaryValue: number;
}

/** One customer's summary, in both conventions, with money totals. */
export interface CustomerSummary {
  readonly customerId: CustomerId;
  /** Calendar date of the first purchase, `yyyy-MM-dd`. */
  readonly firstPurchase: string;
  /** Calendar date of the last purchase, `yyyy-MM-dd`. */
  readonly lastPurchase: string;
  /** Net revenue: sum of amounts, returns included under `returns: 'net'`. */
  readonly revenue: number;
  /** Total cost, or `null` when the records carry no cost. */
  readonly cost: number | null;
  /** `revenue - cost`, or `null` when the records carry no cost. */
  readonly profit: number | null;
  readonly rfm: RfmMeasures;
  readonly btyd: BtydMeasures;
}

export type { TimeUnit };

/**
 * One customer's summary from count-only data (records without amounts): the counts and ages of
 * both conventions, with every money field `null`. The purchase models take it as they take a
 * {@link CustomerSummary} (they read `btyd.frequency`, `btyd.recency` and `btyd.T`).
 */
export interface CountSummary {
  readonly customerId: CustomerId;
  /** Calendar date of the first purchase, `yyyy-MM-dd`. */
  readonly firstPurchase: string;
  /** Calendar date of the last purchase, `yyyy-MM-dd`. */
  readonly lastPurchase: string;
  /** No amounts: `null`. */
  readonly revenue: null;
  /** No amounts: `null`. */
  readonly cost: null;
  /** No amounts: `null`. */
  readonly profit: null;
  readonly rfm: { readonly recency: number; readonly frequency: number; readonly monetary: null };
  readonly btyd: { readonly frequency: number; readonly recency: number; readonly T: number; readonly monetaryValue: null };
}
