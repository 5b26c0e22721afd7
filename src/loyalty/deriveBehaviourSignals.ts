import type { TableOrRows } from '../transactions/toTable.js';
import { behaviourSignalsAt } from './behaviourColumns.js';
import { deriveBehaviourColumns, type DeriveBehaviourColumnsOptions } from './deriveBehaviourColumns.js';
import type { CustomerLoyaltySignals } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link deriveBehaviourSignals}: how rows are read, and the as-of date. */
export interface DeriveBehaviourSignalsOptions extends DeriveBehaviourColumnsOptions {}

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
 * Cost: O(n) time for logs in date order (O(n log n) worst case): {@link deriveBehaviourColumns},
 * then one object per customer ({@link behaviourSignalsAt}; a few hundred bytes each). For large
 * bases use the columns directly.
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
  rejectUnknownKeys(options, DERIVE_BEHAVIOUR_SIGNALS_OPTION_KEYS, 'options', 'deriveBehaviourSignals');
  const { columns, customerIds, asOf, excluded } = deriveBehaviourColumns(input, options);
  const customers = new Array<CustomerLoyaltySignals>(columns.length);
  for (let i = 0; i < columns.length; i++) customers[i] = { customerId: customerIds[i]!, behaviour: behaviourSignalsAt(columns, i) };
  return { customers, asOf, excluded };
}

/** The option names of {@link DeriveBehaviourSignalsOptions}. @internal */
export const DERIVE_BEHAVIOUR_SIGNALS_OPTION_KEYS: KeyList<DeriveBehaviourSignalsOptions> = {
  parse: true,
  asOf: true,
  afterAsOf: true,
};
