import { InvalidInputError, invalidOption } from '../../errors/InvalidInputError.js';
import { customerOf, type InputIssue, type NonEmptyArray } from '../../errors/issues.js';
import { parseIsoDay } from '../../time/compileDateFormat.js';
import { addMonthsToDay, civilFromDay, dayFromCivil, isoFromDay, MS_PER_DAY } from '../../time/days.js';
import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';
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
  rejectUnknownKeys(options, SUBSCRIPTION_COHORTS_OPTION_KEYS, 'options', fn);
  const { period } = options;
  if (period !== 'month' && period !== 'year') invalidOption('period', "expected 'month' or 'year'");
  if (options.asOf === undefined) invalidOption('asOf', 'expected the date the data describe (yyyy-MM-dd)', 'missing_option');
  const asOf = toEpochDay(options.asOf, 'asOf');
  const reveal = options.revealValues === true;
  if (!Array.isArray(rows)) throw new InvalidInputError([{ code: 'invalid_type', path: ['rows'], message: 'expected an array of { customerId, start, end? }' }], fn);
  if (rows.length === 0) throw new InvalidInputError([{ code: 'no_customers', path: ['rows'], message: 'expected at least one subscription' }], fn);
  const months = period === 'month' ? 1 : 12;
  const issues: InputIssue[] = [];
  const who = (id: unknown): { customerId?: string | number } => customerOf(id, reveal);
  const starts = new Float64Array(rows.length);
  const ends = new Float64Array(rows.length);
  const firstOf = new Map<string | number, number>();
  const next = new Int32Array(rows.length).fill(-1);
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
    // Records chained per customer (first index in the map, the rest through `next`): no array
    // per customer, most of whom have one record.
    const first = firstOf.get(id);
    if (first === undefined) firstOf.set(id, i);
    else {
      next[i] = next[first]!;
      next[first] = i;
    }
  }
  // One customer's records in start order: overlaps are errors, back-to-back records one spell.
  const spellStart = new Float64Array(rows.length);
  const spellEnd = new Float64Array(rows.length);
  let spells = 0;
  const list: number[] = [];
  for (const [id, head] of firstOf) {
    if (next[head] === -1) {
      spellStart[spells] = starts[head]!;
      spellEnd[spells++] = ends[head]!;
      continue;
    }
    list.length = 0;
    for (let i = head; i !== -1; i = next[i]!) list.push(i);
    list.sort((a, b) => starts[a]! - starts[b]! || a - b);
    let curStart = starts[list[0]!]!;
    let curEnd = ends[list[0]!]!;
    let last = list[0]!;
    for (let k = 1; k < list.length; k++) {
      const i = list[k]!;
      if (starts[i]! < curEnd) {
        issues.push({ code: 'invalid_value', path: [i, 'start'], ...who(id), message: `overlaps the subscription of the same customer in row ${last} (expected one customer's records not to overlap)` });
        continue;
      }
      if (starts[i]! === curEnd) curEnd = ends[i]!;
      else {
        spellStart[spells] = curStart;
        spellEnd[spells++] = curEnd;
        curStart = starts[i]!;
        curEnd = ends[i]!;
      }
      last = i;
    }
    spellStart[spells] = curStart;
    spellEnd[spells++] = curEnd;
  }
  if (issues.length > 0) {
    issues.sort((a, b) => (a.path[0] as number) - (b.path[0] as number));
    throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);
  }

  // Per spell: its cohort (calendar period of the start), renewal days reached by asOf, periods survived.
  const cohortOf = new Int32Array(spells);
  const survivedOf = new Int32Array(spells);
  const cohortIndex = new Map<number, number>();
  const keys: number[] = [];
  const ages: number[] = [];
  for (let j = 0; j < spells; j++) {
    const startDay = spellStart[j]!;
    const { year, month } = civilFromDay(startDay);
    const key = period === 'month' ? year * 12 + (month - 1) : year;
    const reached = renewalsReached(startDay, asOf, months);
    const endDay = spellEnd[j]!;
    survivedOf[j] = endDay <= asOf ? Math.min(reached, renewalsReached(startDay, endDay - 1, months)) : reached;
    let k = cohortIndex.get(key);
    if (k === undefined) {
      k = keys.length;
      cohortIndex.set(key, k);
      keys.push(key);
      ages.push(reached);
    } else if (reached < ages[k]!) ages[k] = reached;
    cohortOf[j] = k;
  }
  // survivors[t] = #{subscriptions that survived >= t periods}: a histogram, summed from the top.
  const counts = keys.map((_, k) => new Array<number>(ages[k]! + 1).fill(0));
  for (let j = 0; j < spells; j++) {
    const k = cohortOf[j]!;
    counts[k]![Math.min(survivedOf[j]!, ages[k]!)]!++;
  }
  const cohorts: SurvivorCohort[] = keys
    .map((key, k) => ({ key, k }))
    .sort((a, b) => a.key - b.key)
    .map(({ key, k }) => {
      const survivors = counts[k]!;
      for (let t = survivors.length - 2; t >= 0; t--) survivors[t]! += survivors[t + 1]!;
      const firstDay = period === 'month' ? dayFromCivil(Math.floor(key / 12), (key % 12) + 1, 1) : dayFromCivil(key, 1, 1);
      return { name: isoFromDay(firstDay), survivors };
    });
  return { cohorts, period, asOf: isoFromDay(asOf), subscriptions: spells };
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

const SUBSCRIPTION_COHORTS_OPTION_KEYS: KeyList<SubscriptionCohortsOptions> = { period: true, asOf: true, revealValues: true };
