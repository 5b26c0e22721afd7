/**
 * Thrown when valid data cannot support a model the caller asked for: nobody repeats, the
 * likelihood has no finite maximum, the Gamma-Gamma mean spend does not exist (q <= 1), or a
 * spend fit did not converge without `allowUnconverged`. The command line exits with code 4.
 *
 * @example
 * ```ts
 * import { ModelFitError, scoreCustomers } from 'loyalty-score';
 * let caught;
 * try {
 *   // Nobody ever buys twice: no purchase model can be fitted.
 *   scoreCustomers([
 *     { customerId: 'a', date: '2024-01-01', amount: 5 },
 *     { customerId: 'b', date: '2024-02-01', amount: 7 },
 *   ]);
 * } catch (e) {
 *   caught = e;
 * }
 * caught instanceof ModelFitError; // => true
 * caught.model; // => 'bgnbd'
 * ```
 */
export class ModelFitError extends Error {
  override readonly name = 'ModelFitError';
  /** The model that could not be fitted or used, or `null` when the data hold no customer to fit. */
  readonly model: string | null;

  constructor(model: string | null, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.model = model;
  }
}
