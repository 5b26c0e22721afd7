import { countSummaryAt } from '../summary/summaryColumns.js';
import type { SummaryContext } from '../summary/summarizeCustomers.js';
import type { SummaryColumns } from '../summary/summaryColumns.js';
import type { CountSummary } from '../summary/types.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { buildEach } from './buildEach.js';
import type { PurchaseFit } from './purchaseModels.js';
import type { ModelSelection } from './selectPurchaseModel.js';
import type { ScoreWarning } from './types.js';

/** What {@link CustomerCountScores} is made of. @internal */
export interface CustomerCountScoresParts {
  readonly columns: { readonly summary: SummaryColumns; readonly pAlive: Float64Array; readonly expectedPurchases: Float64Array };
  readonly model: PurchaseFit;
  readonly selection?: ModelSelection;
  readonly warnings: readonly ScoreWarning[];
  readonly excluded: SummaryContext['excluded'];
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly transactions: number;
  readonly countOnly: boolean;
}

/** Why a count-only score has no money measures (also printed by the command line). */
export const COUNT_ONLY_NOTE =
  'count-only data (no amount column): the purchase model only; revenue, RFM monetary, tiers, loyalty types, spend and lifetime value need amounts and are left out';

/** One customer's purchase-model scores: the count summary (money `null`) with P(alive) and expected purchases. */
export interface ScoredCountCustomer extends CountSummary {
  /** P(alive at the as-of date | history). */
  readonly pAlive: number;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number;
}

/**
 * The result of {@link scoreCustomerCounts}: each customer's counts, ages and purchase-model
 * scores, the fitted model and what the run noticed. `columns` holds the numbers; `customers`
 * builds one object per customer on first access.
 *
 * @example
 * ```ts
 * import { CustomerCountScores, scoreCustomerCounts, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomerCounts(simulateTransactions({ customers: 200, start: '2024-01-01', end: '2024-12-31', seed: 3 }));
 * scores instanceof CustomerCountScores; // => true
 * scores.customer(0).pAlive === scores.columns.pAlive[0]; // => true
 * scores.customer(0).btyd.monetaryValue; // => null
 * scores.note; // => null
 * ```
 */
export class CustomerCountScores {
  /** The scores by column: the summaries (money columns hold zeros for count-only data), P(alive), expected purchases. */
  readonly columns: CustomerCountScoresParts['columns'];
  /** The fitted purchase model with its diagnostics and warnings. */
  readonly model: PurchaseFit;
  /** With `model: 'best'`: the holdout comparison that chose the model. */
  readonly selection?: ModelSelection;
  /** The purchase model's fit warnings, tagged with their source. */
  readonly warnings: readonly ScoreWarning[];
  /** What was left out: rows after `asOf`, customers only after it or without a purchase. */
  readonly excluded: SummaryContext['excluded'];
  /** The as-of date used, `yyyy-MM-dd`. */
  readonly asOf: string;
  /** The time unit of the summaries and the model. */
  readonly timeUnit: TimeUnit;
  /** How purchases merged into periods. */
  readonly periods: PeriodMode;
  /** Transactions read (rows of the table). */
  readonly transactions: number;
  /** Whether the records carried no amount at all. */
  readonly countOnly: boolean;
  /** For count-only data, why spend, tiers, loyalty types and lifetime value are absent; else `null`. */
  readonly note: string | null;
  #customers: readonly ScoredCountCustomer[] | null = null;

  /** @internal */
  constructor(parts: CustomerCountScoresParts) {
    this.columns = parts.columns;
    this.model = parts.model;
    if (parts.selection !== undefined) this.selection = parts.selection;
    this.warnings = parts.warnings;
    this.excluded = parts.excluded;
    this.asOf = parts.asOf;
    this.timeUnit = parts.timeUnit;
    this.periods = parts.periods;
    this.transactions = parts.transactions;
    this.countOnly = parts.countOnly;
    this.note = parts.countOnly ? COUNT_ONLY_NOTE : null;
  }

  /** Number of customers scored. */
  get length(): number {
    return this.columns.summary.length;
  }

  /** One object per customer, in {@link compareCustomerIds} order (built on first access). */
  get customers(): readonly ScoredCountCustomer[] {
    this.#customers ??= buildEach(this.length, (i, iso) => this.#build(i, iso));
    return this.#customers;
  }

  /** The scores of the customer at `index` (0-based, in `customers` order) as one object. */
  customer(index: number): ScoredCountCustomer {
    if (!(Number.isInteger(index) && index >= 0 && index < this.length)) throw new RangeError(`customer index ${index} is outside 0..${this.length - 1}`);
    return this.#build(index, isoFromDay);
  }

  #build(i: number, iso: (day: number) => string): ScoredCountCustomer {
    return { ...countSummaryAt(this.columns.summary, i, iso), pAlive: this.columns.pAlive[i]!, expectedPurchases: this.columns.expectedPurchases[i]! };
  }
}
