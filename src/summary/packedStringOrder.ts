import { sortWholeKeys } from './sortWholeKeys.js';

/**
 * Sorts `idx` (indices of distinct string ids) by the ids' UTF-16 code units through one exact
 * double per id, when the ids are short over a small alphabet; returns `false`, leaving `idx` as
 * it was, when they do not fit.
 *
 * After the prefix all ids share, each code unit is replaced by its rank among the code units
 * that occur there (1..k, 0 past the end of a shorter id, so a prefix sorts first), in `b` bits,
 * `b = ceil(log2(k + 1))`. Ids of at most `L` such units give a key `< 2^(bL)` whose numeric order
 * is the ids' code-unit order, and distinct ids give distinct keys. When `2^(bL) · m <= 2^53` the
 * key and the id's position in `idx` are packed into one exact double, `key · m + position`, and a radix sort on the
 * keys ({@link sortWholeKeys}) orders them (no comparator call, no string read per comparison). Ids such as
 * `C0004711` (11 symbols, 6 units after `C0`) take 24 bits.
 * Cost: one read of each id's code units into a flat buffer, O(m L) to build the keys from it,
 * one sort of m doubles; about 12 bytes per id plus 2 per code unit.
 * @internal
 */
export function packedStringOrder(ids: readonly string[], idx: Int32Array): boolean {
  const m = idx.length;
  if (m < 2) return true;
  // One read of every id: the strings lie scattered over the heap, so their code units are copied
  // once into a flat buffer (id j at offsets[j] .. offsets[j + 1]) that the passes below read.
  // The same read finds the prefix every id shares and the longest id.
  let units16 = new Uint16Array(Math.max(16, m * 8));
  const offsets = new Int32Array(m + 1);
  const head = ids[idx[0]!]!;
  let prefix = head.length;
  let longest = 0;
  let at = 0;
  for (let j = 0; j < m; j++) {
    const s = ids[idx[j]!]!;
    const n = s.length;
    if (at + n > units16.length) {
      const grown = new Uint16Array(Math.max(2 * units16.length, at + n));
      grown.set(units16.subarray(0, at));
      units16 = grown;
    }
    let k = 0;
    for (; k < n; k++) units16[at + k] = s.charCodeAt(k);
    if (n > longest) longest = n;
    const limit = Math.min(prefix, n);
    k = 0;
    while (k < limit && units16[at + k] === head.charCodeAt(k)) k++;
    prefix = k;
    at += n;
    offsets[j + 1] = at;
  }
  const units = longest - prefix;
  const indexBits = Math.ceil(Math.log2(m + 1));
  if (units + indexBits > 53) return false;
  // The alphabet after the prefix, and each code unit's rank in it.
  const rank = new Int32Array(65536);
  for (let j = 0; j < m; j++) {
    for (let k = offsets[j]! + prefix; k < offsets[j + 1]!; k++) rank[units16[k]!] = 1;
  }
  let symbols = 0;
  for (let u = 0; u < 65536; u++) if (rank[u] !== 0) rank[u] = ++symbols;
  const bits = Math.ceil(Math.log2(symbols + 1));
  if (units * bits + indexBits > 53) return false;
  const radix = 2 ** bits;
  const keys = new Float64Array(m);
  const given = idx.slice();
  for (let j = 0; j < m; j++) {
    const from = offsets[j]! + prefix;
    const end = offsets[j + 1]!;
    let key = 0;
    for (let k = from; k < from + units; k++) key = key * radix + (k < end ? rank[units16[k]!]! : 0);
    keys[j] = key * m + j;
  }
  sortWholeKeys(keys);
  for (let j = 0; j < m; j++) {
    const key = keys[j]!;
    idx[j] = given[key - Math.floor(key / m) * m]!;
  }
  return true;
}
