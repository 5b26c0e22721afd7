/**
 * Warnings a maximum-likelihood fit attaches to its result: a closed union of codes, each with a
 * plain-English message naming the parameter and the value concerned.
 */

/**
 * What a {@link FitWarning} is about:
 * - `not_converged`: the optimiser stopped (iteration limit, or no further progress) before its
 *   convergence criterion was met;
 * - `parameter_at_boundary`: an estimate is below 1e-8 or above 1e8 (Gamma-Gamma `q` above 1e6):
 *   the likelihood is maximised at a limit of the model, e.g. BG/NBD a → 0 with b → ∞ (nobody drops
 *   out), or Gamma-Gamma q → ∞ (every customer has the same mean spend);
 * - `weakly_identified`: a standard error exceeds its estimate, or the Hessian is singular or not
 *   positive definite so that there are no standard errors;
 * - `small_sample`: fewer than 50 customers, or fewer than 20 repeat buyers, in the likelihood;
 * - `spend_frequency_dependence`: Gamma-Gamma assumes mean spend independent of purchase frequency,
 *   and their Pearson correlation over the fitted customers exceeds 0.3 in absolute value;
 * - `no_mean_spend`: Gamma-Gamma q <= 1, so the expected spend of a customer without repeat
 *   purchases, p γ / (q − 1), does not exist.
 */
export type FitWarningCode =
  | 'not_converged'
  | 'parameter_at_boundary'
  | 'weakly_identified'
  | 'small_sample'
  | 'spend_frequency_dependence'
  | 'no_mean_spend';

/** Every {@link FitWarningCode}, in the order warnings are listed. */
export const FIT_WARNING_CODES: readonly FitWarningCode[] = [
  'not_converged',
  'parameter_at_boundary',
  'weakly_identified',
  'small_sample',
  'spend_frequency_dependence',
  'no_mean_spend',
];

/** One warning about a fit: the fit is returned, but these results deserve a second look. */
export interface FitWarning {
  /** What is wrong. */
  readonly code: FitWarningCode;
  /** The parameter concerned, when there is one (`'r'`, `'q'`, ...). */
  readonly parameter?: string;
  /** A plain-English sentence naming the parameter and the value. */
  readonly message: string;
  /**
   * The value concerned: the estimate (`parameter_at_boundary`, `no_mean_spend`), the standard
   * error (`weakly_identified`), the count (`small_sample`), the correlation
   * (`spend_frequency_dependence`), the gradient norm (`not_converged`).
   */
  readonly value?: number;
}

/** Estimates below this are at the lower numerical boundary. @internal */
export const LOWER_BOUNDARY = 1e-8;
/** Estimates above this are at the upper numerical boundary (unless a model sets its own). @internal */
export const UPPER_BOUNDARY = 1e8;
/** Fewer customers than this in the likelihood is a small sample. @internal */
export const SMALL_SAMPLE_CUSTOMERS = 50;
/** Fewer repeat buyers than this is a small sample. @internal */
export const SMALL_SAMPLE_REPEATERS = 20;
/** Gamma-Gamma: |corr(frequency, mean spend)| above this violates the independence assumption. @internal */
export const SPEND_FREQUENCY_CORRELATION = 0.3;

