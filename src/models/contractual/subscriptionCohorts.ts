import { InvalidInputError, invalidOption } from '../../errors/InvalidInputError.js';
import { customerOf, type InputIssue, type NonEmptyArray } from '../../errors/issues.js';
import { parseIsoDay } from '../../time/compileDateFormat.js';
import { addMonthsToDay, civilFromDay, dayFromCivil, isoFromDay, MS_PER_DAY } from '../../time/days.js';
import { toEpochDay, type DateLike } from '../../time/toEpochDay.js';
import type { SubscriptionCohortsResult, SurvivorCohort } from './types.js';

/** One subscription: who, from when, and until when (absent: still running). */
export interface SubscriptionRecord {
  /** The customer: a non-empty string or a finite number. */
  readonly customerId: string | number;
  /** First day covered, `yyyy-MM-dd` or a `Date` (its UTC date). */
  readonly start: string | Date;
  /**
   * First day no longer covered (the cancellation took effect), `yyyy-MM-dd` or a `Date`; after
   * `start`. `undefined`, `null` or `''`: still subscribed.
   * @defaultValue still subscribed
   */
  readonly end?: string | Date | null;
}

/** Options of {@link subscriptionCohorts}. */
export interface SubscriptionCohortsOptions {
  /** Length of one contract period: subscriptions renew every month or every year from their start day. */
  readonly period: 'month' | 'year';
  /** The date the data describe: later ends are in the future (still subscribed), later starts are errors. */
  readonly asOf: DateLike;
  /**
   * Whether issues carry the customer id (it is personal data).
   * @defaultValue false
   */
  readonly revealValues?: boolean;
}

/**
 * Turns individual subscriptions into cohorts of survivor counts for
 * {@link fitShiftedBetaGeometric} and {@link fitBetaDiscreteWeibull}.
 *
 * A subscription renews every `period` from its start day (a start on the 31st renews on the
 * last day of shorter months). It has survived t periods when it has not ended by its t-th
 * renewal day (`end` after that day). Records of one customer must not overlap; one that starts
 * on the day the previous one ended continues it (one subscription); one after a gap is a new
 * subscription. The cohort of a subscription is the calendar month (or year) of its start. A
 * cohort's age is the number of renewal days that every one of its subscriptions has reached by
 * `asOf`, and `survivors[t]` counts those that survived t periods, t = 0..age. Cost
 * O(n log n) for n records.
 *
 * @param rows - The subscriptions, in any order.
 * @param options - `period`, `asOf`, `revealValues`.
 * @returns Cohorts oldest first, each named by the first day of its period.
 * @throws InvalidInputError naming the row and field: an invalid customer id or date, an end on
 *   or before its start, a start after `asOf`, a record overlapping another of the same customer
 *   (the message names the other row); also an invalid `period` or `asOf`, or no rows.
 * @example
 * ```ts
 * import { subscriptionCohorts } from 'loyalty-score';
 * const { cohorts } = subscriptionCohorts(
 *   [
 *     { customerId: 'a', start: '2024-01-05', end: '2024-03-05' },
 *     { customerId: 'b', start: '2024-01-20' },
 *     { customerId: 'c', start: '2024-01-31', end: '2024-02-15' },
 *     { customerId: 'd', start: '2024-02-10' },
 *   ],
 *   { period: 'month', asOf: '2024-04-30' },
 * );
 * cohorts[0]; // => { name: '2024-01-01', survivors: [3, 2, 1, 1] }
 * cohorts[1]; // => { name: '2024-02-01', survivors: [1, 1, 1] }
 * ```
 */
