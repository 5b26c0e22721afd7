import type { core } from 'zod/mini';
import { customerOf, type InputIssue, type IssueCode, type NonEmptyArray } from '../errors/issues.js';
import { isWellFormedSignals } from './isWellFormedSignals.js';
import { bareAnswerIssues, loyaltySignalsSchema } from './signalsSchema.js';
import type { LoyaltySignals } from './types.js';

/** What each field must be, as said in error messages. */
const EXPECTATIONS: Readonly<Record<string, string>> = {
  customerId: 'a non-empty string or a finite number',
  behaviour: 'an object { purchases, ... }',
  'behaviour.purchases': 'an integer >= 0',
  'behaviour.tenureDays': 'a finite number >= 0',
  'behaviour.daysSinceLastPurchase': 'a finite number >= 0',
  'behaviour.meanGapDays': 'a finite number > 0, or null',
  'behaviour.recencyRatio': 'a finite number >= 0, or null',
  'behaviour.gapCv': 'a finite number >= 0, or null',
  'behaviour.spendTrend': 'a number in [-1, 1], or null',
  'behaviour.totalSpend': 'a finite number',
  'behaviour.promoShare': 'a number in [0, 1]',
  'behaviour.discountDepth': 'a number in [0, 1]',
  attitude: 'an object of survey answers',
  context: 'an object of context answers',
  'attitude.scale': 'an object { min, max } of finite numbers with min < max',
  'context.scale': 'an object { min, max } of finite numbers with min < max',
  'context.hasAlternatives': 'true or false',
};

const ANSWER = 'a finite number on the scale, or { value, min, max } with min <= value <= max';

/**
 * Checks signals against the schema (a fast conservative check first, the zod schema when it
 * declines); the input itself when valid, else the issues, path `['signals', 'group.field']`
 * with the signals' `customerId` when it is a valid id and `reveal` is true (the caller's
 * `revealValues`). Messages never contain the raw values.
 * @internal
 */
export function signalIssues(input: unknown, reveal: boolean): { data: LoyaltySignals; issues: null } | { data: null; issues: NonEmptyArray<InputIssue> } {
  if (isWellFormedSignals(input)) return { data: input as LoyaltySignals, issues: null };
  const parsed = loyaltySignalsSchema.safeParse(input);
  if (parsed.success) return { data: parsed.data as LoyaltySignals, issues: null };
  return { data: null, issues: issuesFromZod(input, parsed.error, reveal) };
}

function issuesFromZod(input: unknown, error: core.$ZodError, reveal: boolean): NonEmptyArray<InputIssue> {
  if (input === null || typeof input !== 'object') {
    return [{ code: 'not_an_object', path: ['signals'], message: 'not an object (expected { behaviour, attitude?, context? })' }];
  }
  const customer = customerOf((input as { customerId?: unknown }).customerId, reveal);
  const who = 'signals';
  const seen = new Set<string>();
  const out: InputIssue[] = [];
  for (const zi of error.issues) {
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        const field = [...zi.path, key].join('.');
        out.push({ code: 'unknown_field', path: [who, field], message: 'unknown field (check the spelling against LoyaltySignals)', ...customer });
      }
      continue;
    }
    const field = zi.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const value = readPath(input, zi.path);
    const expected = EXPECTATIONS[field] ?? (zi.path[0] === 'attitude' || zi.path[0] === 'context' ? ANSWER : 'a valid value');
    let code: IssueCode;
    let message: string;
    if (zi.code === 'custom') {
      code = 'invalid_value';
      message = zi.message;
    } else if (value === undefined) {
      code = 'missing_field';
      message = `missing (expected ${expected})`;
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      code = 'not_finite';
      message = `not a finite number (expected ${expected})`;
    } else if (typeof value === 'number' && zi.code === 'invalid_type') {
      code = 'not_integer';
      message = `not a whole number (expected ${expected})`;
    } else if (value === '') {
      code = 'missing_field';
      message = `an empty string (expected ${expected})`;
    } else if (zi.code === 'too_small' || zi.code === 'too_big') {
      code = 'out_of_range';
      message = `out of range (expected ${expected})`;
    } else {
      code = 'invalid_type';
      message = `a ${value === null ? 'null' : typeof value} (expected ${expected})`;
    }
    out.push({ code, path: [who, field], message, ...customer });
  }
  // zod skips the scale refinement when the shape is wrong elsewhere: list those problems too
  for (const issue of bareAnswerIssues(input)) {
    const field = issue.path.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ code: 'invalid_value', path: [who, field], message: issue.message, ...customer });
  }
  if (out.length === 0) out.push({ code: 'invalid_value', path: [who], message: 'invalid signals (expected LoyaltySignals)', ...customer });
  return out as unknown as NonEmptyArray<InputIssue>;
}

function readPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
