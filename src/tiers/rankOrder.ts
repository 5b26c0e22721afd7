/**
 * Positions of `values` in rank order: value descending; equal values in index order, or in
 * the order `sortTies` gives each run of them.
 *
 * An LSD radix sort (four 16-bit passes, a pass skipped when every value has the same digit) on
 * the IEEE 754 bit patterns turned into unsigned keys whose order is the reverse numeric order
 * (-0 counts as 0). The sort is stable, so equal values stay in index order; `sortTies`, when
 * given, then reorders each run of t > 1 equal values in place (`run` holds their indices).
 * Values must not be NaN. Cost: O(n), plus whatever `sortTies` costs.
 * @internal
 */
export function rankOrder(values: Float64Array, sortTies?: (run: Uint32Array) => void): Uint32Array {
  const n = values.length;
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = (values[i] as number) + 0; // -0 + 0 === +0
  const words = new Uint32Array(bits.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const loOff = little ? 0 : 1;
  const hiOff = little ? 1 : 0;
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiOff] as number;
    const l = words[2 * i + loOff] as number;
    if (h & 0x80000000) {
      // negative: larger magnitude sorts later in descending order, which the raw bits give
      hi[i] = h;
      lo[i] = l;
    } else {
      hi[i] = (h ^ 0x7fffffff) >>> 0;
      lo[i] = ~l >>> 0;
    }
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // the keys travel with the indices, so every pass reads its input in sequence
  let orderSpare = new Uint32Array(n);
  let loSpare = new Uint32Array(n);
  let hiSpare = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((key[i] as number) >>> shift) & 0xffff]!++;
    if (n === 0 || counts[((key[0] as number) >>> shift) & 0xffff] === n) continue; // one digit: nothing moves
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    const last = pass === 3;
    for (let j = 0; j < n; j++) {
      const p = counts[((key[j] as number) >>> shift) & 0xffff]!++;
      orderSpare[p] = order[j] as number;
      if (!last) {
        loSpare[p] = lo[j] as number;
        hiSpare[p] = hi[j] as number;
      }
    }
    let t = order;
    order = orderSpare;
    orderSpare = t;
    if (!last) {
      t = lo;
      lo = loSpare;
      loSpare = t;
      t = hi;
      hi = hiSpare;
      hiSpare = t;
    }
  }
  if (sortTies !== undefined) {
    let start = 0;
    for (let j = 1; j <= n; j++) {
      if (j === n || bits[order[j] as number] !== bits[order[start] as number]) {
        if (j - start > 1) sortTies(order.subarray(start, j));
        start = j;
      }
    }
  }
  return order;
}
