import { InvalidInputError } from '../errors/InvalidInputError.js';
import { signalIssues } from './signalIssues.js';
import type { LoyaltySignals } from './types.js';

/** Result of {@link safeValidateLoyaltySignals}. */
export type SafeValidateLoyaltySignalsResult =
  | { readonly success: true; readonly data: LoyaltySignals }
  | { readonly success: false; readonly error: InvalidInputError };

/**
 * Checks one customer's loyalty signals without throwing: the non-throwing form of
 * {@link validateLoyaltySignals}, with the same checks.
 *
 * Cost: O(1) per customer.
 *
 * @param input - A value that should be {@link LoyaltySignals}.
 * @returns `{ success: true, data }`, or `{ success: false, error }` with an
 *   {@link InvalidInputError} listing every problem.
 * @example
 * ```ts
 * import { safeValidateLoyaltySignals } from 'loyalty-score';
 * const r = safeValidateLoyaltySignals({ behaviour: { purchases: -1, promoShare: 2 } });
 * r.success; // => false
 * r.success ? [] : r.error.issues.map((i) => i.path); // => [['signals', 'behaviour.purchases'], ['signals', 'behaviour.promoShare']]
 * ```
 */
export function safeValidateLoyaltySignals(input: unknown): SafeValidateLoyaltySignalsResult {
  const r = signalIssues(input);
  return r.issues ? { success: false, error: new InvalidInputError(r.issues) } : { success: true, data: r.data };
}
