import type { CalendarSpan, DiscountRate } from '../clv/predictClv.js';
import type { LoyaltyQuadrant, LoyaltyType } from '../loyalty/classifyLoyaltyType.js';
import type { PyramidLabel, PyramidLevel } from '../loyalty/classifyPyramid.js';
import type { LoyaltyThresholds } from '../loyalty/thresholds.js';
import type { AttitudeSignals, ContextSignals, LoyaltyReasonCode, SignalName } from '../loyalty/types.js';
import type { FitWarning } from '../models/types.js';
import type { RfmBinningMethod } from '../rfm/types.js';
import type { TimeUnitOptions } from '../summary/options.js';
import type { CustomerSummary } from '../summary/types.js';
import type { Tier, TierBasis } from '../tiers/types.js';
import type { TimeUnit } from '../time/units.js';
import type { AsOfOptions, RowInputOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import type { PipelineFitOptions } from './fitPurchaseModel.js';
import type { PurchaseModelName } from './purchaseModels.js';

/** One customer's survey and context answers, as the loyalty classifiers read them. */
export interface SurveyAnswers {
  readonly attitude?: AttitudeSignals;
  readonly context?: ContextSignals;
}

/** {@link SurveyAnswers} with the customer they belong to. */
export interface SurveyRecord extends SurveyAnswers {
  readonly customerId: CustomerId;
}

/** Survey answers by customer id: a map, or a list of records (one per customer). */
export type SurveyInput = ReadonlyMap<CustomerId, SurveyAnswers> | readonly SurveyRecord[];

/** The steps of {@link scoreCustomers}, as reported to `onProgress`. */
export type ScoreStage = 'summarizing' | 'classifying' | 'selecting' | 'fitting' | 'scoring';

/** Options of {@link scoreCustomers}. Every default is the `loyalty-score score` default. */
export interface ScoreCustomersOptions extends TimeUnitOptions, AsOfOptions, RowInputOptions, PipelineFitOptions {
  /**
   * Unit of recency, T, the models' rates and the horizon arithmetic: `'day'`, `'week'`,
   * `'month'` or `'year'` (calendar-correct).
   * @defaultValue `'week'` (the command line's default; {@link summarizeCustomers} defaults to `'day'`)
   */
  timeUnit?: TimeUnit;
  /**
   * How RFM scores 1..5 are binned (see {@link scoreRfm}).
   * @defaultValue `{ method: 'quantile' }`
   */
  rfm?: { readonly method?: Exclude<RfmBinningMethod, 'fixed'> };
  /**
   * What ranks the ABCD tiers: net revenue, or profit (needs a cost on every row).
   * @defaultValue `'revenue'`
   */
  tierBy?: TierBasis;
  /**
   * Survey and context answers by customer id, joined to the behaviour signals of the loyalty
   * classifiers. Ids without transactions are counted in `survey.unmatched` and warned about.
   * @defaultValue none: attitude is read from behaviour
   */
  survey?: SurveyInput;
  /**
   * Thresholds of the loyalty classifiers (see {@link LoyaltyThresholds}).
   * @defaultValue the documented defaults of docs/loyalty.md
   */
  loyalty?: LoyaltyThresholds;
  /**
   * The purchase model, or `'best'`: the lowest holdout RMSE of {@link selectPurchaseModel},
   * refitted on the whole period.
   * @defaultValue `'bgnbd'`
   */
  model?: PurchaseModelName | 'best';
  /**
   * End of the calibration period for `model: 'best'` (an error with any other model).
   * @defaultValue the first purchase plus two thirds of the span to `asOf`
   */
  calibrationEnd?: string | Date | number;
  /**
   * Forecast horizon from `asOf`, in calendar units.
   * @defaultValue `{ amount: 1, unit: 'year' }`
   */
  horizon?: CalendarSpan;
  /**
   * Discount rate per unit of time, compounded.
   * @defaultValue `{ rate: 0.1, per: 'year' }`
   */
  discountRate?: DiscountRate;
  /**
   * Share of spend kept as margin (`<= 1`), for every customer.
   * @defaultValue each customer's profit / revenue where the rows carry cost and revenue > 0, else 1
   */
  margin?: number;
  /**
   * Use a Gamma-Gamma fit that did not converge (with a warning) instead of throwing {@link ModelFitError}.
   * @defaultValue `false`
   */
  allowUnconverged?: boolean;
  /**
   * Add the reasons as English sentences (`pyramidExplanation`, `loyaltyExplanation`) to each customer object.
   * @defaultValue `false`
   */
  explain?: boolean;
  /** Called as the work advances: the step, and the share of it done (0..1). @defaultValue none */
  onProgress?: (stage: ScoreStage, fraction: number) => void;
  /**
   * Level of intervals for P(alive), expected purchases, expected spend and CLV (e.g. `0.9`), in
   * `columns.intervals`: the parameter uncertainty of both fits, from 200 seeded draws of their
   * normal approximations (`predictWithUncertainty` with method `'asymptotic'`, seed 1). Costs about
   * 200 times the scoring step.
   * @defaultValue none: no intervals
   */
  intervals?: number;
}

/** Interval bounds of one measure, one entry per customer (see {@link ScoreIntervals}). */
export interface ScoreIntervalBounds {
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** With the `intervals` option: the bounds of the predictions at that level, per customer. */
export interface ScoreIntervals {
  /** The level asked for. */
  readonly level: number;
  readonly pAlive: ScoreIntervalBounds;
  readonly expectedPurchases: ScoreIntervalBounds;
  readonly expectedSpend: ScoreIntervalBounds;
  readonly clv: ScoreIntervalBounds;
}

/** A warning about a fit or the data behind a score. */
export type ScoreWarning =
  | (FitWarning & {
      /** Which fit: the purchase model, the Gamma-Gamma spend model. */
      readonly source: 'purchase' | 'spend';
      /** The model's name (`'bgnbd'`, `'gammagamma'`, …). */
      readonly model: string;
    })
  | {
      readonly source: 'data';
      /**
       * - `zero_spend_excluded`: repeat customers with a zero mean repeat spend were left out of the
       *   Gamma-Gamma fit (their expected spend is the model's limit for a spend tending to 0);
       * - `survey_unmatched`: survey ids without any purchase were ignored.
       */
      readonly code: 'zero_spend_excluded' | 'survey_unmatched';
      readonly message: string;
      /** How many customers or ids. */
      readonly value: number;
    };

/** One customer's scores: the summary, RFM, tier, loyalty classification, predictions and CLV. */
export interface ScoredCustomer extends CustomerSummary {
  /** Recency score, 1..5 (5 = most recent). */
  readonly rScore: number;
  /** Frequency score, 1..5. */
  readonly fScore: number;
  /** Monetary score, 1..5. */
  readonly mScore: number;
  /** The three scores as digits, R first: `'545'`. */
  readonly rfmCell: string;
  /** The RFM segment of the default segment table (`null` only without a segment table). */
  readonly rfmSegment: string | null;
  /** ABCD tier (A top 1 %, B next 4 %, C next 15 %, D the rest). */
  readonly tier: Tier;
  /** 1-based rank by the tier value. */
  readonly tierRank: number;
  /** The value that ranked the customer: revenue or profit. */
  readonly tierValue: number;
  readonly pyramidLevel: PyramidLevel;
  readonly pyramidLabel: PyramidLabel;
  /** The decision-table row that placed the customer: `'P1'`..`'P4'`. */
  readonly pyramidRule: string;
  /** Share of the pyramid's evidence weight that was present, 0..1. */
  readonly pyramidConfidence: number;
  /** Reason codes of the pyramid level (docs/loyalty.md). */
  readonly pyramidReasons: readonly LoyaltyReasonCode[];
  readonly loyaltyType: LoyaltyType;
  readonly loyaltyQuadrant: LoyaltyQuadrant;
  /** The decision-table row of the type: `'T1'`..`'T8'`. */
  readonly loyaltyRule: string;
  readonly loyaltyConfidence: number;
  readonly loyaltyReasons: readonly LoyaltyReasonCode[];
  /** Signals the classifiers consulted but did not have. */
  readonly missingSignals: readonly SignalName[];
  /** Whether survey answers were joined. */
  readonly survey: boolean;
  /** P(alive at `asOf` | history) under the purchase model. */
  readonly pAlive: number;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma). */
  readonly expectedSpend: number;
  /** Margin share used in the CLV. */
  readonly margin: number;
  /** Discounted expected margin over the horizon, currency units. */
  readonly clv: number;
  /** With `explain`: the pyramid reasons as English sentences. */
  readonly pyramidExplanation?: readonly string[];
  /** With `explain`: the loyalty-type reasons as English sentences. */
  readonly loyaltyExplanation?: readonly string[];
}
