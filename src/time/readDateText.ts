import { dayFromCivil, isValidCivil, MS_PER_DAY } from './days.js';

/*
 * Date text read by its format's tokens, without Date objects: the calendar date is the one
 * written, whatever the process time zone, and an offset written in the text is read apart from
 * it. A time zone (IANA name) turns instants into that zone's calendar days.
 */

/** The parts of one date text. `offset` in minutes east of UTC, `null` when none is written; `instant` for epoch formats. @internal */
interface DateParts {
  y: number;
  m: number;
  d: number;
  /** Milliseconds since midnight, or -1 when the format has no time. */
  time: number;
  offset: number | null;
  instant: number | null;
}

type Setter = (p: DateParts, text: string) => boolean;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Formats made of these tokens are read here; any other letter run is left to date-fns. */
const TOKENS: Readonly<Record<string, { re: string; set: Setter }>> = (() => {
  const num = (f: (p: DateParts, v: number) => void): Setter => (p, t) => {
    f(p, Number(t));
    return true;
  };
  // A clock field outside its range (hour 25, minute 61) makes the text no date at all.
  const clock = (max: number, ms: number): Setter => (p, t) => {
    const v = Number(t);
    p.time += v * ms;
    return v <= max;
  };
  const hour12: Setter = (p, t) => {
    const v = Number(t);
    p.time += (v % 12) * 3_600_000;
    return v >= 1 && v <= 12;
  };
  const offset: Setter = (p, t) => {
    if (t === 'Z' || t === 'z') p.offset = 0;
    else {
      const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(t);
      if (!m || Number(m[2]) > 23 || Number(m[3] ?? 0) > 59) return false;
      p.offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    }
    return true;
  };
  const month: Setter = (p, t) => {
    const k = MONTHS.indexOf(t.slice(0, 3).toLowerCase());
    p.m = k + 1;
    return k >= 0;
  };
  const ms = (p: DateParts, t: string): boolean => {
    p.time += Math.floor(Number(`0.${t}`) * 1000);
    return true;
  };
  const out: Record<string, { re: string; set: Setter }> = {
    yyyy: { re: '(\\d{4})', set: num((p, v) => (p.y = v)) },
    yy: { re: '(\\d{2})', set: num((p, v) => (p.y = 2000 + v)) },
    y: { re: '(\\d{1,4})', set: num((p, v) => (p.y = v)) },
    MMMM: { re: '([A-Za-z]{3,9})', set: month },
    MMM: { re: '([A-Za-z]{3})', set: month },
    MM: { re: '(\\d{2})', set: num((p, v) => (p.m = v)) },
    M: { re: '(\\d{1,2})', set: num((p, v) => (p.m = v)) },
    dd: { re: '(\\d{2})', set: num((p, v) => (p.d = v)) },
    d: { re: '(\\d{1,2})', set: num((p, v) => (p.d = v)) },
    HH: { re: '(\\d{2})', set: clock(23, 3_600_000) },
    H: { re: '(\\d{1,2})', set: clock(23, 3_600_000) },
    hh: { re: '(\\d{2})', set: hour12 },
    h: { re: '(\\d{1,2})', set: hour12 },
    mm: { re: '(\\d{2})', set: clock(59, 60_000) },
    m: { re: '(\\d{1,2})', set: clock(59, 60_000) },
    ss: { re: '(\\d{2})', set: clock(60, 1000) },
    s: { re: '(\\d{1,2})', set: clock(60, 1000) },
    a: { re: '([AaPp][Mm])', set: (p, t) => ((p.time += t.toLowerCase() === 'pm' ? 12 * 3_600_000 : 0), true) },
    aa: { re: '([AaPp][Mm])', set: (p, t) => ((p.time += t.toLowerCase() === 'pm' ? 12 * 3_600_000 : 0), true) },
    EEE: { re: '([A-Za-z]{3})', set: () => true },
    EEEE: { re: '([A-Za-z]{6,9})', set: () => true },
    t: { re: '(-?\\d{1,12})', set: num((p, v) => (p.instant = v * 1000)) },
    T: { re: '(-?\\d{1,15})', set: num((p, v) => (p.instant = v)) },
  };
  for (const k of ['S', 'SS', 'SSS', 'SSSSSS']) out[k] = { re: `(\\d{${k.length}})`, set: ms };
  for (const k of ['x', 'xx', 'xxx', 'xxxx', 'X', 'XX', 'XXX', 'XXXX']) out[k] = { re: k.startsWith('X') ? '(Z|z|[+-]\\d{2}(?::?\\d{2})?)' : '([+-]\\d{2}(?::?\\d{2})?)', set: offset };
  return out;
})();

/** A compiled reader of one format: the parts of a text, or null when it does not match. @internal */
export type DatePartsReader = (text: string) => DateParts | null;

