import type { LoyaltyColumns } from '../loyalty/classifyLoyaltyColumns.js';
import type { GammaGammaFit } from '../models/gammagamma/types.js';
import type { RfmColumns } from '../rfm/scoreRfmColumns.js';
import { customerSummaryAt, type ActivityColumns, type SummaryColumns } from '../summary/summaryColumns.js';
import type { SummaryContext } from '../summary/summarizeCustomers.js';
import type { TierColumns } from '../tiers/assignTierColumns.js';
import type { TierBasis } from '../tiers/types.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { buildEach } from './buildEach.js';
import type { PurchaseFit } from './purchaseModels.js';
import type { ModelSelection } from './selectPurchaseModel.js';
import type { ScoredCustomer, ScoreIntervals, ScoreWarning } from './types.js';

/** The scores by column: one typed array (or columnar result) per measure, customers in {@link compareCustomerIds} order. */
export interface ScoreColumns {
  /** The summaries (both conventions, revenue, cost). */
  readonly summary: SummaryColumns;
  /** The behaviour signals the classifiers read. */
  readonly activity: ActivityColumns;
  /** RFM scores, cells and segments. */
  readonly rfm: RfmColumns;
  /** ABCD tiers and ranks. */
  readonly tiers: TierColumns;
  /** The value that ranked the tiers (revenue or profit). */
  readonly tierValue: Float64Array;
  /** Loyalty pyramid and type, reasons as codes. */
  readonly loyalty: LoyaltyColumns;
  /** P(alive at `asOf` | history). */
  readonly pAlive: Float64Array;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: Float64Array;
  /** Expected spend per purchase. */
  readonly expectedSpend: Float64Array;
  /** Margin share used. */
  readonly margin: Float64Array;
  /** Discounted expected margin over the horizon. */
  readonly clv: Float64Array;
  /** With the `intervals` option: interval bounds of P(alive), expected purchases, expected spend and CLV. */
  readonly intervals?: ScoreIntervals;
}

/** What {@link CustomerScores} is made of. @internal */
export interface CustomerScoresParts {
  readonly columns: ScoreColumns;
  readonly model: PurchaseFit;
  readonly spendModel: GammaGammaFit;
  readonly selection?: ModelSelection;
  readonly warnings: readonly ScoreWarning[];
  readonly excluded: SummaryContext['excluded'] & { readonly zeroSpendRepeaters: number };
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly tierBy: TierBasis;
  readonly transactions: number;
  readonly survey: { readonly matched: number; readonly unmatched: number } | null;
  readonly explain: boolean;
}

/**
 * The result of {@link scoreCustomers}: every customer's scores, the fitted models and what the
 * run noticed. The scores live in `columns`; `customers` builds one object per customer on first
 * access (and keeps them), `customer(i)` builds just one.
 *
 * @example
 * ```ts
 * import { CustomerScores, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 200, start: '2024-01-01', end: '2024-12-31', seed: 3 }));
 * scores instanceof CustomerScores; // => true
 * scores.customer(0).clv === scores.columns.clv[0]; // => true
 * scores.customers[0] === scores.customers[0]; // => true
 * ```
 */
export class CustomerScores {
  /** The scores by column. */
  readonly columns: ScoreColumns;
  /** The fitted purchase model (BG/NBD, Pareto/NBD or MBG/NBD) with its diagnostics and warnings. */
  readonly model: PurchaseFit;
  /** The fitted Gamma-Gamma spend model with its diagnostics and warnings. */
  readonly spendModel: GammaGammaFit;
  /** With `model: 'best'`: the holdout comparison that chose the model. */
  readonly selection?: ModelSelection;
  /** Every fit warning (tagged with its source) and the data warnings. */
  readonly warnings: readonly ScoreWarning[];
  /** What was left out: rows after `asOf`, customers only after it or without a purchase, zero-spend repeaters left out of the spend fit. */
  readonly excluded: CustomerScoresParts['excluded'];
  /** The as-of date used, `yyyy-MM-dd`. */
  readonly asOf: string;
  /** The time unit of the summaries and models. */
  readonly timeUnit: TimeUnit;
  /** How purchases merged into periods. */
  readonly periods: PeriodMode;
  /** What ranked the tiers. */
  readonly tierBy: TierBasis;
  /** Transactions read (rows of the table). */
  readonly transactions: number;
  /** With a survey: how many customers had answers, and how many survey ids matched nobody. */
  readonly survey: { readonly matched: number; readonly unmatched: number } | null;
  readonly #explain: boolean;
  #customers: readonly ScoredCustomer[] | null = null;

