import { logGamma } from './logGamma.js';

/** Signed log of a value: `value = sign * exp(log)`. */
export interface SignedLog {
  readonly log: number;
  readonly sign: -1 | 0 | 1;
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) in signed log form, for real z < 1.
 *
 * Sums the power series Σ (a)_k (b)_k / ((c)_k k!) z^k, rescaling as it goes so that huge terms
 * (large x in the BTYD models) cannot overflow. Negative z is mapped into (0, 1) by Pfaff's
 * transformation 2F1(a, b; c; z) = (1 - z)^-a 2F1(a, c - b; c; z / (z - 1)); for 0 <= z < 1,
 * Euler's transformation 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c - a, c - b; c; z) is used when it
 * makes the terms decay faster (a + b > c with c - a, c - b >= 0). Very close to 1 (1 - z < 1e-3),
 * where the series would need tens of thousands of terms or more, the connection formula to 1 - z
 * (Abramowitz & Stegun 15.3.6) is used instead whenever both of its series shrink from their first
 * terms (ratio below 1/2);
 * when c - a - b is within 1e-6 of an integer n (where that formula is 0/0) it is evaluated at
 * c - a - b = n ± 1e-6 and interpolated linearly (relative error about 1e-10 for parameters of
 * order 1, 1e-7 measured with parameters near 100). Cost: O(number of terms), about
 * log(1e-17) / log(z); at most `maxTerms`.
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter (not a non-positive integer).
 * @param z - Argument, < 1.
 * @param maxTerms - Cap on the number of series terms. @defaultValue 1_000_000
 * @returns `{ log, sign }` with 2F1 = sign * exp(log); `{ log: NaN, sign: 0 }` for z >= 1, for c a
 *   non-positive integer, or when the series has not converged within `maxTerms` terms.
 * @example
 * ```ts
 * import { logHyp2f1 } from 'loyalty-score/math';
 * // 2F1(1, 1; 2; z) = -log(1 - z) / z
 * Math.exp(logHyp2f1(1, 1, 2, 0.5).log); // ~> 1.3862943611198906 (1e-13)
 * ```
 */
export function logHyp2f1(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): SignedLog {
  if (!(z < 1) || Number.isNaN(a + b + c)) return NO_VALUE;
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 };
  if (z < 0) {
    const inner = logHyp2f1(a, c - b, c, z / (z - 1), maxTerms);
    return { log: inner.log - a * Math.log1p(-z), sign: inner.sign };
  }
  if (1 - z < 1e-3) {
    const y = 1 - z;
    const d = c - a - b - Math.round(c - a - b);
    if (Math.abs(d) >= NUDGE) {
      if (connectionConverges(a, b, c, y)) return nearOne(a, b, c, z, maxTerms);
    } else if (connectionConverges(a, b, c - d - NUDGE, y) && connectionConverges(a, b, c - d + NUDGE, y)) {
      // c - a - b (almost) an integer: interpolate linearly between c - a - b = integer ± NUDGE.
      const lo = nearOne(a, b, c - d - NUDGE, z, maxTerms);
      const hi = nearOne(a, b, c - d + NUDGE, z, maxTerms);
      const w = (d + NUDGE) / (2 * NUDGE);
      return signedLogSum(lo.log + Math.log1p(-w), lo.sign, hi.log + Math.log(w), hi.sign);
    }
  }
  if (a + b > c && c - a >= 0 && c - b >= 0) {
    const inner = logHyp2f1Series(c - a, c - b, c, z, maxTerms);
    return { log: inner.log + (c - a - b) * Math.log1p(-z), sign: inner.sign };
  }
  return logHyp2f1Series(a, b, c, z, maxTerms);
}

const NO_VALUE: SignedLog = { log: NaN, sign: 0 };

/** Whether both series of the connection formula shrink from their first terms (ratios below 1/2). */
function connectionConverges(a: number, b: number, c: number, y: number): boolean {
  const m = c - a - b;
  // A denominator below 1 in size (1 ± m near 0 when m is near an integer) is counted as 1: that
  // term's size is what the interpolation between the two nudged evaluations cancels.
  const ratio = (p: number, q: number, r: number, k: number): number => Math.abs(((p + k) * (q + k)) / (Math.max(Math.abs(r + k), 1) * (k + 1))) * y;
  return ratio(a, b, 1 - m, 0) < 0.5 && ratio(a, b, 1 - m, 1) < 0.5 && ratio(c - a, c - b, 1 + m, 0) < 0.5 && ratio(c - a, c - b, 1 + m, 1) < 0.5;
}
const NUDGE = 1e-6;

