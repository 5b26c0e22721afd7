/** Positions in rank order, with the sort keys in that order (equal keys: equal values). @internal */
export interface RankOrder {
  /** The indices of the values, best first. */
  readonly order: Uint32Array;
  /** High and low words of each ranked value's key: `hi[p]`, `lo[p]` belong to `order[p]`. */
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
}

/**
 * Positions of `values` in rank order: value descending; equal values in index order, or in
 * the order `sortTies` gives each run of them.
 *
 * The IEEE 754 bit patterns become unsigned 64-bit keys (high and low words) whose ascending
 * order is the descending numeric order (-0 counts as 0). A stable LSD radix sort in 16-bit
 * digits sorts them, with the keys travelling beside the indices so that every pass reads in
 * sequence. It starts with the high word only: for money amounts the high word (sign, exponent
 * and 20 bits of mantissa) already tells almost all distinct values apart, and the few runs of
 * equal high words with different low words are then sorted by low word and index. When such
 * runs hold more than 1/16 of the values, the low-word passes run first instead (a pass whose
 * digit is the same for every value is skipped). Equal values stay in index order either way;
 * `sortTies`, when given, then reorders each run of t > 1 equal values in place (`run` holds
 * their indices). Values must not be NaN. Cost: O(n), plus whatever `sortTies` costs.
 * @internal
 */
export function rankOrder(values: Float64Array, sortTies?: (run: Uint32Array) => void): RankOrder {
  const n = values.length;
  // high word first; then the runs of equal high words whose low words differ
  let ranked = radixSort(values, [2, 3]);
  let mixed = 0;
  {
    const { hi, lo } = ranked;
    let start = 0;
    for (let p = 1; p <= n; p++) {
      if (p === n || hi[p] !== hi[start]) {
        for (let q = start + 1; q < p; q++) {
          if (lo[q] !== lo[start]) {
            mixed += p - start;
            break;
          }
        }
        start = p;
      }
    }
  }
  if (mixed > n / 16) ranked = radixSort(values, [0, 1, 2, 3]);
  else if (mixed > 0) sortMixedRuns(ranked);

  const { order } = ranked;
  if (sortTies !== undefined) {
    const { hi, lo } = ranked;
    let start = 0;
    for (let j = 1; j <= n; j++) {
      if (j === n || hi[j] !== hi[start] || lo[j] !== lo[start]) {
        if (j - start > 1) sortTies(order.subarray(start, j));
        start = j;
      }
    }
  }
  return ranked;
}

/**
 * The indices of `values` with their keys, sorted by the given 16-bit digits of the keys, least
 * significant first (digits 0 and 1 are the halves of the low word, 2 and 3 of the high word):
 * a stable LSD radix sort, a pass skipped when every key has the same digit there.
 */
function radixSort(values: Float64Array, digits: readonly number[]): RankOrder {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const loOff = little ? 0 : 1;
  const hiOff = little ? 1 : 0;
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiOff] as number;
    const l = words[2 * i + loOff] as number;
    order[i] = i;
    if (h & 0x80000000 && (h !== 0x80000000 || l !== 0)) {
      // negative: larger magnitude sorts later in descending order, which the raw bits give
      hi[i] = h;
      lo[i] = l;
    } else {
      // positive or zero (-0 counts as +0)
      hi[i] = ((h & 0x7fffffff) ^ 0x7fffffff) >>> 0;
      lo[i] = ~l >>> 0;
    }
  }
  let order2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (const digit of digits) {
    const key = digit < 2 ? lo : hi;
    const shift = digit % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((key[i] as number) >>> shift) & 0xffff]!++;
    if (n === 0 || counts[((key[0] as number) >>> shift) & 0xffff] === n) continue; // one digit: nothing moves
    let sum = 0;
    for (let v = 0; v < 65536; v++) {
      const x = counts[v] as number;
      counts[v] = sum;
      sum += x;
    }
    for (let j = 0; j < n; j++) {
      const p = counts[((key[j] as number) >>> shift) & 0xffff]!++;
      order2[p] = order[j] as number;
      hi2[p] = hi[j] as number;
      lo2[p] = lo[j] as number;
    }
    let t = order;
    order = order2;
    order2 = t;
    t = hi;
    hi = hi2;
    hi2 = t;
    t = lo;
    lo = lo2;
    lo2 = t;
  }
  return { order, hi, lo };
}

/** Sorts each run of equal high words by low word, then index (keeping the keys beside the indices). */
function sortMixedRuns({ order, hi, lo }: RankOrder): void {
  const n = order.length;
  let start = 0;
  for (let p = 1; p <= n; p++) {
    if (p === n || hi[p] !== hi[start]) {
      if (p - start > 1) {
        const runLo = lo.slice(start, p);
        const runOrder = order.slice(start, p);
        const q = Array.from({ length: p - start }, (_, j) => j);
        q.sort((a, b) => (runLo[a] as number) - (runLo[b] as number) || (runOrder[a] as number) - (runOrder[b] as number));
        for (let j = 0; j < q.length; j++) {
          order[start + j] = runOrder[q[j] as number] as number;
          lo[start + j] = runLo[q[j] as number] as number;
        }
      }
      start = p;
    }
  }
}
