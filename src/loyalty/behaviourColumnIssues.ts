import type { InputIssue, IssueCode, NonEmptyArray } from '../errors/issues.js';
import type { CustomerId } from '../transactions/types.js';
import {
  ABSENT_GAP_CV,
  ABSENT_MEAN_GAP,
  ABSENT_RECENCY_RATIO,
  ABSENT_SINCE,
  ABSENT_SPEND_TREND,
  ABSENT_TENURE,
  ABSENT_TOTAL_SPEND,
  type BehaviourColumns,
} from './behaviourColumns.js';

type ColumnName = 'purchases' | 'tenureDays' | 'daysSinceLastPurchase' | 'meanGapDays' | 'recencyRatio' | 'gapCv' | 'spendTrend' | 'totalSpend' | 'promoShare' | 'discountDepth';

/** Each column's rule: range, whether NaN (null or absent) is allowed, the absent bit, the expectation as said in messages. */
const RULES: readonly (readonly [ColumnName, number, number, boolean, number, string])[] = [
  ['tenureDays', 0, Infinity, false, ABSENT_TENURE, 'a finite number >= 0'],
  ['daysSinceLastPurchase', 0, Infinity, false, ABSENT_SINCE, 'a finite number >= 0'],
  ['meanGapDays', Number.MIN_VALUE, Infinity, true, ABSENT_MEAN_GAP, 'a finite number > 0, or NaN for null'],
  ['recencyRatio', 0, Infinity, true, ABSENT_RECENCY_RATIO, 'a finite number >= 0, or NaN for null'],
  ['gapCv', 0, Infinity, true, ABSENT_GAP_CV, 'a finite number >= 0, or NaN for null'],
  ['spendTrend', -1, 1, true, ABSENT_SPEND_TREND, 'a number in [-1, 1], or NaN for null'],
  ['totalSpend', -Infinity, Infinity, false, ABSENT_TOTAL_SPEND, 'a finite number'],
  ['promoShare', 0, 1, true, 0, 'a number in [0, 1], or NaN for absent'],
  ['discountDepth', 0, 1, true, 0, 'a number in [0, 1], or NaN for absent'],
];

/**
 * Checks a {@link BehaviourColumns} as the object classifiers check {@link BehaviourSignals}:
 * every column present with the declared length, `purchases` whole numbers `>= 0`, every other
 * value finite and in its range or `NaN` where the column allows it (null, or absent). Issues
 * have path `[index, 'behaviour.field']` (with the customer id when `customerIds` is given), or
 * `['behaviour', field]` for a whole column; `null` when the columns are valid.
 * Cost: O(n) per column, no allocation for valid columns.
 * @internal
 */
export function behaviourColumnIssues(b: BehaviourColumns, customerIds: readonly CustomerId[] | undefined): NonEmptyArray<InputIssue> | null {
  if (b === null || typeof b !== 'object') return [{ code: 'invalid_type', path: ['behaviour'], message: 'expected BehaviourColumns (an object of Float64Array columns)' }];
  const n = b.length;
  if (!Number.isSafeInteger(n) || n < 0) return [{ code: 'invalid_value', path: ['behaviour', 'length'], message: 'expected a whole number >= 0' }];
  const issues: InputIssue[] = [];
  const shape = (name: string, col: unknown, nullable: boolean, type: string): boolean => {
    if (col === null && nullable) return false;
    if (!(col instanceof (type === 'Uint8Array' ? Uint8Array : Float64Array))) {
      issues.push({ code: 'invalid_type', path: ['behaviour', name], message: `expected a ${type}${nullable ? ' or null' : ''}` });
      return false;
    }
    if (col.length !== n) {
      issues.push({ code: 'length_mismatch', path: ['behaviour', name], message: `has ${col.length} entries (expected length ${n})` });
      return false;
    }
    return true;
  };
  const absent = b.absent === undefined || b.absent === null ? null : shape('absent', b.absent, true, 'Uint8Array') ? b.absent : undefined;
  if (shape('purchases', b.purchases, false, 'Float64Array')) {
    const p = b.purchases;
    for (let i = 0; i < n; i++) {
      const v = p[i]!;
      if (!(v >= 0 && Number.isSafeInteger(v))) {
        const code: IssueCode = v - v !== 0 ? 'not_finite' : v < 0 ? 'out_of_range' : 'not_integer';
        issues.push(at(i, 'purchases', code, 'an integer >= 0', customerIds));
      }
    }
  }
  for (const [name, lo, hi, nanOk, bit, expected] of RULES) {
    const nullable = name === 'promoShare' || name === 'discountDepth';
    const col = b[name];
    if (!shape(name, col, nullable, 'Float64Array')) continue;
    const c = col as Float64Array;
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      if (v >= lo && v <= hi && v - v === 0) continue;
      if (v !== v && (nanOk || (absent && (absent[i]! & bit) !== 0))) continue;
      issues.push(at(i, name, v - v !== 0 ? 'not_finite' : 'out_of_range', expected, customerIds));
    }
  }
  return issues.length === 0 ? null : (issues as unknown as NonEmptyArray<InputIssue>);
}

function at(i: number, field: string, code: IssueCode, expected: string, ids: readonly CustomerId[] | undefined): InputIssue {
  const message = code === 'not_finite' ? `not a finite number (expected ${expected})` : code === 'not_integer' ? `not a whole number (expected ${expected})` : `out of range (expected ${expected})`;
  const id = ids?.[i];
  return id === undefined ? { code, path: [i, `behaviour.${field}`], message } : { code, path: [i, `behaviour.${field}`], message, customerId: id };
}
