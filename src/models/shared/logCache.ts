/**
 * A direct-mapped cache of `Math.log(offset + v)` by `v`, for the vectorised predictions: ages and
 * recencies take few distinct values (whole days, or days over 7), so most logarithms are looked
 * up. A hit returns exactly the value `Math.log(offset + v)` would; a miss computes and stores it.
 * @internal
 */
export class LogCache {
  private readonly keys: Float64Array;
  private readonly values: Float64Array;
  private readonly shift: number;
  private readonly offset: number;

  constructor(offset: number, bits = 13) {
    const size = 1 << bits;
    this.shift = 32 - bits;
    this.offset = offset;
    this.keys = new Float64Array(size).fill(Number.NaN);
    this.values = new Float64Array(size);
  }

  /** `Math.log(offset + v)`, from the slot of `v` when `v` was the last value stored there. */
  log(v: number): number {
    const h = this.slot(v);
    if (this.keys[h] === v) return this.values[h]!;
    const l = Math.log(this.offset + v);
    this.keys[h] = v;
    this.values[h] = l;
    return l;
  }

  /**
   * The slot of `v` among the cache's `2^bits` slots: the top bits of a multiplicative
   * (Fibonacci) hash of `k = v · 1024` folded by its whole part (`k ^ (k >>> 10)`), so that whole
   * numbers, whose `k` has ten zero low bits, and sevenths alike spread over the slots (4,096
   * whole days take 3,633 of 8,192, and 4,096 sevenths 3,281; the low bits of `k` alone gave them
   * 8 and 56).
   */
  slot(v: number): number {
    const k = (v * 1024) | 0;
    return Math.imul(k ^ (k >>> 10), 0x9e3779b1) >>> this.shift;
  }
}

/**
 * A direct-mapped cache of a deterministic function of (x, t_x, T), for per-customer quantities
 * that cost far more than a lookup (the Pareto/NBD P(alive) series): whole-day histories repeat
 * a lot. A hit returns exactly the value the function returned for that triple.
 * @internal
 */
export class HistoryCache {
  private readonly kx: Float64Array;
  private readonly ktx: Float64Array;
  private readonly kT: Float64Array;
  private readonly values: Float64Array;
  private readonly mask: number;

  constructor(bits = 16) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.kx = new Float64Array(size).fill(Number.NaN);
    this.ktx = new Float64Array(size);
    this.kT = new Float64Array(size);
    this.values = new Float64Array(size);
  }

  /** `f(x, tx, T)`, from the cache when this triple was seen last in its slot. */
  get(x: number, tx: number, T: number, f: (x: number, tx: number, T: number) => number): number {
    let h = Math.imul(x | 0, 0x9e3779b1) ^ Math.imul((tx * 1024) | 0, 0x85ebca77) ^ Math.imul((T * 1024) | 0, 0xc2b2ae3d);
    h = (h ^ (h >>> 15)) & this.mask;
    if (this.kx[h] === x && this.ktx[h] === tx && this.kT[h] === T) return this.values[h]!;
    const v = f(x, tx, T);
    this.kx[h] = x;
    this.ktx[h] = tx;
    this.kT[h] = T;
    this.values[h] = v;
    return v;
  }
}