  /** @internal */
  constructor(parts: CustomerScoresParts) {
    this.columns = parts.columns;
    this.model = parts.model;
    this.spendModel = parts.spendModel;
    if (parts.selection !== undefined) this.selection = parts.selection;
    this.warnings = parts.warnings;
    this.excluded = parts.excluded;
    this.asOf = parts.asOf;
    this.timeUnit = parts.timeUnit;
    this.periods = parts.periods;
    this.tierBy = parts.tierBy;
    this.transactions = parts.transactions;
    this.survey = parts.survey;
    this.#explain = parts.explain;
  }

  /** Number of customers scored. */
  get length(): number {
    return this.columns.summary.length;
  }

  /** One object per customer, in {@link compareCustomerIds} order (built on first access). */
  get customers(): readonly ScoredCustomer[] {
    this.#customers ??= buildEach(this.length, (i, iso) => this.#build(i, this.#explain, iso));
    return this.#customers;
  }

  /**
   * The scores of the customer at `index` (0-based, in `customers` order) as one object.
   * @param explain - Add the reasons as English sentences. @defaultValue the `explain` option of the run
   */
  customer(index: number, explain: boolean = this.#explain): ScoredCustomer {
    if (!(Number.isInteger(index) && index >= 0 && index < this.length)) throw new RangeError(`customer index ${index} is outside 0..${this.length - 1}`);
    return this.#build(index, explain, isoFromDay);
  }

  #build(i: number, explain: boolean, iso: (day: number) => string): ScoredCustomer {
    const c = this.columns;
    const { rfm, tiers, loyalty } = c;
    const base = {
      ...customerSummaryAt(c.summary, i, iso),
      rScore: rfm.r[i]!,
      fScore: rfm.f[i]!,
      mScore: rfm.m[i]!,
      rfmCell: rfm.cell(i),
      rfmSegment: rfm.segment(i),
      tier: tiers.tierAt(i),
      tierRank: tiers.rank[i]!,
      tierValue: c.tierValue[i]!,
      pyramidLevel: loyalty.pyramidLevelAt(i),
      pyramidLabel: loyalty.pyramidLabelAt(i),
      pyramidRule: loyalty.pyramidRuleAt(i),
      pyramidConfidence: loyalty.pyramidConfidence[i]!,
      pyramidReasons: loyalty.pyramidReasons(i),
      loyaltyType: loyalty.loyaltyTypeAt(i),
      loyaltyQuadrant: loyalty.loyaltyQuadrantAt(i),
      loyaltyRule: loyalty.loyaltyRuleAt(i),
      loyaltyConfidence: loyalty.loyaltyConfidence[i]!,
      loyaltyReasons: loyalty.loyaltyReasons(i),
      missingSignals: loyalty.missingSignals(i),
      survey: loyalty.survey[i] === 1,
      pAlive: c.pAlive[i]!,
      expectedPurchases: c.expectedPurchases[i]!,
      expectedSpend: c.expectedSpend[i]!,
      margin: c.margin[i]!,
      clv: c.clv[i]!,
    };
    return explain ? { ...base, pyramidExplanation: loyalty.pyramidExplanation(i), loyaltyExplanation: loyalty.loyaltyExplanation(i) } : base;
  }
}
