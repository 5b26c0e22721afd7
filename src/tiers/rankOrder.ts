import { compareCustomerIds } from '../summary/compareCustomerIds.js';
import type { CustomerId } from '../transactions/types.js';

/**
 * Indices of `values` ordered by value descending, equal values by customer id ascending
 * ({@link compareCustomerIds}: numbers first, ascending, then strings by UTF-16 code units).
 *
 * An LSD radix sort (four 16-bit passes) on the IEEE 754 bit patterns, turned into unsigned keys
 * whose order is the reverse numeric order (-0 counts as 0); then each run of equal values is
 * sorted by id. The result depends only on the (value, id) pairs, never on input order.
 * Values must not be NaN. Cost: O(n) plus O(t log t) per run of t tied values.
 * @internal
 */
export function rankOrder(values: Float64Array, ids: readonly CustomerId[]): Uint32Array {
  const n = values.length;
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = (values[i] as number) + 0; // -0 + 0 === +0
  const words = new Uint32Array(bits.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const loOff = little ? 0 : 1;
  const hiOff = little ? 1 : 0;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
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
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((key[i] as number) >>> shift) & 0xffff]!++;
    if (n > 0 && counts[((key[0] as number) >>> shift) & 0xffff] === n) continue; // one digit: nothing moves
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      spare[counts[((key[i] as number) >>> shift) & 0xffff]!++] = i;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  // ties: sort each run of equal values by customer id
  let start = 0;
  for (let j = 1; j <= n; j++) {
    if (j === n || bits[order[j] as number] !== bits[order[start] as number]) {
      if (j - start > 1) order.subarray(start, j).sort((x, y) => compareCustomerIds(ids[x]!, ids[y]!));
      start = j;
    }
  }
  return order;
}
