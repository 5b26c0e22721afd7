import { InvalidInputError } from '../../errors/InvalidInputError.js';

/**
 * The identification rule of every maximum-likelihood fit: the customers in the likelihood must
 * show at least two distinct histories. With one (a single customer, or every customer alike),
 * the data say nothing about how customers differ, so the heterogeneity parameters are not
 * identified and the estimates run off to a limit of the model (r = 2.2e9 for 100 identical BG/NBD
 * customers): that is an `InvalidInputError` with code `not_identified` at path `['customers']`.
 * With two or more distinct histories the fit runs; estimates that end at a limit are reported
 * with `parameter_at_boundary` warnings.
 * @throws {InvalidInputError} `not_identified` when `distinct < 2`.
 * @internal
 */
export function assertIdentified(distinct: number, fn: string, what: string): void {
  if (distinct >= 2) return;
  throw new InvalidInputError(
    [
      {
        code: 'not_identified',
        path: ['customers'],
        message: `every customer in the fit has the same ${what}: one history cannot tell customers apart, so the model's parameters are not identified (at least two distinct histories are needed)`,
      },
    ],
    fn,
  );
}
