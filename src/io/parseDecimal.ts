const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Reads the number written in `text[start, end)` (surrounding blanks allowed), or `NaN`.
 *
 * Plain decimals of up to 15 digits (`-12.50`, `3`, `.5`) are read without making a string: the
 * digits as an integer, divided by a power of ten, both exact in a double, so the quotient is the
 * correctly rounded value, the same double `Number()` gives. Anything else (exponents, more
 * digits, `Infinity`, hexadecimal) goes through `Number()` on the cut text; non-finite results
 * are `NaN`. An empty field is `NaN`.
 * @internal
 */
export function parseDecimal(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  if (start === end) return Number.NaN;
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let v = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) scale = 0;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const x = scale > 0 ? v / POW10[scale]! : v;
    return negative ? -x : x;
  }
  const slow = Number(text.slice(start, end));
  return Number.isFinite(slow) ? slow : Number.NaN;
}