/**
 * Compiles a date-fns format string into a reader of its parts, or `null` when the format uses a
 * token not read here (then date-fns reads it). `'iso'` reads `yyyy-MM-dd` with an optional
 * `T`/space time and offset.
 * @internal
 */
export function compileDateParts(format: string): DatePartsReader | null {
  if (format === 'iso') return readIsoParts;
  let re = '^';
  const setters: Setter[] = [];
  let hasDay = false;
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (c === "'") {
      const close = format.indexOf("'", i + 1);
      if (close < 0) return null;
      re += close === i + 1 ? "'" : escape(format.slice(i + 1, close));
      i = close + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (format[j] === c) j++;
      const token = TOKENS[format.slice(i, j)];
      if (!token) return null;
      if ('yMdtT'.includes(c)) hasDay = true;
      re += token.re;
      setters.push(token.set);
      i = j;
    } else {
      re += escape(c);
      i++;
    }
  }
  if (!hasDay) return null;
  const pattern = new RegExp(`${re}$`);
  const hasTime = /[HhmsS]/.test(format.replace(/'[^']*'/g, ''));
  return (text: string): DateParts | null => {
    const m = pattern.exec(text);
    if (!m) return null;
    const p: DateParts = { y: 2000, m: 1, d: 1, time: hasTime ? 0 : -1, offset: null, instant: null };
    for (let k = 0; k < setters.length; k++) if (!setters[k]!(p, m[k + 1]!)) return null;
    return p;
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** As the `'iso'` day parser: hours 00-23, minutes 00-59, seconds 00-60 (a leap second), offsets up to ±23:59. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]([01]\d|2[0-3])(?::([0-5]\d)(?::([0-5]\d|60)(?:\.(\d{1,9}))?)?)?(Z|z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/;

function readIsoParts(text: string): DateParts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const time = m[4] === undefined ? -1 : Number(m[4]) * 3_600_000 + Number(m[5] ?? 0) * 60_000 + Number(m[6] ?? 0) * 1000 + Math.floor(Number(`0.${m[7] ?? 0}`) * 1000);
  let offset: number | null = null;
  const z = m[8];
  if (z !== undefined) {
    if (z === 'Z' || z === 'z') offset = 0;
    else {
      const digits = z.slice(1).replace(':', '');
      offset = (z[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    }
  }
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), time, offset, instant: null };
}

/**
 * The epoch day of parts: the calendar date as written, or, with a zone, the zone's calendar day
 * of the instant (a time without an offset is taken as UTC); a date without a time stays as
 * written. `NaN` for impossible dates. Epoch formats are instants: their UTC day, or the zone's.
 * @internal
 */
export function dayOfParts(p: DateParts, zone: ZoneDays | null): number {
  if (p.instant !== null) return Number.isFinite(p.instant) ? (zone ? zone.dayOf(p.instant) : Math.floor(p.instant / MS_PER_DAY)) : Number.NaN;
  if (!isValidCivil(p.y, p.m, p.d)) return Number.NaN;
  if (p.time >= 86_400_000 + 1000) return Number.NaN;
  const day = dayFromCivil(p.y, p.m, p.d);
  if (zone === null || p.time < 0) return day;
  return zone.dayOf(day * MS_PER_DAY + p.time - (p.offset ?? 0) * 60_000);
}

/**
 * Calendar days of instants in one IANA time zone, through `Intl.DateTimeFormat` (every runtime
 * the library targets has it), with the zone's offset cached per UTC hour.
 * @internal
 */
export class ZoneDays {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  /** @throws RangeError for a zone name the runtime does not know. */
  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  }

  /** The zone's calendar day of the instant `ms` (epoch milliseconds). */
  dayOf(ms: number): number {
    const hour = Math.floor(ms / 3_600_000);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      // The offset of the hour when it is the same at both ends, else NaN: an hour with a
      // transition inside (Newfoundland's are on the half hour) is looked up instant by instant.
      const a = this.offsetAt(hour * 3_600_000);
      offset = a === this.offsetAt((hour + 1) * 3_600_000) ? a : Number.NaN;
      this.offsets.set(hour, offset);
    }
    if (offset !== offset) offset = this.offsetAt(ms);
    return Math.floor((ms + offset) / MS_PER_DAY);
  }

  /** Milliseconds the zone's wall clock is ahead of UTC at `ms` (to the minute). */
  private offsetAt(ms: number): number {
    ms = Math.floor(ms / 60_000) * 60_000;
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(ms))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = dayFromCivil(parts.year!, parts.month!, parts.day!) * MS_PER_DAY + parts.hour! * 3_600_000 + parts.minute! * 60_000;
    return wall - ms;
  }
}
