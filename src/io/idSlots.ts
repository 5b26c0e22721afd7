/**
 * Helpers of the id interner's open-addressing tables: four ints per slot, `[hash, index + 1,
 * key, key]`, index 0 marking an empty slot (see `ByteIdInterner`).
 * Internal.
 */

/** The table re-laid into `mask + 1` slots (hashes are kept, so nothing is re-hashed). @internal */
export function relay(old: Int32Array, mask: number): Int32Array {
  const slots = new Int32Array(4 * (mask + 1));
  for (let j = 0; j < old.length; j += 4) {
    if (old[j + 1] === 0) continue;
    let slot = old[j]! & mask;
    while (slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
    slots.set(old.subarray(j, j + 4), slot << 2);
  }
  return slots;
}

/** A final avalanche so that the low bits used as the slot depend on every input bit. @internal */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