/** The number as the messages print it: 4 significant digits. */
function show(v: number): string {
  return Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** What {@link optimizerWarnings} looks at. @internal */
export interface OptimizerOutcome {
  readonly params: Readonly<Record<string, number>>;
  readonly standardErrors: Readonly<Record<string, number>> | null;
  readonly converged: boolean;
  readonly iterations: number;
  readonly gradientNorm: number;
  /** Whether standard errors were asked for (no `weakly_identified` for a missing Hessian otherwise). */
  readonly standardErrorsRequested: boolean;
  /** Per-parameter upper boundary overriding {@link UPPER_BOUNDARY}. */
  readonly upperBoundaries?: Readonly<Record<string, number>> | undefined;
}

/**
 * The `not_converged`, `parameter_at_boundary` and `weakly_identified` warnings of a fit.
 * @internal
 */
export function optimizerWarnings(fit: OptimizerOutcome): FitWarning[] {
  const out: FitWarning[] = [];
  if (!fit.converged) {
    out.push({
      code: 'not_converged',
      message: `The fit did not converge: the gradient norm is ${show(fit.gradientNorm)} after ${fit.iterations} iterations, so the estimates may be off.`,
      value: fit.gradientNorm,
    });
  }
  const names = Object.keys(fit.params);
  for (const name of names) {
    const v = fit.params[name]!;
    const upper = fit.upperBoundaries?.[name] ?? UPPER_BOUNDARY;
    if (v < LOWER_BOUNDARY) {
      out.push({
        code: 'parameter_at_boundary',
        parameter: name,
        message: `The estimate of ${name} is ${show(v)}, below ${show(LOWER_BOUNDARY)}: the likelihood is maximised at a limit of the model (${name} → 0), so this parameter is not really estimated.`,
        value: v,
      });
    } else if (v > upper) {
      out.push({
        code: 'parameter_at_boundary',
        parameter: name,
        message: `The estimate of ${name} is ${show(v)}, above ${show(upper)}: the likelihood is maximised at a limit of the model (${name} → ∞), so this parameter is not really estimated.`,
        value: v,
      });
    }
  }
  if (fit.standardErrors !== null) {
    for (const name of names) {
      const se = fit.standardErrors[name]!;
      const v = fit.params[name]!;
      if (se > v) {
        out.push({
          code: 'weakly_identified',
          parameter: name,
          message: `The standard error of ${name} (${show(se)}) exceeds its estimate (${show(v)}): these data hardly determine ${name}.`,
          value: se,
        });
      }
    }
  } else if (fit.standardErrorsRequested) {
    out.push({
      code: 'weakly_identified',
      message: 'The Hessian of the log-likelihood is singular or not positive definite at the estimates, so there are no standard errors: the parameters are weakly identified by these data.',
    });
  }
  return out;
}

/**
 * The `small_sample` warnings: fewer than 50 customers, or fewer than 20 repeat buyers.
 * @internal
 */
export function sampleWarnings(customers: number, repeaters: number): FitWarning[] {
  const out: FitWarning[] = [];
  if (customers < SMALL_SAMPLE_CUSTOMERS) {
    out.push({
      code: 'small_sample',
      message: `Only ${show(customers)} ${customers === 1 ? 'customer is' : 'customers are'} in the fit (fewer than ${SMALL_SAMPLE_CUSTOMERS}): the estimates are unreliable.`,
      value: customers,
    });
  }
  if (repeaters < SMALL_SAMPLE_REPEATERS) {
    out.push({
      code: 'small_sample',
      message: `${repeaters === 0 ? 'No' : `Only ${show(repeaters)}`} ${repeaters === 1 ? 'customer' : 'customers'} in the fit ${repeaters === 1 ? 'has' : 'have'} a repeat purchase (fewer than ${SMALL_SAMPLE_REPEATERS}): the estimates are unreliable.`,
      value: repeaters,
    });
  }
  return out;
}

/** Formats a correlation for {@link spendWarnings}. */
function showCorrelation(rho: number): string {
  return rho.toFixed(2);
}

/**
 * The Gamma-Gamma warnings: `spend_frequency_dependence` (|Pearson correlation| of frequency and
 * mean spend above 0.3; none when either is constant) and `no_mean_spend` (q <= 1).
 * @internal
 */
export function spendWarnings(correlation: number, q: number): FitWarning[] {
  const out: FitWarning[] = [];
  if (Math.abs(correlation) > SPEND_FREQUENCY_CORRELATION) {
    out.push({
      code: 'spend_frequency_dependence',
      message: `The correlation between purchase frequency and mean repeat spend is ${showCorrelation(correlation)}: Gamma-Gamma assumes them independent (|correlation| at most ${SPEND_FREQUENCY_CORRELATION}), so its spend estimates are biased.`,
      value: correlation,
    });
  }
  if (!(q > 1)) {
    out.push({
      code: 'no_mean_spend',
      parameter: 'q',
      message: `The estimate of q is ${show(q)}, at most 1: the expected spend of a customer without repeat purchases, p γ / (q − 1), does not exist.`,
      value: q,
    });
  }
  return out;
}

/**
 * Pearson correlation of two columns with weights (NaN when either is constant). @internal
 */
export function weightedCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): number {
  const n = x.length;
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i]! : 1;
    sw += wi;
    mx += wi * x[i]!;
    my += wi * y[i]!;
  }
  mx /= sw;
  my /= sw;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i]! : 1;
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += wi * dx * dx;
    syy += wi * dy * dy;
    sxy += wi * dx * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}
