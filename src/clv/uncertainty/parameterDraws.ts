import { invalidOption } from '../../errors/InvalidInputError.js';
import type { BootstrapFit, FitResultLike } from '../../models/uncertainty/types.js';
import { sampleParameters, type FitWithCovariance } from '../../models/uncertainty/sampleParameters.js';

/** A fit, or the result of `bootstrapFit` on one. */
export type FitOrBootstrap<F> = F | BootstrapFit<object, F & FitResultLike<object>>;

/** Whether `m` is a `bootstrapFit` result. @internal */
export function isBootstrap(m: unknown): m is BootstrapFit<object> {
  const b = m as Partial<BootstrapFit<object>> | null;
  return b !== null && typeof b === 'object' && Array.isArray(b.draws) && typeof b.fit === 'object' && b.fit !== null;
}

/**
 * The parameter draws of one model for `predictWithUncertainty`: the first `count` bootstrap
 * refits (method `'bootstrap'`), or `count` draws from the fit's normal approximation (method
 * `'asymptotic'`, seeded).
 * @internal
 */
export function parameterDraws(source: unknown, method: 'bootstrap' | 'asymptotic', count: number | undefined, seed: number, name: string): object[] {
  if (method === 'bootstrap') {
    if (!isBootstrap(source)) invalidOption(name, "method 'bootstrap' needs the result of bootstrapFit here (or use method 'asymptotic')");
    const n = count ?? source.draws.length;
    if (n > source.draws.length) invalidOption('draws', `expected at most the ${source.draws.length} draws the bootstrap holds`);
    if (n < 2) invalidOption('draws', 'expected at least 2 bootstrap draws');
    return source.draws.slice(0, n);
  }
  const fit = (isBootstrap(source) ? source.fit : source) as FitWithCovariance<object>;
  return sampleParameters(fit, { draws: count ?? 200, seed });
}

/** The fit behind a fit or a bootstrap (its parameters give the point estimates). @internal */
export function fitOf<F>(source: FitOrBootstrap<F>): F {
  return (isBootstrap(source) ? source.fit : source) as F;
}
