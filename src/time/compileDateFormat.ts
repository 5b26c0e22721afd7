import { parse as parseWithDateFns, isValid } from 'date-fns';
import { dayFromCivil, isValidCivil } from './days.js';
import { compileDateParts, dayOfParts, type ZoneDays } from './readDateText.js';

/**
 * A function turning a date string into an epoch day, or `NaN` when the string does not match.
 */
export type DayParser = (text: string) => number;

/** The default date format: ISO 8601 calendar dates, with an optional time part that is ignored. */
export const ISO_DATE_FORMAT = 'iso';

/**
 * A parser reading the date written in `text[start, end)` (already trimmed) as an epoch day, or
 * `NaN`. The offset form lets file readers parse dates without cutting a string per row.
 */
export type DayParserAt = (text: string, start: number, end: number) => number;

/**
 * Compiles a date format into a fast parser returning epoch days (whole days since 1970-01-01).
 *
 * - `'iso'` (default elsewhere): `yyyy-MM-dd`, optionally followed by `T` or a space and a time
 *   with an optional offset. The calendar date is taken as written; the time and offset are
 *   ignored, so `2024-03-01T23:30:00-05:00` is 1 March. An impossible time (`25:61:99`, an
 *   offset of `+24:00`) makes the date invalid.
 * - Formats made only of `yyyy`, `MM`, `dd` and separators (`yyyyMMdd`, `dd/MM/yyyy`, …) use a
 *   fixed-width parser with no allocation.
 * - Other formats made of the common date-fns tokens (`y`, `M`, `MMM`, `d`, `H`, `h`, `m`, `s`,
 *   `S`, `a`, `E`, offsets `x`/`X`, epoch `t` seconds and `T` milliseconds, quoted literals) are
 *   read token by token: the calendar date as written, whatever the process time zone, with an
 *   offset in the text ignored (`2024-03-01 23:30:00 -0500` is 1 March everywhere). Epoch values
 *   give their UTC date.
 * - Any other date-fns format string is parsed by date-fns `parse`, reading the local calendar
 *   date of the result.
 *
 * Impossible dates (`2023-02-29`) and impossible times of day (hour 24 or more, minute or
 * second 60 or more, but a leap second `:60`) give `NaN`.
 *
 * @param format - `'iso'` or a date-fns format string (Unicode tokens: `yyyy`, `MM`, `dd`, …).
 * @returns The parser.
 * @example
 * ```ts
 * import { isoFromDay } from 'loyalty-score';
 * import { compileDateFormat } from 'loyalty-score/math';
 * const parse = compileDateFormat('yyyyMMdd');
 * isoFromDay(parse('19970101')); // => '1997-01-01'
 * Number.isNaN(parse('19970230')); // => true
 * ```
 */
export function compileDateFormat(format: string): DayParser {
  const at = compileDateFormatAt(format);
  return (text: string): number => at(text, 0, text.length);
}

/**
 * {@link compileDateFormat} in offset form: the parser reads `text[start, end)`.
 * @internal
 */
export function compileDateFormatAt(format: string, zone: ZoneDays | null = null): DayParserAt {
  if (zone !== null || (format !== ISO_DATE_FORMAT && compileFixedWidth(format) === null)) {
    const parts = compileDateParts(format);
    if (parts) return (text: string, start: number, end: number): number => {
      const p = parts(start === 0 && end === text.length ? text : text.slice(start, end));
      return p === null ? Number.NaN : dayOfParts(p, zone);
    };
  }
  if (format === ISO_DATE_FORMAT) return parseIsoDayAt;
  const fixed = compileFixedWidth(format);
  if (fixed) return fixed;
  const reference = new Date(2000, 0, 1);
  return (text: string, start: number, end: number): number => {
    const d = parseWithDateFns(text.slice(start, end), format, reference);
    if (!isValid(d)) return Number.NaN;
    return dayFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
  };
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

function civilOrNaN(y: number, m: number, d: number): number {
  return isValidCivil(y, m, d) ? dayFromCivil(y, m, d) : Number.NaN;
}

/**
 * Parses `yyyy-MM-dd` with an optional `T…`/` …` time part. Returns `NaN` on anything else.
 * @internal
 */
export function parseIsoDay(text: string): number {
  return parseIsoDayAt(text, 0, text.length);
}

function parseIsoDayAt(text: string, s: number, end: number): number {
  const n = end - s;
  if (n < 10) return Number.NaN;
  if (text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return Number.NaN;
  if (n > 10) {
    const sep = text.charCodeAt(s + 10);
    if (sep !== 84 && sep !== 32 && sep !== 116) return Number.NaN; // 'T', ' ', 't'
    if (!ISO_TIME.test(text.slice(s + 11, end))) return Number.NaN;
  }
  const y = digit(text, s) * 1000 + digit(text, s + 1) * 100 + digit(text, s + 2) * 10 + digit(text, s + 3);
  const m = digit(text, s + 5) * 10 + digit(text, s + 6);
  const d = digit(text, s + 8) * 10 + digit(text, s + 9);
  return civilOrNaN(y, m, d);
}

/**
 * A time after the date: hours 00-23, minutes 00-59, seconds 00-60 (60: a leap second), an
 * optional fraction, and an optional offset `Z` or `±hh[[:]mm]` (hours 00-23, minutes 00-59).
 * `2024-03-01T25:61:99` is no time of day, so it is no date either.
 */
const ISO_TIME = /^(?:[01]\d|2[0-3])(:[0-5]\d(:(?:[0-5]\d|60)(\.\d{1,9})?)?)?(Z|z|[+-](?:[01]\d|2[0-3])(:?[0-5]\d)?)?$/;

function compileFixedWidth(format: string): DayParserAt | null {
  const tokens = /^(?:yyyy|MM|dd|[^A-Za-z'])+$/;
  if (!tokens.test(format)) return null;
  const yi = format.indexOf('yyyy');
  const mi = format.indexOf('MM');
  const di = format.indexOf('dd');
  if (yi < 0 || mi < 0 || di < 0) return null;
  if (format.indexOf('yyyy', yi + 1) >= 0 || format.indexOf('MM', mi + 1) >= 0 || format.indexOf('dd', di + 1) >= 0) return null;
  const literals: [number, number][] = [];
  for (let i = 0; i < format.length; i++) {
    const inToken = (i >= yi && i < yi + 4) || (i >= mi && i < mi + 2) || (i >= di && i < di + 2);
    if (!inToken) literals.push([i, format.charCodeAt(i)]);
  }
  const width = format.length;
  return (text: string, s: number, end: number): number => {
    if (end - s !== width) return Number.NaN;
    for (const [i, code] of literals) if (text.charCodeAt(s + i) !== code) return Number.NaN;
    const y = digit(text, s + yi) * 1000 + digit(text, s + yi + 1) * 100 + digit(text, s + yi + 2) * 10 + digit(text, s + yi + 3);
    const m = digit(text, s + mi) * 10 + digit(text, s + mi + 1);
    const d = digit(text, s + di) * 10 + digit(text, s + di + 1);
    return civilOrNaN(y, m, d);
  };
}
