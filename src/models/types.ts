/**
 * Shared types of the probabilistic customer-base models (BTYD family and Gamma-Gamma).
 */

/**
 * One customer in the continuous-time BTYD convention: `frequency` repeat purchases (x), the last
 * at age `recency` (t_x), observed until age `T`, all in one time unit. A
 * {@link CustomerSummary}'s `btyd` field has this shape.
 */
export interface BtydCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}

/**
 * Many customers' BTYD histories as columns: entry i of each array is customer i's repeat
 * frequency x, recency t_x and age T, in one time unit. The fast form of the fits' and the
 * vectorised predictions' input (a `summarizeCustomerColumns` result's `btyd` has these columns).
 */
export interface BtydColumns {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
}

/**
 * Many customers' spend histories as columns for Gamma-Gamma: entry i is customer i's repeat
 * frequency x and mean repeat spend z̄ (currency units).
 */
export interface SpendColumns {
  readonly frequency: Float64Array;
  readonly monetaryValue: Float64Array;
}

/**
 * An input element that carries its history in a `btyd` field, such as a `CustomerSummary`: the
 * models read that field and nothing else. This is the one explicit shape in which summaries are
 * accepted (an element is taken this way when its `btyd` field is an object).
 */
export interface WithBtyd<C> {
  readonly btyd: C;
}

/** Customers as rows: the histories themselves, or elements carrying them in `btyd`. */
export type CustomerRows<C> = readonly (C | WithBtyd<C>)[];

/**
 * What a fit accepts: an array of customers, `{ customers }` holding one (the shape of a
 * `summarizeCustomers` result), or columns.
 */
export type FitData<C, Columns = never> = CustomerRows<C> | { readonly customers: CustomerRows<C> } | Columns;

/**
 * One customer in the discrete-opportunity convention of BG/BB: `frequency` repeat transactions
 * (x) out of `periods` (n) opportunities, the last at opportunity `recency` (t_x).
 */
export interface DiscreteCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly periods: number;
}

import type { FitWarning } from './fit/fitWarnings.js';

export type { FitWarning, FitWarningCode } from './fit/fitWarnings.js';

/** What every maximum-likelihood fit reports next to its parameters. */
export interface FitDiagnostics<P> {
  /** Total log-likelihood over customers (a sum, as the papers report it). */
  readonly logLikelihood: number;
  /** Standard errors from the inverse Hessian of the negative log-likelihood; `NaN`-free: `null` where the Hessian is not positive definite. */
  readonly standardErrors: { readonly [K in keyof P]: number } | null;
  /**
   * Covariance matrix of the log-parameters (log θ, in the order of the keys of `params`), row-major
   * n × n: the inverse Hessian of the negative log-likelihood in log-parameter space, whose diagonal
   * gives `standardErrors` by the delta method. `null` when there are no standard errors; absent from
   * results built without a Hessian. The normal approximation `predictWithUncertainty` draws from.
   */
  readonly logParameterCovariance?: Float64Array | null;
  /** Optimiser iterations used (over every start tried). */
  readonly iterations: number;
  /**
   * Evaluations of the likelihood and of its gradient the fit used, over every start tried: at
   * most the fit's `maxEvaluations` (10,000 by default). Absent from results built without the
   * maximum-likelihood driver.
   */
  readonly evaluations?: number;
  /**
   * Whether the optimiser met its convergence criterion: a small projected gradient of the mean
   * negative log-likelihood in log-parameters (or a tiny relative change of it and of the
   * parameters at the numerical floor), not a stall; after a suspicious stop the fit is restarted
   * from the model's default start, and the best optimum wins.
   */
  readonly converged: boolean;
  /**
   * Largest absolute component of the gradient at the solution, in the optimiser's terms: the mean
   * negative log-likelihood per customer (plus penalty) with respect to the log-parameters.
   */
  readonly gradientNorm: number;
  /** Number of customers in the likelihood (sum of weights). */
  readonly customers: number;
  /** What deserves a second look (non-convergence, a boundary estimate, weak identification, a small sample, ...), in a fixed order; empty when nothing does. */
  readonly warnings: readonly FitWarning[];
}

/** The diagnostics of a purchase-model fit: {@link FitDiagnostics} and the customers left out with T = 0 (or no opportunity yet). */
export interface BtydFitDiagnostics<P> extends FitDiagnostics<P> {
  /**
   * Customers (sum of weights) first seen on the as-of date: T = 0 (n = 0 opportunities for
   * BG/BB). Their likelihood contribution is exactly 1 whatever the parameters, so they are left
   * out of the likelihood (and of `customers`) and change nothing in the fit.
   */
  readonly justAcquired: number;
}

/**
 * The common interface of the purchase-count models, so callers can swap them. Times are in the
 * unit of the data the model was fitted on (opportunities for BG/BB).
 */
export interface PurchaseModel<P, C = BtydCustomer> {
  /** Which model this is. */
  readonly model: 'bgnbd' | 'paretonbd' | 'mbgnbd' | 'bgbb';
  readonly params: P;
  /** P(alive at the end of observation | history). */
  probabilityAlive(customer: C): number;
  /** E[number of purchases in the next `t` time units | history]. */
  expectedPurchases(t: number, customer: C): number;
  /** P(X(t) = n): for a new customer when `customer` is omitted, else for that customer in the next `t`. */
  purchaseProbability(n: number, t: number, customer?: C): number;
  /** E[number of repeat purchases in (0, t]] for a customer just acquired. */
  expectedPurchasesNewCustomer(t: number): number;
  /** {@link PurchaseModel.probabilityAlive} for many customers (continuous models: an array or {@link BtydColumns}). */
  probabilityAliveMany(customers: readonly C[] | ManyColumns<C>): Float64Array;
  /** {@link PurchaseModel.expectedPurchases} for many customers (continuous models: an array or {@link BtydColumns}). */
  expectedPurchasesMany(t: number, customers: readonly C[] | ManyColumns<C>): Float64Array;
  /**
   * {@link PurchaseModel.expectedPurchasesMany} at several horizons in one pass (the
   * continuous-time models have it; BG/BB does not): the histories are checked and P(alive)
   * computed once, then for each `times[k]` in order `visit(k, cumulative)` is called with
   * `cumulative[i]` bit for bit equal to `expectedPurchasesMany(times[k], customers)[i]`.
   * `cumulative` is one buffer reused for every horizon: copy what you keep before returning.
   * @param times - Horizons `t >= 0`, in the model's time unit; all are checked before any visit.
   * @param customers - An array of customers or {@link BtydColumns}.
   * @param visit - Called once per horizon, in order, with its index and the expectations.
   * @throws InvalidInputError for an invalid horizon or history (before any visit).
   */
  expectedPurchasesOverHorizons?(times: readonly number[], customers: readonly C[] | ManyColumns<C>, visit: (k: number, cumulative: Float64Array) => void): void;
  /**
   * Per customer, `Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) · factors[k]` (E[Y(t_{−1})] = 0) and
   * `E[Y(t_last)]`, in one pass over the customers: bit for bit what accumulating the visits of
   * `expectedPurchasesOverHorizons` in that order gives, without a pass over every customer per
   * horizon. A model that changes its predictions per customer (covariates) leaves it out.
   * @internal
   */
  discountedPurchasesOverHorizons?(times: readonly number[], factors: readonly number[], customers: readonly C[] | ManyColumns<C>): { readonly discounted: Float64Array; readonly last: Float64Array };
}

/** The columns form a model's vectorised methods accept: {@link BtydColumns} for the continuous-time models, none for BG/BB. */
export type ManyColumns<C> = C extends BtydCustomer ? BtydColumns : never;
