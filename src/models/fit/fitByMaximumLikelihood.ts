import { invalidOption } from '../../errors/InvalidInputError.js';
import { invertSymmetric, numericalHessian } from '../../math/hessian.js';
import type { FitDiagnostics } from '../types.js';
import type { FitWarningCode } from './fitWarnings.js';
import { optimizerWarnings, sampleWarnings } from './fitWarnings.js';
import { minimizeWithRestarts, PARAMETER_BOX } from './minimizeWithRestarts.js';
import { hessianInLogs } from './hessianInLogs.js';
import { newtonPolish } from './newtonPolish.js';

/** Relative resolution assumed of a warm-started (large) fit's objective: see `warmCurvature`. */
const WARM_OBJECTIVE_RESOLUTION = 1e-10;
/** {@link PARAMETER_BOX} in log-parameters, the space the optimiser works in. */
const BOX_IN_LOGS = { lower: Math.log(PARAMETER_BOX.lower), upper: Math.log(PARAMETER_BOX.upper) } as const;

/** Options every maximum-likelihood fit accepts (the optimiser's knobs, a start, a penalty). */
export interface FitOptions<K extends string = string> {
  /**
   * Maximum BFGS iterations, all starts together (see `maxEvaluations`).
   * @defaultValue 500
   */
  readonly maxIterations?: number;
  /**
   * Cap on the evaluations of the likelihood (and of its gradient) in one fit, all starts
   * together; the fit stops there with `converged: false` and a `not_converged` warning. Bounds
   * the time of every fit, whatever the start.
   * @defaultValue 10000
   */
  readonly maxEvaluations?: number;
  /**
   * Convergence when every component of the gradient of the mean negative log-likelihood per
   * customer, with respect to the log-parameters, is at most this in absolute value.
   * @defaultValue 1e-8
   */
  readonly gradientTolerance?: number;
  /**
   * Also converged when an iteration changes the objective by at most this relative amount (and the
   * gradient is below the square root of `gradientTolerance`).
   * @defaultValue 1e-14
   */
  readonly relativeTolerance?: number;
  /**
   * L2 penalty λ: the fit maximises `LL / N - λ Σ θ²` over the (natural-scale) parameters θ,
   * shrinking them towards 0 (the convention of lifetimes' `penalizer_coef`). The reported
   * `logLikelihood` is the unpenalised one.
   * @defaultValue 0
   */
  readonly l2Penalty?: number;
  /**
   * Starting values (natural scale, > 0); missing ones take the model's default start.
   * @defaultValue the model's default start
   */
  readonly start?: Partial<Readonly<Record<K, number>>>;
  /**
   * Whether to compute standard errors (one Hessian: analytic for BG/NBD and MBG/NBD, else 2n gradient evaluations). The
   * same Hessian serves the Newton steps that refine a converged estimate, so `false` returns the
   * BFGS estimate unrefined (equal to the refined one within the gradient tolerance).
   * @defaultValue true
   */
  readonly standardErrors?: boolean;
}

