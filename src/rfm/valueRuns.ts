/**
 * A dimension's values in sorted order, run-length encoded: the distinct values ascending, and
 * for each the number of values at or below it (so run `j` occupies sorted positions
 * `[ends[j - 1], ends[j])`, with `ends[-1] = 0`). -0 is stored as +0.
 * @internal
 */
export interface ValueRuns {
  readonly values: Float64Array;
  readonly ends: Int32Array;
}

/** Runs of small-range integers, with the range they lie in: `[min, min + span)`. @internal */
export interface IntegerRuns extends ValueRuns {
  readonly min: number;
  readonly span: number;
}

/**
 * The runs of `values` when every value is an integer in a range of at most `max(2n, 4096)`
 * (days, purchase counts), by one counting pass over a histogram; otherwise `null`.
 * Values must be finite. Cost: O(n + range).
 * @internal
 */
export function smallIntegerRuns(values: Float64Array): IntegerRuns | null {
  const n = values.length;
  if (n === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if ((v | 0) !== v) return null; // not an integer, or outside the int32 range
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range > Math.max(2 * n, 4096)) return null;
  const histogram = new Int32Array(range);
  for (let i = 0; i < n; i++) histogram[(values[i] as number) - min]!++;
  let distinct = 0;
  for (let d = 0; d < range; d++) if (histogram[d]! > 0) distinct++;
  const runValues = new Float64Array(distinct);
  const ends = new Int32Array(distinct);
  let j = 0;
  let end = 0;
  for (let d = 0; d < range; d++) {
    const c = histogram[d] as number;
    if (c === 0) continue;
    end += c;
    runValues[j] = min + d + 0;
    ends[j++] = end;
  }
  return { values: runValues, ends, min, span: range };
}

/**
 * The runs of any finite `values`, by a radix sort of a copy (see {@link sortAscending}).
 * Cost: O(n).
 * @internal
 */
export function sortedRuns(values: Float64Array): ValueRuns {
  const sorted = sortAscending(values);
  const n = sorted.length;
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const runValues = new Float64Array(distinct);
  const ends = new Int32Array(distinct);
  let j = -1;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (i === 0 || v !== sorted[i - 1]) runValues[++j] = v;
    ends[j] = i + 1;
  }
  return { values: runValues, ends };
}

/** The value at sorted position `pos` (0-based, below the count): binary search of the run ends. @internal */
export function valueAt(runs: ValueRuns, pos: number): number {
  const { ends } = runs;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > pos) hi = mid;
    else lo = mid + 1;
  }
  return runs.values[lo] as number;
}

/**
 * A sorted copy of finite `values`, ascending, -0 stored as +0: an LSD radix sort in four 16-bit
 * passes on the IEEE 754 bit patterns turned into unsigned keys of the same order (sign bit set
 * on non-negatives, all bits flipped on negatives); a pass whose digit is the same for every
 * value is skipped. Cost: O(n), about half of `Float64Array.prototype.sort` on a million values.
 * @internal
 */
export function sortAscending(values: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (values[i] as number) + 0; // -0 + 0 === +0
  if (n < 2) return out;
  const words = new Uint32Array(out.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const loOff = littleEndian ? 0 : 1;
  const hiOff = 1 - loOff;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiOff] as number;
    const l = words[2 * i + loOff] as number;
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let hiSpare = new Uint32Array(n);
  let loSpare = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((key[i] as number) >>> shift) & 0xffff]!++;
    if (counts[((key[0] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const p = counts[((key[i] as number) >>> shift) & 0xffff]!++;
      hiSpare[p] = hi[i] as number;
      loSpare[p] = lo[i] as number;
    }
    let t = hi;
    hi = hiSpare;
    hiSpare = t;
    t = lo;
    lo = loSpare;
    loSpare = t;
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i] as number;
    const l = lo[i] as number;
    if (h & 0x80000000) {
      words[2 * i + hiOff] = (h & 0x7fffffff) >>> 0;
      words[2 * i + loOff] = l;
    } else {
      words[2 * i + hiOff] = ~h >>> 0;
      words[2 * i + loOff] = ~l >>> 0;
    }
  }
  return out;
}
