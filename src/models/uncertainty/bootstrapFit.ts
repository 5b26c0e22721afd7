import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';
import { InvalidInputError, invalidOption } from '../../errors/InvalidInputError.js';
import { percentileSorted } from '../../math/percentile.js';
import { createRng } from '../../math/random.js';
import { checkedWeights } from '../fit/fitInput.js';
import { customerSampler } from './resampleCounts.js';
import { distinctHistories } from './distinctHistories.js';
import type { BootstrapFit, BootstrapFitOptions, FitResultLike, Interval, PlainFit, PlainFitData, RefitOptions } from './types.js';

/**
 * Bootstrap of a maximum-likelihood fit: refits on customers resampled with replacement and gives
 * percentile intervals for the parameters.
 *
 * The fit runs once on all the data. Customers are then grouped by history (identical histories
 * share a row) and each resample, `customers` draws with replacement (row i with probability
 * w_i / Σw), becomes multinomial counts over those distinct rows, passed to `fitFn` as `weights`.
 * A refit therefore costs O(distinct histories), not O(customers), and starts from the full-data
 * estimates, without standard errors. The interval of a parameter is the (1 − level)/2 and
 * (1 + level)/2 quantiles (type 7) of its refit values. Resampling is seeded: the same seed, data
 * and options give the same draws bit for bit, and two bootstraps of the same customers in the same
 * order with the same seed resample the same customers (draw k of each comes from one resample),
 * so a purchase-model and a spend-model bootstrap pair up. A refit that throws (a resample with no
 * repeat buyer, say) is counted in `failed` and left out. Cost: draws × (one refit + O(customers)).
 *
 * @param fitFn - A fit taking `(data, options)` with `options.weights`, `start` and
 *   `standardErrors` (every fit of the library: `fitBgNbd`, `fitParetoNbd`, `fitMbgNbd`,
 *   `fitBgBb`, `fitGammaGamma`).
 * @param customers - What `fitFn` accepts: an array of histories (or of summaries), `{ customers }`, or columns.
 * @param options - Draws, seed, resample, level, weights and further fit options.
 * @returns The full-data fit, per-parameter intervals, every refit's estimates and the counts of failed and non-converged refits.
 * @throws {InvalidInputError} For an invalid option, or what the full-data fit throws.
 * @example
 * ```ts
 * import { bootstrapFit, fitBgNbd, simulateBgNbd } from 'loyalty-score';
 * const customers = simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 2000, T: 39, seed: 7 });
 * const boot = bootstrapFit(fitBgNbd, customers, { draws: 50, seed: 1 });
 * boot.intervals.r.low < boot.params.r && boot.params.r < boot.intervals.r.high; // => true
 * boot.draws.length; // => 50
 * ```
 */
export function bootstrapFit<Fn extends (data: never, options: never) => FitResultLike<object>>(
  fitFn: Fn,
  customers: PlainFitData<Fn>,
  options: BootstrapFitOptions = {},
): BootstrapFit<PlainFit<Fn>['params'], PlainFit<Fn>> {
  type F = PlainFit<Fn>;
  type P = F['params'];
  type D = PlainFitData<Fn>;
  if (typeof fitFn !== 'function') invalidOption('fitFn', 'expected a fit function such as fitBgNbd');
  rejectUnknownKeys(options, BOOTSTRAP_FIT_OPTION_KEYS, 'options', 'bootstrapFit');
  const draws = options.draws ?? 200;
  if (!(Number.isInteger(draws) && draws >= 2)) invalidOption('draws', 'expected a whole number of resamples >= 2');
  const seed = options.seed ?? 1;
  if (!(typeof seed === 'number' && Number.isFinite(seed))) invalidOption('seed', 'expected a finite number');
  if ((options.resample ?? 'customers') !== 'customers') invalidOption('resample', "expected 'customers'");
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) invalidOption('level', 'expected a level strictly between 0 and 1');
  const fitOptions = options.fitOptions ?? {};
  if (fitOptions === null || typeof fitOptions !== 'object') invalidOption('fitOptions', 'expected an object of fit options');

  // The full-data fit validates the customers (and the weights, which it takes the same way).
  const fit = fitFn as unknown as (data: D, options: object) => F;
  const full = fit(customers, { ...fitOptions, ...(options.weights !== undefined ? { weights: options.weights } : {}) });
  const groups = distinctHistories(customers, 'bootstrapFit');
  const weights = checkedWeights(options.weights, groups.rows, 'bootstrapFit');
  const sampler = customerSampler(groups.rows, weights);
  const rng = createRng(seed);
  const perRow = new Float64Array(groups.rows);
  const start: Partial<P> = { ...full.params };
  const results: P[] = [];
  let failed = 0;
  let notConverged = 0;
  for (let k = 0; k < draws; k++) {
    sampler.draw(rng, perRow);
    const counts = new Float64Array(groups.size);
    for (let i = 0; i < groups.rows; i++) counts[groups.groupOf[i]!]! += perRow[i]!;
    let refit: F;
    try {
      const refitOptions: RefitOptions<P> = { weights: counts, start, standardErrors: false };
      refit = fit(groups.data as D, { ...fitOptions, ...refitOptions });
    } catch (error) {
      if (error instanceof InvalidInputError) {
        failed++;
        continue;
      }
      throw error;
    }
    if (!refit.converged) notConverged++;
    results.push(refit.params);
  }
  const intervals = {} as Record<keyof P, Interval>;
  const sorted = new Float64Array(results.length);
  for (const name of Object.keys(full.params) as (keyof P & string)[]) {
    for (let k = 0; k < results.length; k++) sorted[k] = results[k]![name] as number;
    sorted.sort();
    intervals[name] = { low: percentileSorted(sorted, (1 - level) / 2), high: percentileSorted(sorted, (1 + level) / 2) };
  }
  return { fit: full, params: full.params, level, intervals, draws: results, requested: draws, failed, notConverged, seed, customers: sampler.total };
}

/** The option names of {@link BootstrapFitOptions}. @internal */
const BOOTSTRAP_FIT_OPTION_KEYS: KeyList<BootstrapFitOptions> = { draws: true, seed: true, resample: true, level: true, weights: true, fitOptions: true };
