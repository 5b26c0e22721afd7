import type { BtydColumns } from '../models/types.js';

/** Customers by distinct purchase history, as {@link distinctHistories} finds them. @internal */
export interface DistinctHistories {
  /** The distinct (x, t_x, T) histories, as columns. */
  readonly histories: BtydColumns;
  /** Number of distinct histories. */
  readonly count: number;
  /** The position in `histories` of each customer's history. */
  readonly group: Int32Array;
}

/**
 * The distinct (frequency, recency, T) histories of columns of customers, and which one each
 * customer has. Histories are the same when their three doubles are the same bit for bit (so
 * 0 and -0 differ, and a NaN is only the same as a NaN of the same bits): every prediction of a
 * purchase model is a function of the history alone, so computing it once per distinct history
 * gives every customer exactly her own value. Half a million customers often share a few
 * hundred thousand histories: every one-time buyer with the same T shares one.
 *
 * The customers are first grouped by (x, T), whose few thousand pairs fit in a small hash table
 * that stays in cache; then, pair by pair (a counting sort on the pair), by t_x within the pair,
 * again in a table the size of the pair. The histories come out pair by pair, not in first-seen
 * order. Cost: O(n) expected; 28 bytes per customer and 24 per distinct history.
 * @internal
 */
export function distinctHistories(columns: BtydColumns): DistinctHistories {
  const n = columns.frequency.length;
  const tw = wordsOf(columns.recency);
  const pairs = pairGroups(wordsOf(columns.frequency), wordsOf(columns.T), n);
  const pair = pairs.group;
  // The customers and the words of their t_x pair by pair (a stable counting sort on the pair).
  const start = new Int32Array(pairs.count + 1);
  for (let i = 0; i < n; i++) start[pair[i]! + 1]!++;
  let largest = 0;
  for (let p = 0; p < pairs.count; p++) {
    largest = Math.max(largest, start[p + 1]!);
    start[p + 1] = start[p + 1]! + start[p]!;
  }
  const position = new Int32Array(n); // each customer's place in that order
  const sorted = new Uint32Array(2 * n);
  const fill = start.slice(0, pairs.count);
  for (let i = 0; i < n; i++) {
    const k = fill[pair[i]!]!++;
    position[i] = k;
    sorted[2 * k] = tw[2 * i]!;
    sorted[2 * k + 1] = tw[2 * i + 1]!;
  }

  // Within each pair, by t_x: a table the size of the pair, cleared pair by pair. The histories
  // are written as words, so they keep the customers' bits.
  const groupSorted = new Int32Array(n);
  const hx = new Uint32Array(2 * n);
  const ht = new Uint32Array(2 * n);
  const hT = new Uint32Array(2 * n);
  const { keys } = pairs;
  const slots = new Int32Array(tableSize(largest)).fill(-1);
  let count = 0;
  for (let p = 0; p < pairs.count; p++) {
    const from = start[p]!;
    const to = start[p + 1]!;
    const mask = tableSize(to - from) - 1;
    for (let k = from; k < to; k++) {
      const lo = sorted[2 * k]!;
      const hi = sorted[2 * k + 1]!;
      let h = mix(lo, hi) & mask;
      let g = slots[h]!;
      while (g !== -1 && !(ht[2 * g] === lo && ht[2 * g + 1] === hi)) {
        h = (h + 1) & mask;
        g = slots[h]!;
      }
      if (g === -1) {
        g = count++;
        ht[2 * g] = lo;
        ht[2 * g + 1] = hi;
        hx[2 * g] = keys[4 * p]!;
        hx[2 * g + 1] = keys[4 * p + 1]!;
        hT[2 * g] = keys[4 * p + 2]!;
        hT[2 * g + 1] = keys[4 * p + 3]!;
        slots[h] = g;
      }
      groupSorted[k] = g;
    }
    slots.fill(-1, 0, mask + 1);
  }
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) group[i] = groupSorted[position[i]!]!;
  const histories = { frequency: doublesOf(hx, count), recency: doublesOf(ht, count), T: doublesOf(hT, count) };
  return { histories, count, group };
}

/** Each customer's (x, T) pair, by the doubles' bits: an open-addressing table that doubles when half full. */
function pairGroups(xw: Uint32Array, Tw: Uint32Array, n: number): { group: Int32Array; count: number; keys: Uint32Array } {
  const group = new Int32Array(n);
  let keys = new Uint32Array(4 * 1024); // the four words of each pair
  let slots = new Int32Array(2048).fill(-1);
  let mask = slots.length - 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x0 = xw[2 * i]!;
    const x1 = xw[2 * i + 1]!;
    const T0 = Tw[2 * i]!;
    const T1 = Tw[2 * i + 1]!;
    let h = pairHash(x0, x1, T0, T1) & mask;
    let g = slots[h]!;
    while (g !== -1 && !(keys[4 * g] === x0 && keys[4 * g + 1] === x1 && keys[4 * g + 2] === T0 && keys[4 * g + 3] === T1)) {
      h = (h + 1) & mask;
      g = slots[h]!;
    }
    if (g === -1) {
      g = count++;
      if (4 * g === keys.length) {
        const grown = new Uint32Array(2 * keys.length);
        grown.set(keys);
        keys = grown;
      }
      keys[4 * g] = x0;
      keys[4 * g + 1] = x1;
      keys[4 * g + 2] = T0;
      keys[4 * g + 3] = T1;
      slots[h] = g;
      if (2 * count > slots.length) {
        slots = new Int32Array(2 * slots.length).fill(-1);
        mask = slots.length - 1;
        for (let k = 0; k < count; k++) {
          let s = pairHash(keys[4 * k]!, keys[4 * k + 1]!, keys[4 * k + 2]!, keys[4 * k + 3]!) & mask;
          while (slots[s] !== -1) s = (s + 1) & mask;
          slots[s] = k;
        }
      }
    }
    group[i] = g;
  }
  return { group, count, keys };
}

/** A hash of the four words of an (x, T) pair. */
function pairHash(x0: number, x1: number, T0: number, T1: number): number {
  return mix(x0 ^ Math.imul(T0, 0x9e3779b1), x1 ^ Math.imul(T1, 0x85ebca77));
}

/** The two 32-bit words of each double of a column, in memory order (copied as they are, they give back the same bits). */
function wordsOf(column: Float64Array): Uint32Array {
  return new Uint32Array(column.buffer, column.byteOffset, 2 * column.length);
}

/** A hash of two 32-bit words (murmur3's finaliser on their mix). */
function mix(lo: number, hi: number): number {
  let h = Math.imul(lo, 0xcc9e2d51) ^ hi;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The first `count` doubles whose words `words` holds in memory order, as a column of their own. */
function doublesOf(words: Uint32Array, count: number): Float64Array {
  return new Float64Array(words.buffer.slice(0, 8 * count));
}

/** A power of two at least twice `k` (so a table of `k` entries is at most half full). */
function tableSize(k: number): number {
  let size = 2;
  while (size < 2 * k) size *= 2;
  return size;
}
