import type { FitDiagnostics } from '../types.js';

/** One cohort's survivor counts: `survivors[t]` customers still subscribed after t periods (t = 0 is the cohort's size). */
export interface SurvivorCohort {
  /**
   * A label for reports (the cohort's start period, a segment name).
   * @defaultValue `cohort <index>`
   */
  readonly name?: string;
  /** Customers active at period 0, 1, …, the cohort's age: finite numbers `>= 0`, never increasing, the first `> 0`. */
  readonly survivors: readonly number[];
}

/**
 * What the contractual fits accept: one survivor curve (counts from period 0), or
 * `{ cohorts }` holding several cohorts of different ages, fitted jointly (each is censored at
 * its own age). A {@link SubscriptionCohortsResult} is accepted as it is.
 */
export type ContractualData = readonly number[] | { readonly cohorts: readonly (SurvivorCohort | readonly number[])[] };

/** Parameters of the shifted-beta-geometric model: churn probabilities θ ~ Beta(α, β), both `> 0`. */
export interface ShiftedBetaGeometricParams {
  readonly alpha: number;
  readonly beta: number;
}

/** Parameters of the beta-discrete-Weibull model: θ ~ Beta(α, β) and the duration dependence c, all `> 0`. */
export interface BetaDiscreteWeibullParams {
  readonly alpha: number;
  readonly beta: number;
  /** Individual duration dependence: c < 1 churn probability falls with tenure, c = 1 is the sBG, c > 1 it rises. */
  readonly c: number;
}

/** Options of {@link ContractualModel.subscriptionClv}. */
export interface SubscriptionClvOptions {
  /** Margin of one period's payment, currency units (may be negative). */
  readonly margin: number;
  /** Discount rate per period (0.1 = 10 % a period), finite and `>= 0`. */
  readonly discountRate: number;
  /**
   * Renewals the customer has already made. Omitted: a new customer about to make the first
   * payment (value `margin * DEL`, first payment undiscounted); a whole number n `>= 0`: an
   * existing customer who has made n renewals (value `margin * DERL(n)`, future payments only).
   * @defaultValue a new customer
   */
  readonly renewals?: number;
}

/** The projection of one cohort beyond (and over) its observed periods. */
export interface CohortProjection {
  /** The cohort's name. */
  readonly name: string;
  /** Periods observed (the cohort's age a). */
  readonly observedPeriods: number;
  /** The observed survivors, periods 0..a. */
  readonly survivors: readonly number[];
  /** `survivors[0] * S(t)` for t = 0..a + horizon: the model's curve for this cohort from its start. */
  readonly expected: Float64Array;
  /** `survivors[a] * S(t) / S(a)` for t = a..a + horizon (entry k is period a + k): the forecast given who is still there at age a. */
  readonly conditional: Float64Array;
}

/** The functions every contractual model gives (periods are the data's periods: months, years). */
export interface ContractualModel<P> {
  /** Which model this is. */
  readonly model: 'sbg' | 'bdw';
  readonly params: P;
  /** S(t) = P(still subscribed after t periods) for a new customer, t a whole number `>= 0`. */
  survival(t: number): number;
  /**
   * r(t) = S(t) / S(t − 1): the share of the customers active after t − 1 periods who renew at t
   * (t a whole number `>= 1`). Under the sBG it rises with t although each customer's churn
   * probability is constant: the customers with a high churn probability leave first
   * (heterogeneity, not learning). Under the BdW it rises for c <= 1 and may fall for c > 1.
   */
  retentionRate(t: number): number;
  /** E[T] = Σ_{t>=0} S(t): expected number of periods paid by a new customer; `Infinity` when the sum diverges (sBG α <= 1, BdW α c <= 1). */
  readonly expectedLifetime: number;
  /**
   * DERL (Fader & Hardie 2010): expected discounted number of future payments of a customer who
   * has made `renewals` renewals, valued just before the next renewal decision (that payment
   * undiscounted): Σ_{k>=0} S(n + 1 + k) / S(n) / (1 + d)^k.
   */
  discountedExpectedResidualLifetime(renewals: number, discountRate: number): number;
  /** Expected discounted value of a subscriber (see {@link SubscriptionClvOptions}). */
  subscriptionClv(options: SubscriptionClvOptions): number;
  /** The projection of survivor counts `survivors` (periods 0..a) for `horizon` more periods. */
  projectCohort(survivors: readonly number[], horizon: number, name?: string): CohortProjection;
}

/** A fitted contractual model: the model, the fit's diagnostics, and the projection of each fitted cohort. */
export interface ContractualFit<P> extends ContractualModel<P>, FitDiagnostics<P> {
  /** The cohorts fitted, as validated. */
  readonly cohorts: readonly { readonly name: string; readonly survivors: readonly number[] }[];
  /** {@link ContractualModel.projectCohort} of every fitted cohort, `horizon` periods past its age. */
  projections(horizon: number): CohortProjection[];
}

/** A fitted shifted-beta-geometric model. */
export type ShiftedBetaGeometricFit = ContractualFit<ShiftedBetaGeometricParams>;
/** A fitted beta-discrete-Weibull model. */
export type BetaDiscreteWeibullFit = ContractualFit<BetaDiscreteWeibullParams>;

/** What {@link subscriptionCohorts} returns: fit input plus the calendar of the cohorts. */
export interface SubscriptionCohortsResult {
  /** One cohort per start period with at least one subscription, oldest first; name = the period's first day (`yyyy-MM-dd`). */
  readonly cohorts: readonly SurvivorCohort[];
  /** The period length. */
  readonly period: 'month' | 'year';
  /** The as-of date, `yyyy-MM-dd`. */
  readonly asOf: string;
  /** Subscriptions counted (spells after merging one customer's back-to-back records). */
  readonly subscriptions: number;
}
