import { InvalidInputError } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys } from '../errors/knownKeys.js';
import { safe } from '../errors/safe.js';
import { signalIssues } from './signalIssues.js';
import type { LoyaltySignals } from './types.js';
import { VALIDATE_LOYALTY_SIGNALS_OPTION_KEYS, type ValidateLoyaltySignalsOptions } from './validateLoyaltySignals.js';

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
 * @param options - As {@link validateLoyaltySignals}: `revealValues`.
 * @returns `{ success: true, data }`, or `{ success: false, error }` with an
 *   {@link InvalidInputError} listing every problem (an unknown option key too).
 * @example
 * ```ts
 * import { safeValidateLoyaltySignals } from 'loyalty-score';
 * const r = safeValidateLoyaltySignals({ behaviour: { purchases: -1, promoShare: 2 } });
 * r.success; // => false
 * r.success ? [] : r.error.issues.map((i) => i.path); // => [['signals', 'behaviour.purchases'], ['signals', 'behaviour.promoShare']]
 * ```
 */
export function safeValidateLoyaltySignals(input: unknown, options: ValidateLoyaltySignalsOptions = {}): SafeValidateLoyaltySignalsResult {
  const typo = safe(rejectUnknownKeys)(options, VALIDATE_LOYALTY_SIGNALS_OPTION_KEYS, 'options', 'safeValidateLoyaltySignals');
  if (!typo.success) return typo;
  const r = signalIssues(input, options.revealValues === true);
  return r.issues ? { success: false, error: new InvalidInputError(r.issues) } : { success: true, data: r.data };
}