/**
 * Connection formula to y = 1 - z for non-integer m = c - a - b:
 * 2F1(a, b; c; z) = Γ(c)Γ(m)/(Γ(c-a)Γ(c-b)) 2F1(a, b; 1-m; y)
 *                 + y^m Γ(c)Γ(-m)/(Γ(a)Γ(b)) 2F1(c-a, c-b; 1+m; y).
 */
function nearOne(a: number, b: number, c: number, z: number, maxTerms: number): SignedLog {
  const m = c - a - b;
  const y = 1 - z;
  const gc = signedLogGamma(c);
  const first = signedLogGamma(m);
  const firstDen = [signedLogGamma(c - a), signedLogGamma(c - b)];
  const second = signedLogGamma(-m);
  const secondDen = [signedLogGamma(a), signedLogGamma(b)];
  let log1 = -Infinity;
  let sign1: -1 | 0 | 1 = 0;
  if (firstDen.every((g) => g.sign !== 0)) {
    const s1 = logHyp2f1Series(a, b, 1 - m, y, maxTerms);
    log1 = gc.log + first.log - firstDen[0]!.log - firstDen[1]!.log + s1.log;
    sign1 = (gc.sign * first.sign * firstDen[0]!.sign * firstDen[1]!.sign * s1.sign) as -1 | 0 | 1;
  }
  let log2 = -Infinity;
  let sign2: -1 | 0 | 1 = 0;
  if (secondDen.every((g) => g.sign !== 0)) {
    const s2 = logHyp2f1Series(c - a, c - b, 1 + m, y, maxTerms);
    log2 = gc.log + second.log - secondDen[0]!.log - secondDen[1]!.log + m * Math.log(y) + s2.log;
    sign2 = (gc.sign * second.sign * secondDen[0]!.sign * secondDen[1]!.sign * s2.sign) as -1 | 0 | 1;
  }
  return signedLogSum(log1, sign1, log2, sign2);
}

/** log |Γ(x)| and the sign of Γ(x); sign 0 at the poles (x = 0, -1, -2, ...), where 1/Γ(x) = 0. */
function signedLogGamma(x: number): SignedLog {
  if (x > 0) return { log: logGamma(x), sign: 1 };
  if (x === Math.floor(x)) return { log: Infinity, sign: 0 };
  return { log: logGamma(x), sign: Math.floor(x) % 2 === 0 ? 1 : -1 };
}

/** sign1·e^log1 + sign2·e^log2 in signed log form (NaN logs propagate). */
function signedLogSum(log1: number, sign1: number, log2: number, sign2: number): SignedLog {
  if (Number.isNaN(log1) || Number.isNaN(log2)) return NO_VALUE;
  if (sign1 === 0 || log1 === -Infinity) return sign2 === 0 ? { log: -Infinity, sign: 0 } : { log: log2, sign: sign2 as -1 | 1 };
  if (sign2 === 0 || log2 === -Infinity) return { log: log1, sign: sign1 as -1 | 1 };
  const top = Math.max(log1, log2);
  const v = sign1 * Math.exp(log1 - top) + sign2 * Math.exp(log2 - top);
  if (v === 0) return { log: -Infinity, sign: 0 };
  return { log: top + Math.log(Math.abs(v)), sign: v > 0 ? 1 : -1 };
}

/** Direct power series in signed-log form, for |z| < 1. */
function logHyp2f1Series(a: number, b: number, c: number, z: number, maxTerms: number): SignedLog {
  // sum and term are kept relative to exp(scale).
  let scale = 0;
  let sum = 1;
  let term = 1;
  let converged = false;
  for (let k = 0; k < maxTerms; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (!Number.isFinite(term)) break;
    if (term === 0) {
      converged = true;
      break;
    }
    const at = Math.abs(term);
    if (at > 1e250 || Math.abs(sum) > 1e250) {
      const m = Math.max(at, Math.abs(sum));
      scale += Math.log(m);
      term /= m;
      sum /= m;
    }
    if (Math.abs(ratio) < 1 && at <= 1e-17 * Math.abs(sum)) {
      converged = true;
      break;
    }
  }
  // A series cut off by maxTerms (z very close to 1) or broken by c = 0, -1, -2, ... has no value.
  if (!converged) return { log: NaN, sign: 0 };
  if (sum === 0) return { log: -Infinity, sign: 0 };
  return { log: scale + Math.log(Math.abs(sum)), sign: sum > 0 ? 1 : -1 };
}
