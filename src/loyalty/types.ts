import type { CustomerId } from '../transactions/types.js';

/**
 * The range of a survey scale, e.g. `{ min: 1, max: 5 }` for a five-point Likert item or
 * `{ min: 0, max: 10 }` for a likelihood-to-recommend question. `min < max`.
 */
export interface AnswerScale {
  readonly min: number;
  readonly max: number;
}

/**
 * One survey or context answer: a bare number on its group's declared `scale`, or a value with
 * its own scale (for an item asked on a different scale than the rest).
 */
export type ScaledAnswer = number | { readonly value: number; readonly min: number; readonly max: number };

/**
 * What the customer's transactions say (DOMAIN §5, behavioural loyalty). Made by
 * {@link deriveBehaviourSignals}, or by hand from another system.
 *
 * `undefined` (absent) means unknown: the classifiers list it in `missingSignals` and lower their
 * confidence. `null` means "does not apply" (too few purchases to have a gap or a trend); it is
 * known, not missing.
 */
export interface BehaviourSignals {
  /** Distinct purchase days up to `asOf` (records on one day merge; returns are not purchases). Integer `>= 0`. */
  readonly purchases: number;
  /** Days from the first purchase to `asOf`. */
  readonly tenureDays?: number;
  /** Days from the last purchase to `asOf`. */
  readonly daysSinceLastPurchase?: number;
  /** Mean days between consecutive purchase days; `null` with fewer than 2 purchases. */
  readonly meanGapDays?: number | null;
  /**
   * Days since the last purchase divided by the mean gap: the customer's silence measured in
   * their own purchase rhythm (1 = one usual gap). `null` with fewer than 2 purchases.
   */
  readonly recencyRatio?: number | null;
  /**
   * Coefficient of variation of the gaps (population standard deviation / mean; 0 = clockwork,
   * about 1 = random Poisson-like timing). `null` with fewer than 3 purchases (one gap has no spread).
   */
  readonly gapCv?: number | null;
  /**
   * Spend trend in [-1, 1]: `(late - early) / (|late| + |early|)` where `early` and `late` are
   * the summed spends of the first and last `floor(k / 2)` purchase days (the middle day of an
   * odd count is left out). 0 when both are 0; `null` with fewer than 2 purchases.
   */
  readonly spendTrend?: number | null;
  /** Net spend up to `asOf` (returns included), currency units. */
  readonly totalSpend?: number;
  /** Share of purchase records made on promotion or with a reward, in [0, 1]. Absent when the records do not say. */
  readonly promoShare?: number;
  /** Mean discount depth `discount / (amount + discount)` over purchase records with a discount value, in [0, 1]. Absent when the records do not say. */
  readonly discountDepth?: number;
}

/**
 * Survey answers (DOMAIN §5 measurement criteria), each on a declared scale. Every item is
 * optional; give the `scale` whenever an item is a bare number.
 *
 * Direction: for `satisfaction`, `repurchaseIntention`, `recommendLikelihood` and
 * `qualityTolerance` a higher answer means more loyal; for `competitorAppeal`,
 * `priceSensitivity` and `decisionTime` a higher answer means less loyal.
 */
export interface AttitudeSignals {
  /** Scale of the bare-number items. */
  readonly scale?: AnswerScale;
  /** Overall satisfaction (affective loyalty). */
  readonly satisfaction?: ScaledAnswer;
  /** Stated intention to buy again (conative loyalty). */
  readonly repurchaseIntention?: ScaledAnswer;
  /** Likelihood to recommend the company (word of mouth). */
  readonly recommendLikelihood?: ScaledAnswer;
  /** How attractive competing offers are to the customer (high = open to competitors). */
  readonly competitorAppeal?: ScaledAnswer;
  /** Willingness to forgive a quality problem (high = tolerant). */
  readonly qualityTolerance?: ScaledAnswer;
  /** Readiness to switch for a lower price (high = price-driven). */
  readonly priceSensitivity?: ScaledAnswer;
  /** Time taken to decide a purchase (high = long deliberation, weak habit or bond). */
  readonly decisionTime?: ScaledAnswer;
}