export function subscriptionCohorts(rows: readonly SubscriptionRecord[], options: SubscriptionCohortsOptions): SubscriptionCohortsResult {
  const fn = 'subscriptionCohorts';
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected { period, asOf }', 'invalid_type');
  const { period } = options;
  if (period !== 'month' && period !== 'year') invalidOption('period', "expected 'month' or 'year'");
  if (options.asOf === undefined) invalidOption('asOf', 'expected the date the data describe (yyyy-MM-dd)', 'missing_option');
  const asOf = toEpochDay(options.asOf, 'asOf');
  const reveal = options.revealValues === true;
  if (!Array.isArray(rows)) throw new InvalidInputError([{ code: 'invalid_type', path: ['rows'], message: 'expected an array of { customerId, start, end? }' }], fn);
  if (rows.length === 0) throw new InvalidInputError([{ code: 'no_customers', path: ['rows'], message: 'expected at least one subscription' }], fn);
  const months = period === 'month' ? 1 : 12;
  const issues: InputIssue[] = [];
  const who = (id: unknown): { customerId?: string | number } => (reveal ? customerOf(id) : {});
  const starts = new Float64Array(rows.length);
  const ends = new Float64Array(rows.length);
  const byCustomer = new Map<string | number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SubscriptionRecord | null;
    if (row === null || typeof row !== 'object') {
      issues.push({ code: 'not_an_object', path: [i], message: 'expected an object { customerId, start, end? }' });
      continue;
    }
    const id = row.customerId;
    if (!((typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id)))) {
      issues.push({ code: 'invalid_customer_id', path: [i, 'customerId'], message: 'expected a non-empty string or a finite number' });
      continue;
    }
    const start = dayOf(row.start);
    if (start !== start) {
      issues.push({ code: 'invalid_date', path: [i, 'start'], ...who(id), message: 'not a valid date (expected yyyy-MM-dd or a Date)' });
      continue;
    }
    const open = row.end === undefined || row.end === null || row.end === '';
    const end = open ? Infinity : dayOf(row.end);
    if (end !== end) {
      issues.push({ code: 'invalid_date', path: [i, 'end'], ...who(id), message: 'not a valid date (expected yyyy-MM-dd, a Date, or empty while subscribed)' });
      continue;
    }
    if (end <= start) {
      issues.push({ code: 'invalid_value', path: [i, 'end'], ...who(id), message: end < start ? 'the subscription ends before it starts (expected an end after the start)' : 'the subscription ends on the day it starts (expected an end after the start)' });
      continue;
    }
    if (start > asOf) {
      issues.push({ code: 'after_as_of', path: [i, 'start'], ...who(id), message: `the subscription starts after the as-of date ${isoFromDay(asOf)}` });
      continue;
    }
    starts[i] = start;
    ends[i] = end;
    const list = byCustomer.get(id);
    if (list) list.push(i);
    else byCustomer.set(id, [i]);
  }
  // One customer's records in start order: overlaps are errors, back-to-back records one spell.
  const spells: { start: number; end: number }[] = [];
  for (const [id, list] of byCustomer) {
    list.sort((a, b) => starts[a]! - starts[b]! || a - b);
    let current = { start: starts[list[0]!]!, end: ends[list[0]!]! };
    let last = list[0]!;
    for (let k = 1; k < list.length; k++) {
      const i = list[k]!;
      if (starts[i]! < current.end) {
        issues.push({ code: 'invalid_value', path: [i, 'start'], ...who(id), message: `overlaps the subscription of the same customer in row ${last} (expected one customer's records not to overlap)` });
        continue;
      }
      if (starts[i]! === current.end) current.end = ends[i]!;
      else {
        spells.push(current);
        current = { start: starts[i]!, end: ends[i]! };
      }
      last = i;
    }
    spells.push(current);
  }
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);

  // Group spells by the calendar period of their start; survived periods and age per spell.
  const groups = new Map<number, { survived: number[]; age: number }>();
  for (const s of spells) {
    const { year, month } = civilFromDay(s.start);
    const key = period === 'month' ? year * 12 + (month - 1) : year;
    const reached = renewalsReached(s.start, asOf, months);
    const survived = Number.isFinite(s.end) ? Math.min(reached, renewalsReached(s.start, s.end - 1, months)) : reached;
    const g = groups.get(key);
    if (g) {
      g.survived.push(survived);
      g.age = Math.min(g.age, reached);
    } else groups.set(key, { survived: [survived], age: reached });
  }
  const cohorts: SurvivorCohort[] = [...groups.keys()]
    .sort((a, b) => a - b)
    .map((key) => {
      const g = groups.get(key)!;
      // survivors[t] = #{subscriptions that survived >= t periods}: a histogram, summed from the top.
      const survivors = new Array<number>(g.age + 1).fill(0);
      for (const l of g.survived) survivors[Math.min(l, g.age)]!++;
      for (let t = g.age - 1; t >= 0; t--) survivors[t]! += survivors[t + 1]!;
      const first = period === 'month' ? dayFromCivil(Math.floor(key / 12), (key % 12) + 1, 1) : dayFromCivil(key, 1, 1);
      return { name: isoFromDay(first), survivors };
    });
  return { cohorts, period, asOf: isoFromDay(asOf), subscriptions: spells.length };
}

/** The number of renewal days (start + k periods, k >= 1) on or before `day`. */
function renewalsReached(start: number, day: number, months: number): number {
  const a = civilFromDay(start);
  const b = civilFromDay(day);
  let k = Math.floor((b.year * 12 + b.month - (a.year * 12 + a.month)) / months);
  while (k > 0 && addMonthsToDay(start, k * months) > day) k--;
  while (addMonthsToDay(start, (k + 1) * months) <= day) k++;
  return Math.max(k, 0);
}

/** Epoch day of a record's date: `yyyy-MM-dd` text or a `Date`; NaN otherwise. */
function dayOf(value: unknown): number {
  if (typeof value === 'string') return parseIsoDay(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : Number.NaN;
  }
  return Number.NaN;
}
