import { InvalidInputError } from '../../errors/InvalidInputError.js';

/** Distinct rows with their total weights, as parallel columns. */
export interface GroupedRows {
  /** One `Float64Array` per input column, each of length `size`. */
  readonly columns: readonly Float64Array[];
  /** Total weight of each distinct row. */
  readonly weights: Float64Array;
  /** Number of distinct rows. */
  readonly size: number;
  /** Sum of all weights (the number of customers when weights are counts). */
  readonly totalWeight: number;
}

/**
 * Collapses identical rows into one row with the summed weight.
 *
 * Rows are tuples formed by the i-th entry of every column; a row is identical to another when
 * every column value is (`===`, so -0 = 0; NaN never matches). Rows keep the order of their first occurrence. Rows
 * of weight 0 are dropped. A likelihood summed over the grouped rows, each term times its weight,
 * equals the sum over the original rows, at a fraction of the cost when many customers share a
 * history (all the one-time buyers observed for the same T, for instance). Cost: O(n * columns)
 * expected (open-addressing hash on the values' bits); rows already distinct and sorted (strictly
 * increasing, column by column, as `compressedSummarySql` returns them) are recognised in
 * one comparison pass and kept as they are, without the hash table (the same result).
 *
 * @param columns - Equal-length numeric columns.
 * @param weights - Optional non-negative weight per row. @defaultValue 1 for every row
 * @returns The distinct rows and their weights.
 * @throws {InvalidInputError} When the columns differ in length or a weight is negative or not finite.
 * @example
 * ```ts
 * import { groupRows } from 'loyalty-score/math';
 * const g = groupRows([[0, 1, 0], [5, 2, 5]]);
 * g.size; // => 2
 * Array.from(g.weights); // => [2, 1]
 * ```
 */
export function groupRows(columns: readonly ArrayLike<number>[], weights?: ArrayLike<number>): GroupedRows {
  const m = columns.length;
  const n = m === 0 ? (weights?.length ?? 0) : columns[0]!.length;
  for (let j = 0; j < m; j++) {
    if (columns[j]!.length !== n) {
      throw new InvalidInputError([
        { code: 'length_mismatch', path: ['options', 'columns'], message: `column ${j} has ${columns[j]!.length} rows, expected ${n}` },
      ]);
    }
  }
  if (weights && weights.length !== n) {
    throw new InvalidInputError([{ code: 'length_mismatch', path: ['options', 'weights'], message: `expected ${n} weights, got ${weights.length}` }]);
  }
  if (strictlyIncreasing(columns, n)) return sortedDistinct(columns, weights, n);
  // Open-addressing hash table over the rows' float bits (much faster than string keys).
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1); // -> first row index of a group
  const groupOf = new Int32Array(capacity);
  const firstRow = new Int32Array(n);
  const outW = new Float64Array(n);
  let groups = 0;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weightOf(weights, i);
    if (w === 0) continue;
    total += w;
    let h = 0x811c9dc5;
    for (let j = 0; j < m; j++) {
      bits[0] = columns[j]![i]! + 0;
      h = Math.imul(h ^ words[0]!, 0x01000193);
      h = Math.imul(h ^ words[1]!, 0x01000193);
    }
    // murmur3's finaliser: the table takes the low bits, which the word-wise FNV steps leave
    // poorly mixed for doubles (a plain shift-xor left ~10 extra probes a row on day-unit data).
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & mask;
    for (;;) {
      const row = table[slot]!;
      if (row === -1) {
        table[slot] = i;
        groupOf[slot] = groups;
        firstRow[groups] = i;
        outW[groups++] = w;
        break;
      }
      let same = true;
      for (let j = 0; j < m; j++) {
        if (columns[j]![row]! !== columns[j]![i]!) {
          same = false;
          break;
        }
      }
      if (same) {
        const g = groupOf[slot]!;
        outW[g] = outW[g]! + w;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const outCols = columns.map((col) => {
    const out = new Float64Array(groups);
    for (let g = 0; g < groups; g++) out[g] = col[firstRow[g]!]! + 0;
    return out;
  });
  return { columns: outCols, weights: outW.slice(0, groups), size: groups, totalWeight: total };
}

/** Whether every row is strictly greater than the one before, comparing column by column (so all are distinct). */
function strictlyIncreasing(columns: readonly ArrayLike<number>[], n: number): boolean {
  const m = columns.length;
  if (m === 0 || n < 2) return false;
  for (let i = 1; i < n; i++) {
    let j = 0;
    // Equal leading columns move the comparison on; NaN is never equal, never greater: not sorted.
    while (j < m && columns[j]![i] === columns[j]![i - 1]) j++;
    if (j === m || !(columns[j]![i]! > columns[j]![i - 1]!)) return false;
  }
  return true;
}

/** {@link groupRows} of distinct rows: the rows of positive weight as they are (weights checked alike). */
function sortedDistinct(columns: readonly ArrayLike<number>[], weights: ArrayLike<number> | undefined, n: number): GroupedRows {
  const keep = new Int32Array(n);
  const outW = new Float64Array(n);
  let size = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weightOf(weights, i);
    if (w === 0) continue;
    total += w;
    keep[size] = i;
    outW[size++] = w;
  }
  const outCols = columns.map((col) => {
    const out = new Float64Array(size);
    for (let g = 0; g < size; g++) out[g] = col[keep[g]!]! + 0;
    return out;
  });
  return { columns: outCols, weights: outW.slice(0, size), size, totalWeight: total };
}

/** Row i's weight (1 without weights), checked finite and non-negative. */
function weightOf(weights: ArrayLike<number> | undefined, i: number): number {
  const w = weights ? weights[i]! : 1;
  if (!(w >= 0) || !Number.isFinite(w)) {
    throw new InvalidInputError([{ code: 'invalid_weight', path: [i, 'weight'], message: 'expected a finite non-negative weight' }]);
  }
  return w;
}
