import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import type { ContractualData } from './types.js';

/** A validated cohort: its name and survivor counts. @internal */
export interface CheckedCohort {
  readonly name: string;
  readonly survivors: readonly number[];
}

/**
 * Validates the input of a contractual fit: one survivor curve or `{ cohorts }`. Paths name the
 * cohort and the period: `[t]` for a single curve, `['cohorts', i, 'survivors', t]` otherwise.
 * @throws {InvalidInputError} listing every bad count (not a finite number >= 0, a first count of
 *   0, a count above the one before it: a cohort that grows), or `not_identified` when no cohort
 *   is older than period 0.
 * @internal
 */
export function checkSurvivorData(data: ContractualData, fn: string): CheckedCohort[] {
  let raw: readonly unknown[];
  let single = false;
  if (Array.isArray(data) && (data.length === 0 || typeof data[0] === 'number' || !Array.isArray(data[0]))) {
    raw = [data];
    single = true;
  } else if (data !== null && typeof data === 'object' && Array.isArray((data as { cohorts?: unknown }).cohorts)) {
    raw = (data as { cohorts: readonly unknown[] }).cohorts;
  } else {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['data'], message: 'expected survivor counts from period 0 (an array of numbers) or { cohorts: [{ survivors }] }' }], fn);
  }
  if (raw.length === 0) throw new InvalidInputError([{ code: 'no_customers', path: ['cohorts'], message: 'expected at least one cohort' }], fn);
  const issues: InputIssue[] = [];
  const out: CheckedCohort[] = [];
  raw.forEach((item, i) => {
    const where = (t?: number): (string | number)[] => (single ? (t === undefined ? ['survivors'] : [t]) : t === undefined ? ['cohorts', i, 'survivors'] : ['cohorts', i, 'survivors', t]);
    const survivors = Array.isArray(item) ? item : item !== null && typeof item === 'object' ? (item as { survivors?: unknown }).survivors : undefined;
    const nameField = !Array.isArray(item) && item !== null && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
    if (!Array.isArray(survivors) || survivors.length === 0) {
      issues.push({ code: 'missing_field', path: where(), message: 'expected a non-empty array of survivor counts from period 0' });
      return;
    }
    let ok = true;
    for (let t = 0; t < survivors.length; t++) {
      const v: unknown = survivors[t];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.push({ code: 'not_finite', path: where(t), message: 'expected a finite count of customers >= 0' });
        ok = false;
      } else if (v < 0) {
        issues.push({ code: 'out_of_range', path: where(t), message: 'expected a finite count of customers >= 0' });
        ok = false;
      } else if (t === 0 && v === 0) {
        issues.push({ code: 'out_of_range', path: where(0), message: 'expected a cohort of more than 0 customers at period 0' });
        ok = false;
      } else if (t > 0 && typeof survivors[t - 1] === 'number' && v > (survivors[t - 1] as number)) {
        issues.push({ code: 'invalid_value', path: where(t), message: `the cohort grows: more survivors at period ${t} than at period ${t - 1} (survivor counts never increase)` });
        ok = false;
      }
    }
    if (ok) out.push({ name: typeof nameField === 'string' && nameField !== '' ? nameField : single ? 'cohort' : `cohort ${i}`, survivors: [...(survivors as number[])] });
  });
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);
  if (!out.some((c) => c.survivors.length > 1)) {
    throw new InvalidInputError([{ code: 'not_identified', path: single ? ['survivors'] : ['cohorts'], message: 'every cohort is observed at period 0 only: nobody has faced a renewal yet, so nothing can be estimated' }], fn);
  }
  return out;
}
