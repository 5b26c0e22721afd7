import type { FitWarning } from '../fit/fitWarnings.js';

/** A two-sided interval: `low` and `high` bounds at a stated level. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** What {@link bootstrapFit} needs of a fit: its parameters, whether it converged, and its warnings. */
export interface FitResultLike<P> {
  readonly params: P;
  readonly converged: boolean;
  readonly warnings: readonly FitWarning[];
}

/**
 * The options {@link bootstrapFit} passes to every refit, on top of `fitOptions`: the resample
 * counts as `weights`, the full-data estimates as `start`, and no standard errors.
 */
export interface RefitOptions<P> {
  readonly weights: Float64Array;
  readonly start: Partial<P>;
  readonly standardErrors: false;
}

/** Options of {@link bootstrapFit}. */
export interface BootstrapFitOptions {
  /**
   * Number of bootstrap resamples (refits), a whole number >= 2.
   * @defaultValue 200
   */
  readonly draws?: number;
  /**
   * Seed of the resampling stream (its 32-bit integer part is used): the same seed, data and
   * options give the same draws bit for bit.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * What is resampled: `'customers'`, with replacement, as many as there are (the sum of
   * `weights` when given).
   * @defaultValue 'customers'
   */
  readonly resample?: 'customers';
  /**
   * Level of the percentile intervals, in (0, 1).
   * @defaultValue 0.9
   */
  readonly level?: number;
  /**
   * Number of customers each input row stands for (pre-aggregated data), as the fits' `weights`.
   * @defaultValue 1 for every row
   */
  readonly weights?: ArrayLike<number>;
  /**
   * Further options for every fit (the full-data fit and each refit), such as `l2Penalty` or
   * `maxIterations`; `weights`, `start` and `standardErrors` are set by the bootstrap.
   * @defaultValue no further options
   */
  readonly fitOptions?: object;
}

/** The result of {@link bootstrapFit}. */
export interface BootstrapFit<P extends object, F extends FitResultLike<P> = FitResultLike<P>> {
  /** The fit on all the data (the point estimates). */
  readonly fit: F;
  /** The full-data estimates (`fit.params`). */
  readonly params: P;
  /** Level of the intervals. */
  readonly level: number;
  /** Percentile intervals of each parameter over the refits: the (1 − level)/2 and (1 + level)/2 quantiles (type 7). */
  readonly intervals: { readonly [K in keyof P]: Interval };
  /** Each refit's estimates, in resample order (resamples whose refit failed are left out). */
  readonly draws: readonly P[];
  /** Resamples asked for. */
  readonly requested: number;
  /** Resamples whose refit raised an error (e.g. no repeat buyer drawn): left out of `draws`. */
  readonly failed: number;
  /** Refits that did not converge (kept in `draws`). */
  readonly notConverged: number;
  /** The seed used. */
  readonly seed: number;
  /** Customers per resample. */
  readonly customers: number;
}

/**
 * The fit a fit function returns without covariates: its first call signature's result (a fit
 * function with a covariate overload, such as `fitBgNbd`, declares the plain form first).
 */
export type PlainFit<Fn> = Fn extends { (data: never, options: never): infer R1; (data: never, options: never): unknown }
  ? R1 extends FitResultLike<object>
    ? R1
    : never
  : never;

/** The data a fit function accepts (its first call signature's first parameter). */
export type PlainFitData<Fn> = Fn extends { (data: infer D1, options: never): unknown; (data: never, options: never): unknown } ? D1 : never;
