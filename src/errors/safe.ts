import { InvalidInputError } from './InvalidInputError.js';

/** The outcome of a call made through {@link safe}: its result, or the invalid-input error. */
export type SafeResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: InvalidInputError };

/**
 * Makes the non-throwing form of any validating function: the returned function takes the same
 * arguments and returns `{ success: true, data }` with the result, or
 * `{ success: false, error }` with the {@link InvalidInputError} (its `issues` list every
 * problem) instead of throwing it. Any other error (a bug, out of memory) is rethrown: only
 * invalid input becomes a value.
 *
 * Works with every entry point of the library (`parseTransactions`, `summarizeCustomers`,
 * `scoreRfm`, `fitBgNbd`, `scoreCustomers`, …), and with async ones when the promise is awaited
 * by the caller (`safe` sees only the synchronous throw; use `try`/`await` for those).
 *
 * @param fn - The function to wrap.
 * @returns The same function, returning a {@link SafeResult}.
 * @example
 * ```ts
 * import { parseTransactions, safe } from 'loyalty-score';
 * const safeParse = safe(parseTransactions);
 * const ok = safeParse([{ customerId: 'ann', date: '2024-01-05', amount: 20 }]);
 * ok.success; // => true
 * ok.success ? ok.data.table.length : 0; // => 1
 * const bad = safeParse([{ customerId: 'ann', date: '2024-02-30', amount: 20 }]);
 * bad.success; // => false
 * bad.success ? [] : bad.error.issues.map((i) => [i.code, i.path]); // => [['invalid_date', [0, 'date']]]
 * ```
 */
export function safe<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => SafeResult<R> {
  return (...args: A): SafeResult<R> => {
    try {
      return { success: true, data: fn(...args) };
    } catch (e) {
      if (e instanceof InvalidInputError) return { success: false, error: e };
      throw e;
    }
  };
}
