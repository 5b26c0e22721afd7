import { compileDateFormatAt, ISO_DATE_FORMAT } from '../time/compileDateFormat.js';
import { dayFromCivil, isValidCivil } from '../time/days.js';
import type { ZoneDays } from '../time/readDateText.js';
import { isSpace } from './decodeNumber.js';
import { decodeUtf8 } from './utf8.js';

/*
 * The field decoder: turns the UTF-8 bytes of one field, `bytes[start, end)`, into a value
 * without making a string, except on slow paths (non-ISO dates, new ids). Numbers: decodeNumber.ts.
 */

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
  // Files are often in date order: the eight digit bytes of the last date, packed in two ints, and its day.
  let lastHigh = -1;
  let lastLow = -1;
  let lastIsoDay = Number.NaN;
  return (bytes: Uint8Array, start: number, end: number): number => {
    if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return slow(bytes, start, end);
    const high = (bytes[start]! << 24) | (bytes[start + 1]! << 16) | (bytes[start + 2]! << 8) | bytes[start + 3]!;
    const low = (bytes[start + 5]! << 24) | (bytes[start + 6]! << 16) | (bytes[start + 8]! << 8) | bytes[start + 9]!;
    if (high === lastHigh && low === lastLow) return lastIsoDay;
    const y = digitAt(bytes, start) * 1000 + digitAt(bytes, start + 1) * 100 + digitAt(bytes, start + 2) * 10 + digitAt(bytes, start + 3);
    const m = digitAt(bytes, start + 5) * 10 + digitAt(bytes, start + 6);
    const d = digitAt(bytes, start + 8) * 10 + digitAt(bytes, start + 9);
    lastIsoDay = (d >= 1 && d <= 28 && m >= 1 && m <= 12) || isValidCivil(y, m, d) ? dayFromCivil(y, m, d) : Number.NaN;
    lastHigh = high;
    lastLow = low;
    return lastIsoDay;
  };
}