/** Circumstances the caller knows (DOMAIN §6, §10); not derivable from transactions. */
export interface ContextSignals {
  /** Scale of the bare-number items. */
  readonly scale?: AnswerScale;
  /** Whether the customer has a real alternative supplier (`false`: sole supplier, regulation). */
  readonly hasAlternatives?: boolean;
  /** Cost of switching to another supplier: money, time, uncertainty (high = costly). */
  readonly switchingCost?: ScaledAnswer;
  /** How convenient the company is for the customer: location, channel (high = very convenient). */
  readonly convenience?: ScaledAnswer;
}

/**
 * Everything the loyalty classifiers read about one customer: behaviour (required), survey
 * attitude and context (optional). Check data from outside with {@link validateLoyaltySignals}.
 */
export interface LoyaltySignals {
  /** The customer, copied into results when given. */
  readonly customerId?: CustomerId;
  readonly behaviour: BehaviourSignals;
  readonly attitude?: AttitudeSignals;
  readonly context?: ContextSignals;
}

/** Signals of one customer as {@link deriveBehaviourSignals} returns them: with the id. */
export interface CustomerLoyaltySignals extends LoyaltySignals {
  readonly customerId: CustomerId;
}

/** Names of the signals a classifier consults, as listed in `missingSignals`. */
export type SignalName =
  | 'behaviour.recencyRatio'
  | 'behaviour.gapCv'
  | 'behaviour.spendTrend'
  | 'behaviour.promoShare'
  | 'behaviour.discountDepth'
  | 'attitude.satisfaction'
  | 'attitude.repurchaseIntention'
  | 'attitude.recommendLikelihood'
  | 'attitude.competitorAppeal'
  | 'attitude.qualityTolerance'
  | 'attitude.priceSensitivity'
  | 'attitude.decisionTime'
  | 'context.hasAlternatives'
  | 'context.switchingCost'
  | 'context.convenience';

/** Machine codes of the reasons a classification gives. */
export type LoyaltyReasonCode =
  | 'repeat_high'
  | 'repeat_few'
  | 'repeat_lapsed'
  | 'habit_regular_gaps'
  | 'habit_switching_cost'
  | 'deal_discount_depth'
  | 'deal_promo_share'
  | 'deal_price_sensitive'
  | 'attitude_strong'
  | 'attitude_positive'
  | 'attitude_low'
  | 'attitude_proxy_positive'
  | 'attitude_proxy_low'
  | 'attitude_missing'
  | 'satisfaction_defection'
  | 'no_alternatives'
  | 'convenience_high';

/** Why a classification came out as it did: a machine code and an English sentence. */
export interface LoyaltyReason {
  readonly code: LoyaltyReasonCode;
  readonly message: string;
}

/** What every loyalty classification carries besides its answer. */
export interface ClassificationEvidence {
  /** The decision-table row that matched (see docs/loyalty.md). */
  readonly rule: string;
  /** The facts that decided the result, in the order the rules read them. */
  readonly reasons: readonly LoyaltyReason[];
  /**
   * Share of the consulted evidence that was available, in [0, 1]: the summed weights of the
   * present signals over the summed weights of all consulted signals (docs/loyalty.md lists the
   * weights). 1 when every signal was given.
   */
  readonly confidence: number;
  /** The consulted signals that were absent, in a fixed order. */
  readonly missingSignals: readonly SignalName[];
}

/** A guidance text in English and Simplified Chinese. */
export interface Strategy {
  readonly en: string;
  readonly zh: string;
}

/** The seven kinds of loyal customer of DOMAIN §6, plus `none`. */
export type LoyaltyType = 'monopoly' | 'inertia' | 'convenience' | 'price' | 'incentive' | 'true' | 'latent' | 'none';

/** The relative-attitude x repeat-patronage quadrant (DOMAIN §6). */
export type LoyaltyQuadrant = 'true' | 'latent' | 'spurious' | 'none';
