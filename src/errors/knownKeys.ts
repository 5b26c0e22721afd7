import { InvalidInputError } from './InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from './issues.js';

/**
 * Every key of `T`, each mapped to `true`: the list of valid names of an options or parameter
 * object, written as an object literal so that the compiler refuses one that misses a key of `T`
 * or names one `T` does not have.
 * @internal
 */
export type KeyList<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Throws an {@link InvalidInputError} with one `unknown_option` issue per key of `value` that is
 * not in `known`, at path `[where, key]`, each suggesting the nearest valid name (`discountrate`
 * gives "unknown option discountrate: did you mean discountRate?"). Keys are the caller's code,
 * not customer data, so they are named in full. `undefined` or `null` values pass (an absent
 * options object); only own enumerable keys are looked at. `where` may be a path
 * (`['options', 'covariates']`) for a nested object; the issue's path then continues it.
 * @internal
 */
export function rejectUnknownKeys(value: unknown, known: KeyList<object> | readonly string[], where: string | readonly (string | number)[], fn?: string): void {
  if (value === null || typeof value !== 'object') return;
  const names = Array.isArray(known) ? (known as readonly string[]) : Object.keys(known);
  let issues: InputIssue[] | null = null;
  for (const key of Object.keys(value)) {
    if (names.includes(key)) continue;
    const near = nearestName(key, names);
    const at = typeof where === 'string' ? [where] : where;
    const what = at[0] === 'options' ? 'option' : 'field';
    const hint = near === null ? `expected one of ${names.join(', ')}` : `did you mean ${near}?`;
    (issues ??= []).push({ code: 'unknown_option', path: [...at, key], message: `unknown ${what} ${at.length > 1 ? `${at.slice(1).join('.')}.` : ''}${key}: ${hint}` });
  }
  if (issues !== null) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);
}

/**
 * The valid name closest to `key`: equal ignoring case, else the smallest edit distance (with
 * transpositions) ignoring case, if at most a third of the name's length (at least 2); `null`
 * when none is that close.
 * @internal
 */
export function nearestName(key: string, names: readonly string[]): string | null {
  const lower = key.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(lower, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best === null) return null;
  return bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/**
 * {@link rejectUnknownKeys} for each element of an array of objects at `where` (path
 * `[...where, index, key]`); anything but an array passes (its own check reports it).
 * @internal
 */
export function rejectUnknownKeysEach(items: unknown, known: KeyList<object> | readonly string[], where: readonly (string | number)[], fn?: string): void {
  if (!Array.isArray(items)) return;
  for (let i = 0; i < items.length; i++) rejectUnknownKeys(items[i], known, [...where, i], fn);
}
