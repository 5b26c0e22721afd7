/**
 * Numbers are written rounded to 9 decimal places (15 significant digits from 1e6 up), which
 * removes the binary noise of sums of decimal money (77.41999999999999 is written 77.42).
 * Below 1e6 the scaled value is an exact integer in a double, so one multiply, round and divide
 * does it; `toPrecision` is kept for the rare large values because it is far slower.
 */
export function tidyNumber(v: number): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  if (Math.abs(v) < 1e6) return Math.round(v * 1e9) / 1e9;
  return Number(v.toPrecision(15));
}