/** A likelihood to maximise over positive parameters. */
export interface MaximumLikelihoodProblem<K extends string> {
  /** Parameter names, in the order of the `Float64Array`s passed to the callbacks. */
  readonly paramNames: readonly K[];
  /** Default start (natural scale, every value > 0 and finite). */
  readonly start: Readonly<Record<K, number>>;
  /** Number of customers (sum of weights): the objective is scaled by 1 / customers. */
  readonly customers: number;
  /** Total log-likelihood (a weighted sum over customers) at natural-scale parameters; may return -Infinity or NaN outside the domain. */
  logLikelihood(params: Float64Array): number;
  /** Optional analytic gradient of the total log-likelihood with respect to the natural-scale parameters. */
  gradient?(params: Float64Array, out: Float64Array): void;
  /** Optional analytic Hessian of the total log-likelihood in the natural-scale parameters (row-major n × n); with `gradient`, replaces the numerical one. */
  hessian?(params: Float64Array, out: Float64Array): void;
  /** Caller options. */
  readonly options?: FitOptions<K> | undefined;
  /**
   * Number of repeat buyers among the customers, for the `small_sample` warning (fewer than 20).
   * @defaultValue not checked
   */
  readonly repeatBuyers?: number;
  /**
   * Per-parameter upper numerical boundary for the `parameter_at_boundary` warning.
   * @defaultValue 1e8 for every parameter
   */
  readonly upperBoundaries?: Partial<Readonly<Record<K, number>>>;
  /**
   * The log-parameter covariance of a fit of the same model to a subsample, and that fit's
   * customer count (sum of weights): the optimiser then starts from the curvature per customer it
   * implies (`covariance * customers` as the first inverse Hessian of the mean objective), so it
   * takes quasi-Newton steps from the first iteration on instead of scaled steepest descent. Such
   * a fit runs on many rows, whose summed likelihood rounds at about 1e-15 relative: its line
   * searches also accept a step on the gradient where the change of the objective is below 1e-10
   * relative (`objectiveResolution` of `minimize`), instead of creeping on rounding noise.
   * @defaultValue none (the optimiser starts from the identity)
   */
  readonly warmCurvature?: { readonly logParameterCovariance: ArrayLike<number>; readonly customers: number };
}

/** A maximum-likelihood estimate with its diagnostics. */
export interface MaximumLikelihoodFit<K extends string> extends FitDiagnostics<Record<K, number>> {
  /** The estimates. */
  readonly params: Readonly<Record<K, number>>;
}

/**
 * Maximises a log-likelihood over positive parameters by BFGS in log-parameter space.
 *
 * The optimiser works on u = log θ (so every θ stays positive) and minimises the mean negative
 * log-likelihood per customer plus the optional L2 penalty λ Σ θ², inside the box
 * 1e-10 <= θ <= 1e10 (a start outside is moved onto it). Converged means a projected gradient
 * below `gradientTolerance` (or, at the numerical floor, a tiny relative change of the objective
 * and of u with the gradient below its square root), never a stall. A stop that is not clean (not
 * converged with a gradient within 10 times `gradientTolerance`, or an estimate outside
 * [1e-8, 1e8]) is followed by restarts from the default
 * start and from it scaled by 10 and 1/10, and the best optimum wins; `maxIterations` and
 * `maxEvaluations` bound all starts together, so every fit ends in bounded time. Standard errors come from the
 * Hessian of the total negative log-likelihood in u at the optimum (the problem's analytic
 * `hessian` when it gives one, else a numerical Hessian), inverted, and mapped
 * back by the delta method: SE(θ_i) = θ_i · sqrt((H_u^-1)_ii). They are `null` when that Hessian is
 * not positive definite (a boundary or flat optimum). With an analytic gradient and a converged
 * run, up to two Newton steps on that same Hessian then refine the estimate, each kept only when
 * it lowers the gradient without raising the objective: BFGS's stopping rule leaves an estimate up
 * to about 1e-7 relative from the maximum along a flat ridge, and the steps bring two fits of one
 * likelihood (weighted distinct rows, or one row per customer) to the same maximum within about
 * 1e-10. With `standardErrors: false` no Hessian is computed and the BFGS estimate is returned as
 * it is. Never throws on non-convergence: `converged`
 * says whether the optimiser met its criterion, and `warnings` lists what deserves a second look
 * (`not_converged`, `parameter_at_boundary` below 1e-8 or above 1e8, `weakly_identified`,
 * `small_sample` below 50 customers or 20 `repeatBuyers`; see {@link FitWarningCode}). Cost: the optimiser's evaluations (typically 20 to
 * 60 gradient calls) plus 2n for a numerical Hessian (or one analytic Hessian) and up to 4 for the Newton steps.
 *
 * @param problem - Names, default start, customer count, log-likelihood, optional gradient and options.
 * @returns Estimates, total log-likelihood, standard errors, iterations, convergence and gradient norm.
 * @throws {InvalidInputError} When an option is invalid (`maxIterations` or `maxEvaluations` not a positive integer, a
 * tolerance not a finite positive number, `l2Penalty` negative, `standardErrors` not a boolean, a
 * start value not a positive finite number or naming an unknown parameter).
 * @example
 * ```ts
 * import { fitByMaximumLikelihood } from 'loyalty-score/math';
 * // Exponential waiting times 1, 2, 3: the MLE of the rate is 3 / 6 = 0.5.
 * const fit = fitByMaximumLikelihood({
 *   paramNames: ['rate'],
 *   start: { rate: 1 },
 *   customers: 3,
 *   logLikelihood: (p) => 3 * Math.log(p[0]!) - 6 * p[0]!,
 * });
 * fit.params.rate; // ~> 0.5 (1e-6)
 * fit.converged; // => true
 * fit.warnings.map((w) => w.code); // => ['small_sample']
 * ```
 */
