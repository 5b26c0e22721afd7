import { compileDateFormatAt, ISO_DATE_FORMAT } from '../time/compileDateFormat.js';
import { dayFromCivil, isValidCivil } from '../time/days.js';
import type { ZoneDays } from '../time/readDateText.js';
import { decodeUtf8 } from './utf8.js';

/*
 * The field decoder: turns the UTF-8 bytes of one field, `bytes[start, end)`, into a value
 * without making a string, except on slow paths (unusual numbers, non-ISO dates, new ids).
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** The text of `bytes[start, end)`, decoded as UTF-8 (invalid sequences become U+FFFD). @internal */
export function fieldText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 64) return decodeUtf8(bytes.subarray(start, end));
  for (let i = start; i < end; i++) if (bytes[i]! >= 128) return decodeUtf8(bytes.subarray(start, end));
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/** First index in `[start, end)` that is not a blank or control byte (code <= 32), else `end`. @internal */
export function trimStart(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start]! <= 32) start++;
  return start;
}

/** One past the last index in `[start, end)` that is not a blank or control byte, else `start`. @internal */
export function trimEnd(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && bytes[end - 1]! <= 32) end--;
  return end;
}

/**
 * Reads the number written in `bytes[start, end)` (surrounding blanks allowed), or `NaN`.
 *
 * Plain decimals of up to 15 digits (`-12.50`, `3`, `.5`) are read from the bytes: the digits as
 * an integer, divided by a power of ten, both exact in a double, so the quotient is the
 * correctly rounded value, the same double `Number()` gives. Anything else (exponents, more
 * digits, `Infinity`, hexadecimal) goes through `Number()` on the decoded text; non-finite
 * results are `NaN`. An empty field is `NaN`.
 * @internal
 */
export function decodeNumber(bytes: Uint8Array, start: number, end: number): number {
  return decodeNumberWith(bytes, start, end, 46);
}

/** Numbers with grouped thousands: `1,234.50` (decimal point) and `1.234,50` (decimal comma). */
const GROUPED_POINT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)$/;

function slowNumber(text: string, decimal: 44 | 46): number {
  let t = text.trim();
  if (decimal === 44) {
    if (GROUPED_COMMA.test(t)) t = t.replace(/\./g, '');
    else if (!PLAIN_COMMA.test(t)) return Number.NaN;
    t = t.replace(',', '.');
  } else if (GROUPED_POINT.test(t)) t = t.replace(/,/g, '');
  const v = Number(t);
  return Number.isFinite(v) && t !== '' ? v : Number.NaN;
}

/**
 * {@link decodeNumber} for a decimal separator: `46` (`.`, as `decodeNumber`) or `44` (`,`:
 * `12,50`, with `.` only as a thousands separator in groups of three, `1.234,50`). Under a decimal
 * comma, a number written with a decimal point (`12.50`) is `NaN`, never misread.
 * @internal
 */
export function decodeNumberWith(bytes: Uint8Array, start: number, end: number, decimal: 44 | 46): number {
  while (start < end && bytes[start]! <= 32) start++;
  while (end > start && bytes[end - 1]! <= 32) end--;
  if (start === end) return Number.NaN;
  let i = start;
  let negative = false;
  const first = bytes[i]!;
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let v = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === decimal && scale < 0) scale = 0;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const x = scale > 0 ? v / POW10[scale]! : v;
    return negative ? -x : x;
  }
  return slowNumber(fieldText(bytes, start, end), decimal);
}

/**
 * Why a field that is not a number might be so, for the hint of an error message: it looks like
 * a decimal comma (`12,50`) under a decimal point, a decimal point under a decimal comma, or it
 * carries a currency sign or blanks inside. `null` when no hint applies.
 * @internal
 */
