/**
 * Per-customer activity in a window of days. One record of {@link STRIDE} doubles per customer
 * (index = the table's customer index), so that each row touches one cache line.
 * @internal
 */
export interface CustomerActivity {
  /** `STRIDE` doubles per customer; read them with the `A_*` offsets. */
  readonly state: Float64Array;
  /** Number of customers. */
  readonly customers: number;
  /** Rows of the table after the window's end. */
  readonly rowsAfter: number;
  /** Customers with rows after the window's end and none in it. */
  readonly customersOnlyAfter: number;
  /** Customers with rows in the window but no purchase (returns only). */
  readonly customersWithoutPurchase: number;
  /**
   * With `withSignals`: {@link BSTRIDE} doubles per customer of purchase-timing and deal
   * statistics (read them with the `B_*` offsets); otherwise `null`.
   */
  readonly signals: Float64Array | null;
}

/** Doubles per customer record (64 bytes). @internal */
export const STRIDE = 8;
/** Sum of all amounts in the window, returns included. */
export const A_REVENUE = 0;
/** Sum of purchase amounts (amount >= 0). */
export const A_PURCHASE_SPEND = 1;
/** Purchase spend within the first purchase period. */
export const A_FIRST_PERIOD_SPEND = 2;
/** Sum of costs; NaN once any row of the customer lacks a cost; 0 when the table has none. */
export const A_COST = 3;
/** First purchase day. */
export const A_FIRST_DAY = 4;
/** Last purchase day. */
export const A_LAST_DAY = 5;
/** Distinct purchase periods (0: no purchase in the window). */
export const A_PERIODS = 6;
/** Purchases counted by order: distinct order ids plus purchase rows without one. */
export const A_ORDERS = 7;

/** Doubles per customer of the signal statistics (104 bytes). @internal */
export const BSTRIDE = 13;
/** Distinct purchase days so far (whatever the period mode). */
export const B_DAYS = 0;
/** Running mean of the gaps between consecutive purchase days (Welford). */
export const B_GAP_MEAN = 1;
/** Running sum of squared deviations of the gaps (Welford). */
export const B_GAP_M2 = 2;
/** Purchase rows with a known promotion flag. */
export const B_PROMO_KNOWN = 3;
/** Purchase rows flagged as bought on promotion. */
export const B_PROMO_YES = 4;
/** Sum of discount depths `discount / (amount + discount)` over purchase rows with a discount. */
export const B_DEPTH_SUM = 5;
/** Purchase rows with a discount and `amount + discount > 0`. */
export const B_DEPTH_COUNT = 6;
/** Summed spend of the first `floor(D / 2)` purchase days (D = all purchase days in the window, counted before the main pass), in day order. */
export const B_EARLY = 7;
/** Summed spend of the last `floor(D / 2)` purchase days, in day order. */
export const B_LATE = 8;
/** Spend of the customer's current (latest) purchase day, added to a block when the day ends. */
export const B_DAY_SPEND = 9;
/**
 * {@link B_DAY_SPEND}, {@link B_EARLY} and {@link B_LATE} in units of 2^1000, which no sum of
 * doubles can overflow: the spend trend falls back on them when a block sums to Infinity
 * (amounts near the double limit).
 */
export const B_DAY_SPEND_SCALED = 10;
export const B_EARLY_SCALED = 11;
export const B_LATE_SCALED = 12;
