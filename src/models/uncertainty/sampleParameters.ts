import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';
import { invalidOption } from '../../errors/InvalidInputError.js';
import { cholesky } from '../../math/hessian.js';
import { createRng, sampleNormal } from '../../math/random.js';

/** What {@link sampleParameters} needs of a fit: its estimates and the covariance of their logarithms. */
export interface FitWithCovariance<P> {
  readonly params: P;
  readonly logParameterCovariance?: Float64Array | null;
}

/** Options of {@link sampleParameters}. */
export interface SampleParametersOptions {
  /**
   * Number of parameter draws, a whole number >= 1.
   * @defaultValue 200
   */
  readonly draws?: number;
  /**
   * Seed of the normal draws (its 32-bit integer part is used).
   * @defaultValue 1
   */
  readonly seed?: number;
}

/**
 * Draws parameters from the asymptotic normal approximation of a maximum-likelihood fit.
 *
 * The fits estimate log θ, and the inverse Hessian of the negative log-likelihood there,
 * `fit.logParameterCovariance` Σ, is the covariance of the estimate (its diagonal gives the
 * standard errors by the delta method). Each draw is θ = exp(log θ̂ + L z), with L L' = Σ (Cholesky)
 * and z standard normal: log-normal draws, positive, keeping the correlations between parameters
 * (strong between BG/NBD's r and α, and a and b). Seeded. Cost O(draws · k²) for k parameters.
 *
 * @param fit - A fit of the library (any of fitBgNbd, fitParetoNbd, fitMbgNbd, fitBgBb, fitGammaGamma) with standard errors.
 * @param options - Number of draws and seed.
 * @returns The draws, each an object with the fit's parameter names.
 * @throws {InvalidInputError} `invalid_option` at `fit` when the fit has no covariance (fitted with
 *   `standardErrors: false`, or a Hessian that is not positive definite: the parameters are then
 *   weakly identified and the normal approximation does not exist), or for an invalid option.
 * @example
 * ```ts
 * import { fitBgNbd, sampleParameters, simulateBgNbd } from 'loyalty-score';
 * const fit = fitBgNbd(simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 2000, T: 39, seed: 7 }));
 * const draws = sampleParameters(fit, { draws: 100, seed: 3 });
 * draws.length; // => 100
 * draws.every((d) => d.r > 0 && d.alpha > 0); // => true
 * ```
 */
export function sampleParameters<P extends object>(fit: FitWithCovariance<P>, options: SampleParametersOptions = {}): P[] {
  rejectUnknownKeys(options, { draws: true, seed: true } satisfies KeyList<SampleParametersOptions>, 'options', 'sampleParameters');
  const draws = options.draws ?? 200;
  if (!(Number.isInteger(draws) && draws >= 1)) invalidOption('draws', 'expected a whole number of draws >= 1');
  const seed = options.seed ?? 1;
  if (!(typeof seed === 'number' && Number.isFinite(seed))) invalidOption('seed', 'expected a finite number');
  const cov = fit?.logParameterCovariance;
  const names = Object.keys(fit?.params ?? {}) as (keyof P & string)[];
  const k = names.length;
  if (!(cov instanceof Float64Array) || cov.length !== k * k || k === 0) {
    invalidOption('fit', 'expected a fit with standard errors (logParameterCovariance): fit with standardErrors left on; a fit without them is weakly identified and has no normal approximation');
  }
  const L = cholesky(cov, k);
  if (L === null) invalidOption('fit', 'the covariance of the fit is not positive definite: the parameters are weakly identified');
  const center = names.map((n) => Math.log(fit.params[n] as number));
  const rng = createRng(seed);
  const z = new Float64Array(k);
  const out: P[] = [];
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < k; i++) z[i] = sampleNormal(rng);
    const p = {} as Record<string, number>;
    for (let i = 0; i < k; i++) {
      let u = center[i]!;
      for (let j = 0; j <= i; j++) u += L[i * k + j]! * z[j]!;
      p[names[i]!] = Math.exp(u);
    }
    out.push(p as P);
  }
  return out;
}
