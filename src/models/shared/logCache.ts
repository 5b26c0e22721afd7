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
