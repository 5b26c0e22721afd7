import { parseArgs } from 'node:util';
import { DEFAULT_DAY_RANGE, describeDayRange, type DayRange } from '../time/dateRange.js';
import { dayFromIso } from '../time/days.js';

/** A usage error: bad flags or arguments (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Flags = Record<string, string | boolean | undefined>;

/** Parses `argv` against the flag names, all taking a string value except `booleans`. */
export function parseFlags(argv: string[], strings: readonly string[], booleans: readonly string[]): { flags: Flags; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const s of strings) options[s] = { type: 'string' };
  for (const b of booleans) options[b] = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { flags: values as Flags, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function oneOf<T extends string>(flags: Flags, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${v})`);
  return v as T;
}

export function positiveInt(flags: Flags, name: string): number | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number >= 0 (got ${v})`);
  return n;
}

/** A finite number flag, optionally bounded; `undefined` when absent. */
export function numberFlag(flags: Flags, name: string, check: (n: number) => boolean, expected: string): number | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${expected} (got ${v})`);
  return n;
}

/**
 * A `yyyy-MM-dd` flag checked for a real calendar date inside the accepted range of date
 * options (1900-01-01..2199-12-31, as the library's `asOf`); `undefined` when absent.
 */
export function isoDateFlag(flags: Flags, name: string, range: DayRange = DEFAULT_DAY_RANGE): string | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const ok = m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!ok) throw new UsageError(`--${name} must be a calendar date yyyy-MM-dd (got ${v})`);
  const day = dayFromIso(v);
  if (day < range.minDay || day > range.maxDay) throw new UsageError(`--${name} must be a date in ${describeDayRange(range)}, the accepted range of dates (got ${v})`);
  return v;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

const SPAN_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  d: 'day', day: 'day', days: 'day',
  w: 'week', week: 'week', weeks: 'week',
  m: 'month', month: 'month', months: 'month',
  y: 'year', year: 'year', years: 'year',
};

/** A calendar span flag such as `1y`, `18m`, `26w`, `90d` (or `12 months`). */
export function spanFlag(flags: Flags, name: string, fallback: string): { amount: number; unit: 'day' | 'week' | 'month' | 'year' } {
  const v = str(flags, name) ?? fallback;
  const m = /^\s*(\d{1,6})\s*([a-z]+)\s*$/i.exec(v);
  const unit = m ? SPAN_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`--${name} must be a whole number of d, w, m or y, e.g. 1y, 18m, 26w, 90d (got ${v})`);
  return { amount: Number(m[1]), unit };
}