export function fitByMaximumLikelihood<K extends string>(problem: MaximumLikelihoodProblem<K>): MaximumLikelihoodFit<K> {
  const options = problem.options ?? {};
  const names = problem.paramNames;
  const n = names.length;
  // maxIterations, maxEvaluations, gradientTolerance and relativeTolerance are validated by minimize.
  const knobs = {
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.maxEvaluations !== undefined ? { maxEvaluations: options.maxEvaluations } : {}),
    ...(options.gradientTolerance !== undefined ? { gradientTolerance: options.gradientTolerance } : {}),
    ...(options.relativeTolerance !== undefined ? { relativeTolerance: options.relativeTolerance } : {}),
    ...(problem.warmCurvature !== undefined
      ? {
          initialInverseHessian: Array.from(problem.warmCurvature.logParameterCovariance, (v) => v * problem.warmCurvature!.customers),
          objectiveResolution: WARM_OBJECTIVE_RESOLUTION,
        }
      : {}),
  };
  const penalty = options.l2Penalty ?? 0;
  if (!(penalty >= 0) || !Number.isFinite(penalty)) invalidOption('l2Penalty', 'expected a finite number >= 0');
  if (options.standardErrors !== undefined && typeof options.standardErrors !== 'boolean') invalidOption('standardErrors', 'expected true or false');
  if (options.start !== undefined) {
    if (options.start === null || typeof options.start !== 'object') invalidOption('start', 'expected an object of starting values');
    for (const key of Object.keys(options.start)) {
      if (!(names as readonly string[]).includes(key)) invalidOption('start', `unknown parameter ${key} (expected ${names.join(', ')})`);
    }
  }
  const scale = problem.customers > 0 ? 1 / problem.customers : 1;

  const u0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    const v = options.start?.[name] ?? problem.start[name];
    if (!(v > 0) || !Number.isFinite(v)) invalidOption('start', `start value of ${name} must be a positive finite number`);
    u0[i] = Math.log(v);
  }

  const theta = new Float64Array(n);
  const gTheta = new Float64Array(n);
  const toTheta = (u: Float64Array): void => {
    for (let i = 0; i < n; i++) theta[i] = Math.exp(u[i]!);
  };
  const objective = (u: Float64Array): number => {
    toTheta(u);
    const ll = problem.logLikelihood(theta);
    if (Number.isNaN(ll)) return Infinity;
    let pen = 0;
    for (let i = 0; i < n; i++) pen += theta[i]! * theta[i]!;
    return -ll * scale + penalty * pen;
  };
  const gradientOf = problem.gradient;
  const gradient = gradientOf
    ? (u: Float64Array, out: Float64Array): void => {
        toTheta(u);
        gradientOf(theta, gTheta);
        for (let i = 0; i < n; i++) out[i] = -gTheta[i]! * theta[i]! * scale + 2 * penalty * theta[i]! * theta[i]!;
      }
    : undefined;

  const defaultU = new Float64Array(n);
  for (let i = 0; i < n; i++) defaultU[i] = Math.log(problem.start[names[i]!]);
  const res = minimizeWithRestarts(objective, u0, defaultU, knobs, gradient);
  const wantErrors = options.standardErrors !== false;

  // Hessian of the total negative log-likelihood (unpenalised) in u = log θ, at the BFGS optimum.
  let H: Float64Array | null = null;
  if (wantErrors && Number.isFinite(res.value)) {
    const total = (u: Float64Array): number => {
      const th = new Float64Array(n);
      for (let i = 0; i < n; i++) th[i] = Math.exp(u[i]!);
      return -problem.logLikelihood(th);
    };
    const totalGradient = gradientOf
      ? (u: Float64Array, out: Float64Array): void => {
          const th = new Float64Array(n);
          for (let i = 0; i < n; i++) th[i] = Math.exp(u[i]!);
          gradientOf(th, out);
          for (let i = 0; i < n; i++) out[i] = -out[i]! * th[i]!;
        }
      : undefined;
    H = totalGradient && problem.hessian ? hessianInLogs(problem.gradient!, problem.hessian, res.x) : numericalHessian(total, Float64Array.from(res.x), totalGradient);
  }

  // Newton steps on that Hessian close the last ~1e-7 along flat ridges (see newtonPolish).
  let x = res.x;
  let gradientNorm = res.gradientNorm;
  let evaluations = res.evaluations;
  if (H && gradient && res.converged) {
    const meanHessian = new Float64Array(n * n);
    for (let k = 0; k < n * n; k++) meanHessian[k] = H[k]! * scale;
    for (let i = 0; i < n; i++) meanHessian[i * n + i] = meanHessian[i * n + i]! + 4 * penalty * Math.exp(2 * res.x[i]!);
    const resolution = problem.warmCurvature !== undefined ? WARM_OBJECTIVE_RESOLUTION : undefined;
    const polished = newtonPolish(objective, gradient, res.x, res.value, meanHessian, BOX_IN_LOGS, resolution);
    x = polished.x;
    gradientNorm = Math.min(gradientNorm, polished.gradientNorm);
    evaluations += polished.evaluations;
  }
  const params = {} as Record<K, number>;
  for (let i = 0; i < n; i++) params[names[i]!] = Math.exp(x[i]!);
  toTheta(x);
  const logLikelihood = problem.logLikelihood(theta);

  let standardErrors: Record<K, number> | null = null;
  let logParameterCovariance: Float64Array | null = null;
  if (H && Number.isFinite(logLikelihood)) {
    const cov = invertSymmetric(H, n);
    if (cov) {
      const se = {} as Record<K, number>;
      let ok = true;
      for (let i = 0; i < n; i++) {
        const v = Math.sqrt(cov[i * n + i]!) * params[names[i]!];
        if (!Number.isFinite(v)) ok = false;
        se[names[i]!] = v;
      }
      if (ok) {
        standardErrors = se;
        logParameterCovariance = cov;
      }
    }
  }
  const warnings = [
    ...optimizerWarnings({
      params,
      standardErrors,
      converged: res.converged,
      iterations: res.iterations,
      gradientNorm,
      standardErrorsRequested: options.standardErrors !== false,
      upperBoundaries: problem.upperBoundaries as Readonly<Record<string, number>> | undefined,
    }),
    ...sampleWarnings(problem.customers, problem.repeatBuyers ?? Infinity),
  ];
  return {
    params,
    logLikelihood,
    standardErrors,
    logParameterCovariance,
    iterations: res.iterations,
    evaluations,
    converged: res.converged,
    gradientNorm,
    customers: problem.customers,
    warnings,
  };
}
