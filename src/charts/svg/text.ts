/** Escapes text for SVG and HTML content and attribute values (the charts and the report). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Font size of chart text, px. @internal */
export const FONT = 12;

/**
 * Estimated width in px of `s` in the charts' sans-serif font at `size` px: 0.64 em per
 * character (wide sans-serif fonts such as DejaVu Sans), 0.36 em for narrow ones. Layout only needs an upper bound; the browser tests check
 * that no labels overlap. @internal
 */
export function textWidth(s: string, size = FONT): number {
  let w = 0;
  for (const ch of s) w += /[il.,:;'|!()\- ]/.test(ch) ? 0.36 : /[mwMW@%]/.test(ch) ? 0.98 : /[A-Z]/.test(ch) ? 0.72 : 0.64;
  return w * size;
}

/** Splits `s` at spaces into at most two lines of at most `width` px; the second is shortened with an ellipsis. @internal */
export function wrapText(s: string, width: number): string[] {
  if (textWidth(s) <= width) return [s];
  const words = s.split(' ');
  let first = words.shift()!;
  while (words.length > 0 && textWidth(`${first} ${words[0]}`) <= width) first += ` ${words.shift()}`;
  let second = words.join(' ');
  while (second.length > 2 && textWidth(second) > width) second = `${second.slice(0, -2)}…`;
  return second.length > 0 ? [first, second] : [first];
}
