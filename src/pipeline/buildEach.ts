import { isoFromDay } from '../time/days.js';

/**
 * One object per customer, `build(i, iso)` for i = 0..length-1, where `iso` turns a day number
 * into `yyyy-MM-dd` through a cache (customers share few distinct days), for the lazy `customers`
 * lists of the score results.
 * @internal
 */
export function buildEach<T>(length: number, build: (index: number, iso: (day: number) => string) => T): T[] {
  const cache = new Map<number, string>();
  const iso = (d: number): string => {
    let s = cache.get(d);
    if (s === undefined) cache.set(d, (s = isoFromDay(d)));
    return s;
  };
  const out = new Array<T>(length);
  for (let i = 0; i < length; i++) out[i] = build(i, iso);
  return out;
}
