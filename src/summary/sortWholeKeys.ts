/** Below this many keys the engine's native sort is faster than the radix passes. */
const NATIVE_BELOW = 1 << 12;
/** Bits per radix digit: 2,048 counters stay in the L1 cache. */
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const RADIX = 2 ** DIGIT_BITS;

/**
 * Sorts `keys`, whole numbers in `[0, 2^53)`, ascending in place: the same result as
 * `keys.sort()`, by a least-significant-digit radix sort on 11-bit digits, with as many passes as
 * the largest key has digits (4 for keys below 2^44, such as 1M packed customer ids).
 * A digit is `floor(key / 2^(11 p)) & 2047`: the division by a power of two is exact and the
 * integer conversion of `&` keeps the low 32 bits of the quotient exactly, so every key below
 * 2^53 gets its true digits. Fewer than 4,096 keys go to the native sort.
 * Cost: O(passes · n) time, one scratch copy of the keys (8 bytes per key).
 * @internal
 */
export function sortWholeKeys(keys: Float64Array): void {
  const n = keys.length;
  if (n < NATIVE_BELOW) {
    keys.sort();
    return;
  }
  let max = 0;
  for (let i = 0; i < n; i++) if (keys[i]! > max) max = keys[i]!;
  let src: Float64Array = keys;
  let dst: Float64Array = new Float64Array(n);
  const next = new Int32Array(RADIX);
  for (let divisor = 1; divisor <= max; divisor *= RADIX) {
    next.fill(0);
    for (let i = 0; i < n; i++) next[Math.floor(src[i]! / divisor) & DIGIT_MASK]!++;
    let at = 0;
    for (let d = 0; d < RADIX; d++) {
      const count = next[d]!;
      next[d] = at;
      at += count;
    }
    for (let i = 0; i < n; i++) {
      const key = src[i]!;
      dst[next[Math.floor(key / divisor) & DIGIT_MASK]!++] = key;
    }
    const done = dst;
    dst = src;
    src = done;
  }
  if (src !== keys) keys.set(src);
}
