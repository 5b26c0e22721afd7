/**
 * Conversions between model time (fractional units after an as-of day) and calendar days, by the
 * same convention as `durationBetween`: months and years are calendar months (ends clamped), a
 * fraction of one is measured in that month's (or year's) own length in days.
 * @internal
 */
import { addMonthsToDay } from '../time/days.js';
import { durationBetween } from '../time/duration.js';
import type { TimeUnit } from '../time/units.js';

/** The (possibly fractional) epoch day that lies `amount >= 0` units after `from`. @internal */
export function dayAfter(from: number, amount: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return from + amount;
    case 'week':
      return from + 7 * amount;
    case 'month':
    case 'year': {
      const step = unit === 'month' ? 1 : 12;
      const whole = Math.floor(amount);
      const start = addMonthsToDay(from, whole * step);
      if (whole === amount) return start;
      const end = addMonthsToDay(from, (whole + 1) * step);
      return start + (amount - whole) * (end - start);
    }
  }
}

/** Units from `from` (whole day) to a possibly fractional day `to >= from`, interpolating within a day. @internal */
export function unitsBetween(from: number, to: number, unit: TimeUnit): number {
  const lower = Math.floor(to);
  const base = durationBetween(from, lower, unit);
  if (lower === to) return base;
  return base + (to - lower) * (durationBetween(from, lower + 1, unit) - base);
}
