/*
 * The number cells of the text reader: amount, price, quantity, refunded, cost and discount.
 * Only decimal numbers are read: an optional sign, digits (with thousands separators in groups
 * of three), an optional decimal separator with digits, an optional exponent (`1e-05`, as pandas
 * writes small floats). Blanks around are spaces, tabs and the other ASCII blanks of
 * `String.prototype.trim`. Hexadecimal, binary and octal, `Infinity`, `NaN`, other Unicode
 * spaces, full-width digits and anything else are not numbers.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** The ASCII blanks `String.prototype.trim` removes: space, tab, LF, VT, FF, CR. @internal */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether `bytes[start, end)` holds only ASCII blanks (an empty cell). @internal */
export function isBlankCell(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(bytes[i]!)) return false;
  return true;
}

/** {@link decodeNumberWith} with a decimal point. @internal */
export function decodeNumber(bytes: Uint8Array, start: number, end: number): number {
  return decodeNumberWith(bytes, start, end, 46);
}

/**
 * Reads the decimal number written in `bytes[start, end)` (blanks around allowed), or `NaN` when
 * it is not one, is empty or does not fit a double (`1e400`). `decimal` is the decimal
 * separator: `46` (`.`, thousands `,`: `1,234.50`) or `44` (`,`, thousands `.`: `1.234,50`).
 *
 * Plain decimals of up to 15 digits (`-12.50`, `3`, `.5`) are read from the bytes: the digits as
 * an integer, divided by a power of ten, both exact in a double, so the quotient is the correctly
 * rounded value, the same double `Number()` gives for the text. Longer ones, thousands
 * separators and exponents are checked byte by byte and read by `Number()` on the plain decimal
 * text (separators removed, the decimal separator a point), which rounds correctly too.
 * @internal
 */
export function decodeNumberWith(bytes: Uint8Array, start: number, end: number, decimal: 44 | 46): number {
  decodeNumberTo(bytes, start, end, decimal, scratch, 0);
  return scratch[0]!;
}

const scratch = new Float64Array(1);

/**
 * {@link decodeNumberWith} writing the value to `out[at]` instead of returning it, so that the
 * reader's hot loop boxes no number.
 * @internal
 */
export function decodeNumberTo(bytes: Uint8Array, start: number, end: number, decimal: 44 | 46, out: Float64Array, at: number): void {
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  if (start === end) {
    out[at] = Number.NaN;
    return;
  }
  let i = start;
  const first = bytes[i]!;
  if (first === 45 || first === 43) i++;
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
    out[at] = first === 45 ? -x : x;
    return;
  }
  out[at] = strictDecimal(bytes, start, end, decimal);
}

/** The strict grammar on trimmed, non-empty bytes; the value through `Number()` of the plain text. */
function strictDecimal(bytes: Uint8Array, start: number, end: number, decimal: 44 | 46): number {
  const group = decimal === 46 ? 44 : 46;
  let i = start;
  let text = '';
  const sign = bytes[i];
  if (sign === 45 || sign === 43) {
    if (sign === 45) text = '-';
    i++;
  }
  let digits = 0;
  const run = (): number => {
    const from = i;
    for (; i < end && bytes[i]! >= 48 && bytes[i]! <= 57; i++) text += String.fromCharCode(bytes[i]!);
    return i - from;
  };
  const lead = run();
  digits += lead;
  if (i < end && bytes[i] === group) {
    // Thousands: 1 to 3 digits, then groups of exactly three.
    if (lead < 1 || lead > 3) return Number.NaN;
    while (i < end && bytes[i] === group) {
      i++;
      if (run() !== 3) return Number.NaN;
      digits += 3;
    }
  }
  if (i < end && bytes[i] === decimal) {
    i++;
    text += '.';
    digits += run();
  }
  if (digits === 0) return Number.NaN;
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    i++;
    text += 'e';
    if (i < end && (bytes[i] === 45 || bytes[i] === 43)) text += bytes[i++] === 45 ? '-' : '+';
    if (run() === 0) return Number.NaN;
  }
  if (i !== end) return Number.NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** What a number cell must hold, for messages: `a decimal number such as -1234.50 or 1,234.50`. @internal */
export function expectedNumber(decimal: 44 | 46): string {
  return decimal === 44 ? 'a decimal number such as -1234,50 or 1.234,50' : 'a decimal number such as -1234.50 or 1,234.50';
}

/**
 * Why a cell that is not a number might be so, for the hint of an error message: it looks like a
 * decimal comma (`12,50`) under a decimal point or the reverse, it carries a currency sign,
 * blanks inside, Unicode blanks or full-width digits, or it is hexadecimal, binary, octal,
 * `Infinity` or `NaN`. `null` when no hint applies.
 * @internal
 */
export function numberHint(text: string, decimal: 44 | 46): string | null {
  const t = text.replace(/^[\t-\r ]+|[\t-\r ]+$/g, '');
  if (decimal === 46 && /^[+-]?(?:\d+,\d*|,\d+|\d{1,3}(?:\.\d{3})+(?:,\d*)?)$/.test(t)) return "it looks like a decimal comma: read it with --decimal comma (API decimal: 'comma')";
  if (decimal === 44 && /^[+-]?\d*\.\d+$/.test(t)) return "it looks like a decimal point: the file is read with a decimal comma (--decimal point, API decimal: 'point', reads it)";
  if (/[\p{Sc}]/u.test(t)) return 'currency signs are not read: remove them, and give the decimal separator with --decimal (API decimal)';
  if (/^[+-]?0[xXbBoO]/.test(t)) return 'hexadecimal, binary and octal numbers are not read: write it in decimal digits';
  if (/^[+-]?(?:Infinity|inf|NaN)$/i.test(t)) return 'Infinity and NaN are not numbers the reader accepts: leave the cell empty where a value is unknown';
  if (/[\uFF10-\uFF19]/u.test(t)) return 'full-width digits are not read: write ASCII digits 0-9';
  if (/\d\s+\d/u.test(t)) return 'blanks inside a number are not read as thousands separators: remove them (--decimal, API decimal, sets the decimal separator)';
  if (/[^\P{White_Space}\t-\r ]/u.test(t)) return 'blanks other than spaces and tabs (such as a no-break space) are not read: remove them';
  return null;
}
