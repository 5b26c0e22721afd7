import type { CustomerId } from '../transactions/types.js';

/** The three RFM dimensions, named after the summary fields they read. */
export type RfmDimension = 'recency' | 'frequency' | 'monetary';

/** The three RFM scores of a customer, by their one-letter names. */
export type RfmScoreName = 'r' | 'f' | 'm';

/**
 * How a dimension's values become scores.
 *
 * - `'quantile'`: cut at the k-quantiles of the customers' values (linear interpolation, the
 *   R type 7 / NumPy default definition). Tied values can make cut points coincide; the scores
 *   between them then stay empty and the labels of the others keep their quantile meaning.
 * - `'rank'`: tie-robust. Equal values form a block; the block goes, whole, to the bin that holds
 *   its middle position (its mid-rank). Bins are as even as the ties allow.
 * - `'fixed'`: cut at caller-given breaks (`breaks`), the same whatever the data.
 */
export type RfmBinningMethod = 'quantile' | 'rank' | 'fixed';

/** One value per RFM dimension. */
export interface RfmPerDimension<T> {
  readonly recency: T;
  readonly frequency: T;
  readonly monetary: T;
}

/** How one dimension was binned, and what came out. */
export interface RfmDimensionBinning {
  /** The method used. */
  readonly method: RfmBinningMethod;
  /**
   * The k - 1 cut points used, ascending on the value scale. A value's bin is 1 plus the number of
   * cut points strictly below it (bins are right-closed: a value equal to a cut point goes to the
   * lower bin). For recency the score is `k + 1 - bin` (recent is good); for frequency and monetary
   * the score is the bin. Under `'rank'`, a cut point below every value is `-Infinity`. Empty for
   * an empty input (except under `'fixed'`, where it is the breaks).
   */
  readonly thresholds: readonly number[];
  /** Customers per score: `counts[s - 1]` is the number of customers with score `s`. */
  readonly counts: readonly number[];
  /** Number of scores actually used (at most k): fewer than k when ties leave some scores empty. */
  readonly bins: number;
  /** The scores actually used, ascending. */
  readonly scoresUsed: readonly number[];
}

/** One customer's RFM scores. */
export interface RfmScore {
  readonly customerId: CustomerId;
  /** Recency score, 1..k (k = most recent). */
  readonly r: number;
  /** Frequency score, 1..k (k = most frequent). */
  readonly f: number;
  /** Monetary score, 1..k (k = highest spend). */
  readonly m: number;
  /** The three scores as digits, R first: `'545'`. */
  readonly cell: string;
  /** The segment the cell maps to, or `null` when scoring ran without a segment table. */
  readonly segment: string | null;
}

/** A segment's size in a scored customer base. */
export interface RfmSegmentCount {
  readonly segment: string;
  readonly count: number;
}

/** Result of `scoreRfm`. */
export interface ScoreRfmResult {
  /** Number of score levels per dimension. */
  readonly k: number;
  /** Scores per customer, in input order. */
  readonly customers: readonly RfmScore[];
  readonly recency: RfmDimensionBinning;
  readonly frequency: RfmDimensionBinning;
  readonly monetary: RfmDimensionBinning;
  /** Customers per segment, in the segment table's order of first appearance; empty without a table. */
  readonly segments: readonly RfmSegmentCount[];
}

/**
 * One rule of a segment table: every cell whose R score is in `r`, F score in `f` and M score in
 * `m` belongs to `segment`. Several rules may name the same segment. A table is valid when every
 * cell of the k x k x k cube matches exactly one rule.
 */
export interface RfmSegmentRule {
  readonly segment: string;
  readonly r: readonly number[];
  readonly f: readonly number[];
  readonly m: readonly number[];
}

/** A segment table: rules that together cover every R-F-M cell exactly once. */
export type RfmSegmentTable = readonly RfmSegmentRule[];

/**
 * The built-in segment tables (all for k = 5).
 *
 * - `'default'`: the library's own 10-segment table on all three scores (see docs/rfm.md).
 * - `'rf-grid'`: the 10-segment recency-by-frequency grid common in marketing analytics; M is ignored.
 * - `'r-fm'`: 11 segments on R and a combined FM score, `ceil((F + M) / 2)`.
 */
export type RfmSegmentPreset = 'default' | 'rf-grid' | 'r-fm';