export function numberHint(text: string, decimal: 44 | 46): string | null {
  const t = text.trim();
  if (decimal === 46 && (PLAIN_COMMA.test(t) || GROUPED_COMMA.test(t)) && t.includes(',')) return "it looks like a decimal comma: read it with --decimal comma (API decimal: 'comma')";
  if (decimal === 44 && /^[+-]?\d*\.\d+$/.test(t)) return "it looks like a decimal point: the file is read with a decimal comma (--decimal point, API decimal: 'point', reads it)";
  if (/[\p{Sc}]/u.test(t)) return 'currency signs are not read: remove them, and give the decimal separator with --decimal (API decimal)';
  if (/\d\s+\d/u.test(t)) return 'blanks inside a number are not read as thousands separators: remove them (--decimal, API decimal, sets the decimal separator)';
  return null;
}

/**
 * A yes/no field: 1 for `1`, `true`, `yes`, `y`, `t`; 0 for `0`, `false`, `no`, `n`, `f` (any
 * case, blanks around); 255 when empty; -1 for anything else.
 * @internal
 */
export function decodeFlag(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isSpace(bytes[s]!)) s++;
  while (e > s && isSpace(bytes[e - 1]!)) e--;
  if (s === e) return 255;
  if (e - s <= 5) {
    let w = 0;
    let plain = true;
    for (let i = s; i < e; i++) {
      let c = bytes[i]!;
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 128) plain = false;
      w = w * 256 + c;
    }
    if (plain) {
      if (w === 0x31 || w === 0x74 || w === 0x79 || w === 0x74727565 || w === 0x796573) return 1; // 1 t y true yes
      if (w === 0x30 || w === 0x66 || w === 0x6e || w === 0x66616c7365 || w === 0x6e6f) return 0; // 0 f n false no
      return -1;
    }
  }
  const t = fieldText(bytes, start, end).trim().toLowerCase();
  if (t === '') return 255;
  if (t === '1' || t === 'true' || t === 'yes' || t === 'y' || t === 't') return 1;
  if (t === '0' || t === 'false' || t === 'no' || t === 'n' || t === 'f') return 0;
  return -1;
}

/** The ASCII blanks `String.prototype.trim` removes. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Reads the date in `bytes[start, end)` (already trimmed, non-empty) as an epoch day, or `NaN`. @internal */
export type DayDecoder = (bytes: Uint8Array, start: number, end: number) => number;

function digitAt(bytes: Uint8Array, i: number): number {
  const c = bytes[i]! - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * Compiles a date format (as in `compileDateFormat`) into a decoder over bytes. A plain
 * `yyyy-MM-dd` under `'iso'` is read from the bytes; anything else is decoded to text and read
 * by the format's parser, with the last distinct date text remembered (files sorted by date
 * repeat it row after row).
 * @internal
 */
export function compileDayDecoder(format: string, zone: ZoneDays | null = null): DayDecoder {
  const parseAt = compileDateFormatAt(format, zone);
  const iso = format === ISO_DATE_FORMAT;
  let last = new Uint8Array(0);
  let lastDay = Number.NaN;
  const slow = (bytes: Uint8Array, start: number, end: number): number => {
    const n = end - start;
    if (n === last.length) {
      let same = true;
      for (let i = 0; i < n; i++) {
        if (bytes[start + i] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) return lastDay;
    }
    const text = fieldText(bytes, start, end);
    lastDay = parseAt(text, 0, text.length);
    last = bytes.slice(start, end);
    return lastDay;
  };
  if (!iso) return slow;
  return (bytes: Uint8Array, start: number, end: number): number => {
    if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return slow(bytes, start, end);
    const y = digitAt(bytes, start) * 1000 + digitAt(bytes, start + 1) * 100 + digitAt(bytes, start + 2) * 10 + digitAt(bytes, start + 3);
    const m = digitAt(bytes, start + 5) * 10 + digitAt(bytes, start + 6);
    const d = digitAt(bytes, start + 8) * 10 + digitAt(bytes, start + 9);
    if (d >= 1 && d <= 28 && m >= 1 && m <= 12) return dayFromCivil(y, m, d);
    return isValidCivil(y, m, d) ? dayFromCivil(y, m, d) : Number.NaN;
  };
}
