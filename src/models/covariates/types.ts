import type { BtydColumns, BtydCustomer } from '../types.js';

/**
 * Which per-customer fields enter which process of a purchase model with static (time-invariant)
 * covariates. Each name is a field of every customer row (or a column beside {@link BtydColumns});
 * the same field may enter both processes, with its own coefficient in each.
 */
export interface CovariateOptions {
  /**
   * Covariates of the purchase process: they scale the purchase rate λ by exp(γ_purchase·z).
   * @defaultValue none
   */
  readonly purchase?: readonly string[];
  /**
   * Covariates of the dropout process: they scale the dropout rate μ (Pareto/NBD) by
   * exp(γ_dropout·z), or both Beta parameters of the dropout probability (BG/NBD) by exp(γ_dropout·z).
   * @defaultValue none
   */
  readonly dropout?: readonly string[];
}

/**
 * One covariate value of one customer: a finite number, a boolean (taken as 0/1) or a string (a
 * category; a covariate with string values becomes k − 1 dummy columns for its k categories).
 */
export type CovariateValue = number | string | boolean;

/**
 * A customer with covariates: the history (frequency, recency, T), or an element carrying it in
 * `btyd`, beside the covariate fields named in {@link CovariateOptions}.
 */
export type CovariateCustomer = (BtydCustomer | { readonly btyd: BtydCustomer }) & { readonly [name: string]: unknown };

/**
 * Many customers as columns: {@link BtydColumns} plus one array per covariate field (numbers,
 * booleans or strings), each as long as `frequency`.
 */
export type CovariateColumns = BtydColumns & { readonly [name: string]: unknown };

/** How one input field becomes design columns. */
export interface CovariateEncoding {
  /** The customer field read. */
  readonly field: string;
  /** `numeric`: the value itself (booleans as 0/1); `categorical`: one 0/1 column per non-reference category. */
  readonly kind: 'numeric' | 'categorical';
  /** For `categorical`: every category in sorted order; the first is the reference (all dummies 0). */
  readonly categories?: readonly string[];
  /** The design columns this field gives: `field` for a numeric one, `field=category` for each dummy. */
  readonly columns: readonly string[];
}

/** The design of one process: its encodings in order, and the names of the resulting columns (its coefficients). */
export interface ProcessDesign {
  readonly encodings: readonly CovariateEncoding[];
  /** Coefficient names, in order: the columns of every encoding. */
  readonly columns: readonly string[];
}

/** The covariate design of a fit, reused to encode customers at prediction time. */
export interface CovariateDesign {
  readonly purchase: ProcessDesign;
  readonly dropout: ProcessDesign;
}

/** Coefficients γ of the two processes, by design column name. */
export interface CovariateCoefficients {
  readonly purchase: Readonly<Record<string, number>>;
  readonly dropout: Readonly<Record<string, number>>;
}

/**
 * What a fit with static covariates adds to the fitted model (its `covariates` field). The
 * model's own methods (`probabilityAlive`, `expectedPurchases`, `purchaseProbability` with a
 * customer, the vectorised forms) read each customer's covariate fields; its `params` are the base
 * parameters, those of a customer whose covariates are all 0 (every category at its reference),
 * and so are the answers of the methods that take no customer (`expectedPurchasesNewCustomer`,
 * `purchaseProbability` without a customer, `simulate`). For a new customer with given
 * covariates, use `modelFor(covariates)`.
 */
export interface CovariateInfo<P, M> {
  /** γ of each design column, per process. */
  readonly coefficients: CovariateCoefficients;
  /** Standard errors of γ (from the same inverse Hessian as the fit's `standardErrors`); `null` when that Hessian is not positive definite. */
  readonly coefficientStandardErrors: CovariateStandardErrors | null;
  /** How customer fields become design columns. */
  readonly design: CovariateDesign;
  /**
   * A customer's own parameters: the base parameters scaled by her covariates.
   * @throws {InvalidInputError} When a covariate is missing, not finite, or a category the fit did not see.
   */
  paramsOf(covariates: { readonly [name: string]: unknown }): P;
  /**
   * The plain model at a customer's own parameters (for a new customer with these covariates).
   * @throws {InvalidInputError} As {@link CovariateInfo.paramsOf}.
   */
  modelFor(covariates: { readonly [name: string]: unknown }): M;
}

/** Standard errors of the coefficients, per process, by design column name. */
export type CovariateStandardErrors = CovariateCoefficients;
