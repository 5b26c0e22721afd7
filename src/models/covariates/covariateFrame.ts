import { digamma } from '../../math/digamma.js';
import { logGamma } from '../../math/logGamma.js';
import { distinctValues } from '../fit/distinctValues.js';
import type { CovariateFitRows } from './covariateRows.js';

/**
 * The working view of a covariate likelihood over grouped rows: the history columns, the
 * log Γ(r+x) and ψ(r+x) of each distinct x, the linear predictors γ·z of each row, and the
 * accumulators of ∂ℓ/∂γ. Parameters are laid out [4 base parameters, γ_purchase…, γ_dropout…].
 * @internal
 */
export interface CovariateFrame {
  readonly xs: Float64Array;
  readonly txs: Float64Array;
  readonly Ts: Float64Array;
  readonly weights: Float64Array;
  readonly size: number;
  /** Index of each row's x among the distinct values. */
  readonly xIndex: Int32Array;
  /** log Γ(r + x) per distinct x, after {@link CovariateFrame.prepare}. */
  readonly lgRx: Float64Array;
  /** ψ(r + x) per distinct x, after {@link CovariateFrame.prepare} with a gradient. */
  readonly psiRx: Float64Array;
  /** Fills `lgRx` (and `psiRx` when `withGradient`) at r and zeroes the γ accumulators. */
  prepare(r: number, withGradient: boolean): void;
  /** γ_purchase·z_purchase of row i. */
  purchaseDot(params: Float64Array, i: number): number;
  /** γ_dropout·z_dropout of row i. */
  dropoutDot(params: Float64Array, i: number): number;
  /** Adds c·z_purchase,i to ∂ℓ/∂γ_purchase and d·z_dropout,i to ∂ℓ/∂γ_dropout. */
  accumulate(i: number, c: number, d: number): void;
  /** Writes the γ accumulators after the 4 base entries of `grad`. */
  writeGradient(grad: Float64Array): void;
}

/** Builds the {@link CovariateFrame} of prepared rows. @internal */
export function covariateFrame(prepared: CovariateFitRows): CovariateFrame {
  const { rows, purchaseColumns: kp, dropoutColumns: kd } = prepared;
  const [xs, txs, Ts] = rows.columns as [Float64Array, Float64Array, Float64Array];
  const zP = rows.columns.slice(3, 3 + kp);
  const zD = rows.columns.slice(3 + kp, 3 + kp + kd);
  const { values: xValues, index: xIndex } = distinctValues(xs);
  const m = xValues.length;
  const lgRx = new Float64Array(m);
  const psiRx = new Float64Array(m);
  const gP = new Float64Array(kp);
  const gD = new Float64Array(kd);
  return {
    xs,
    txs,
    Ts,
    weights: rows.weights,
    size: rows.size,
    xIndex,
    lgRx,
    psiRx,
    prepare: (r, withGradient) => {
      for (let k = 0; k < m; k++) {
        lgRx[k] = logGamma(r + xValues[k]!);
        if (withGradient) psiRx[k] = digamma(r + xValues[k]!);
      }
      gP.fill(0);
      gD.fill(0);
    },
    purchaseDot: (params, i) => {
      let d = 0;
      for (let j = 0; j < kp; j++) d += params[4 + j]! * zP[j]![i]!;
      return d;
    },
    dropoutDot: (params, i) => {
      let d = 0;
      for (let j = 0; j < kd; j++) d += params[4 + kp + j]! * zD[j]![i]!;
      return d;
    },
    accumulate: (i, c, d) => {
      for (let j = 0; j < kp; j++) gP[j] = gP[j]! + c * zP[j]![i]!;
      for (let j = 0; j < kd; j++) gD[j] = gD[j]! + d * zD[j]![i]!;
    },
    writeGradient: (grad) => {
      for (let j = 0; j < kp; j++) grad[4 + j] = gP[j]!;
      for (let j = 0; j < kd; j++) grad[4 + kp + j] = gD[j]!;
    },
  };
}
