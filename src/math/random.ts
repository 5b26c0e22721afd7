/**
 * A seeded pseudo-random source: a function returning uniforms in [0, 1).
 *
 * Every function in the library that draws random numbers takes one of these, so results are
 * reproducible. Make one with {@link createRng}.
 */
export type Rng = () => number;

/**
 * Creates a seeded pseudo-random generator (xoshiro128**, 2^128 - 1 period).
 *
 * The seed is expanded with SplitMix32, so nearby seeds give unrelated streams. The same seed
 * always gives the same sequence on every JavaScript engine.
 *
 * @param seed - Any finite number; its 32-bit integer part is used.
 * @returns A function returning uniform doubles in [0, 1) with 32 bits of randomness.
 * @example
 * ```ts
 * import { createRng } from 'loyalty-score/math';
 * const a = createRng(42);
 * const b = createRng(42);
 * a() === b(); // => true
 * const u = a();
 * u >= 0 && u < 1; // => true
 * ```
 */
export function createRng(seed: number): Rng {
  let s = seed | 0;
  const next32 = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A standard normal draw (Marsaglia polar method).
 *
 * @example
 * ```ts
 * import { createRng, sampleNormal } from 'loyalty-score/math';
 * const rng = createRng(1);
 * const xs = Array.from({ length: 20000 }, () => sampleNormal(rng));
 * xs.reduce((s, x) => s + x, 0) / xs.length; // ~> 0 (0.03)
 * ```
 */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * A Gamma(shape, rate) draw (Marsaglia & Tsang 2000; shape < 1 by the boost U^(1/shape)).
 * Mean `shape / rate`.
 *
 * @throws `RangeError` unless shape and rate are > 0.
 * @example
 * ```ts
 * import { createRng, sampleGamma } from 'loyalty-score/math';
 * const rng = createRng(2);
 * const xs = Array.from({ length: 20000 }, () => sampleGamma(rng, 0.5, 2));
 * xs.reduce((s, x) => s + x, 0) / xs.length; // ~> 0.25 (0.01)
 * ```
 */
export function sampleGamma(rng: Rng, shape: number, rate = 1): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError(`sampleGamma: shape and rate must be > 0 (got ${shape}, ${rate})`);
  if (shape < 1) {
    const u = 1 - rng();
    return sampleGamma(rng, shape + 1, rate) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return (d * v) / rate;
    }
  }
}

/**
 * A Beta(a, b) draw, from two gamma draws. Mean `a / (a + b)`.
 *
 * @example
 * ```ts
 * import { createRng, sampleBeta } from 'loyalty-score/math';
 * const rng = createRng(3);
 * const xs = Array.from({ length: 20000 }, () => sampleBeta(rng, 2, 6));
 * xs.reduce((s, x) => s + x, 0) / xs.length; // ~> 0.25 (0.01)
 * ```
 */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a);
  const y = sampleGamma(rng, b);
  return x / (x + y);
}

/**
 * An exponential draw with the given rate (mean `1 / rate`).
 *
 * @example
 * ```ts
 * import { createRng, sampleExponential } from 'loyalty-score/math';
 * const rng = createRng(4);
 * const xs = Array.from({ length: 20000 }, () => sampleExponential(rng, 4));
 * xs.reduce((s, x) => s + x, 0) / xs.length; // ~> 0.25 (0.01)
 * ```
 */
export function sampleExponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng()) / rate;
}

/**
 * A geometric draw: number of failures before the first success, success probability `p`
 * (mean `(1 - p) / p`).
 *
 * @example
 * ```ts
 * import { createRng, sampleGeometric } from 'loyalty-score/math';
 * const rng = createRng(5);
 * const xs = Array.from({ length: 20000 }, () => sampleGeometric(rng, 0.25));
 * xs.reduce((s, x) => s + x, 0) / xs.length; // ~> 3 (0.1)
 * ```
 */
export function sampleGeometric(rng: Rng, p: number): number {
  if (p >= 1) return 0;
  return Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
}
