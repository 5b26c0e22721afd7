/**
 * A direct-mapped cache of `Math.log(offset + v)` by `v`, for the vectorised predictions: ages and
 * recencies take few distinct values (whole days, or days over 7), so most logarithms are looked
 * up. A hit returns exactly the value `Math.log(offset + v)` would; a miss computes and stores it.
 * @internal
 */
export class LogCache {
  private readonly keys: Float64Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private readonly offset: number;

  constructor(offset: number, bits = 13) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.offset = offset;
    this.keys = new Float64Array(size).fill(Number.NaN);
    this.values = new Float64Array(size);
  }

  /** `Math.log(offset + v)`. */
  log(v: number): number {
    const h = ((v * 1024) | 0) & this.mask;
    if (this.keys[h] === v) return this.values[h]!;
    const l = Math.log(this.offset + v);
    this.keys[h] = v;
    this.values[h] = l;
    return l;
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
