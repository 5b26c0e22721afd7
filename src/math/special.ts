/**
 * Special functions for the probability models: log-gamma, log-beta, digamma, log-space sums and
 * the Gauss hypergeometric function. All are pure and allocation-free.
 */

const HALF_LOG_2PI = 0.9189385332046728;
// Lanczos approximation, g = 607/128, 15 terms (Godfrey's coefficients).
const LANCZOS_G = 4.7421875;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
] as const;

/**
 * Natural logarithm of the gamma function, log Γ(x), for x > 0 (and log |Γ(x)| for negative non-integers).
 *
 * Stirling's series with seven correction terms for x >= 10 (relative error below 1e-15); the
 * Lanczos approximation (g = 607/128, Godfrey's 15 coefficients) below 10, whose absolute error is
 * about 1e-15; reflection for x < 0.5. Non-positive integers give `Infinity`. O(1).
 *
 * @param x - The argument.
 * @returns log Γ(x).
 * @example
 * ```ts
 * import { logGamma } from 'loyalty-score';
 * logGamma(5); // ~> 3.1780538303479458 (1e-14)
 * logGamma(0.5); // ~> 0.5723649429247001 (1e-14)
 * ```
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x >= 10) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series =
      inv *
      (1 / 12 +
        inv2 *
          (-1 / 360 +
            inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  if (x < 0.5) {
    if (x === Math.floor(x)) return Infinity;
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let acc = LANCZOS[0];
  for (let i = 1; i < 15; i++) acc += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(acc);
}

/**
 * Natural logarithm of the beta function, log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b).
 *
 * O(1).
 *
 * @param a - First argument, > 0.
 * @param b - Second argument, > 0.
 * @returns log B(a, b).
 * @example
 * ```ts
 * import { logBeta } from 'loyalty-score';
 * logBeta(2, 3); // ~> -2.4849066497880004 (1e-14)
 * ```
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x), for x > 0.
 *
 * Upward recurrence to x >= 10, then the asymptotic series (relative error about 1e-15). O(1).
 *
 * @param x - The argument, > 0 (negative non-integers use reflection).
 * @returns ψ(x).
 * @example
 * ```ts
 * import { digamma } from 'loyalty-score';
 * digamma(1); // ~> -0.5772156649015329 (1e-14)
 * ```
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (x === Math.floor(x)) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    acc +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))))
  );
}

/**
 * log(exp(a) + exp(b)) without overflow or underflow.
 *
 * @param a - A log-value (may be -Infinity).
 * @param b - A log-value (may be -Infinity).
 * @returns log(e^a + e^b).
 * @example
 * ```ts
 * import { logAddExp } from 'loyalty-score';
 * logAddExp(1000, 1000); // ~> 1000.6931471805599 (1e-12)
 * ```
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * log(exp(a) - exp(b)) for a >= b, without overflow; `-Infinity` when a = b, `NaN` when a < b.
 *
 * @param a - The larger log-value.
 * @param b - The smaller log-value.
 * @returns log(e^a - e^b).
 * @example
 * ```ts
 * import { logSubExp } from 'loyalty-score';
 * logSubExp(Math.log(5), Math.log(3)); // ~> 0.6931471805599453 (1e-14)
 * ```
 */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (a < b) return NaN;
  if (a === b) return -Infinity;
  const d = b - a;
  // log(1 - e^d): log(-expm1(d)) near 0, log1p(-exp(d)) for very negative d.
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/**
 * log(sum(exp(values))) over an array, without overflow; `-Infinity` for an empty array.
 *
 * @param values - Log-values.
 * @returns The log of the sum of their exponentials.
 * @example
 * ```ts
 * import { logSumExp } from 'loyalty-score';
 * logSumExp([0, 0, 0, 0]); // ~> 1.3862943611198906 (1e-14)
 * ```
 */
export function logSumExp(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  if (m === -Infinity || m === Infinity) return m;
  let acc = 0;
  for (let i = 0; i < values.length; i++) acc += Math.exp(values[i]! - m);
  return m + Math.log(acc);
}

/**
 * (1 - (1 + u)^(-k)) / k, stable for k near 0 (limit log(1 + u)) and small u. Used by the
 * Pareto/NBD expectations, where k = s - 1.
 *
 * @param u - Relative increment, > -1.
 * @param k - Exponent.
 * @returns (1 - (1 + u)^-k) / k.
 * @example
 * ```ts
 * import { oneMinusPowOverK } from 'loyalty-score';
 * oneMinusPowOverK(1, 1); // ~> 0.5 (1e-15)
 * oneMinusPowOverK(1, 0); // ~> 0.6931471805599453 (1e-15)
 * ```
 */
export function oneMinusPowOverK(u: number, k: number): number {
  const l = Math.log1p(u);
  if (k === 0) return l;
  return -Math.expm1(-k * l) / k;
}

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
 * makes the terms decay faster (a + b > c with c - a, c - b >= 0). Cost: O(number of terms), about
 * log(1e-17) / log(z) for z near 1; at most `maxTerms`.
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter (not a non-positive integer).
 * @param z - Argument, < 1.
 * @param maxTerms - Cap on the number of series terms. @defaultValue 1_000_000
 * @returns `{ log, sign }` with 2F1 = sign * exp(log); `{ log: NaN, sign: 0 }` for z >= 1.
 * @example
 * ```ts
 * import { logHyp2f1 } from 'loyalty-score';
 * // 2F1(1, 1; 2; z) = -log(1 - z) / z
 * Math.exp(logHyp2f1(1, 1, 2, 0.5).log); // ~> 1.3862943611198906 (1e-13)
 * ```
 */
export function logHyp2f1(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): SignedLog {
  if (!(z < 1)) return { log: NaN, sign: 0 };
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 };
  if (z < 0) {
    const w = z / (z - 1);
    const inner = logHyp2f1Series(a, c - b, c, w, maxTerms);
    return { log: inner.log - a * Math.log1p(-z), sign: inner.sign };
  }
  if (a + b > c && c - a >= 0 && c - b >= 0) {
    const inner = logHyp2f1Series(c - a, c - b, c, z, maxTerms);
    return { log: inner.log + (c - a - b) * Math.log1p(-z), sign: inner.sign };
  }
  return logHyp2f1Series(a, b, c, z, maxTerms);
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1 (see {@link logHyp2f1}).
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter.
 * @param z - Argument, < 1.
 * @returns 2F1(a, b; c; z) (may overflow to ±Infinity where the log form would not).
 * @example
 * ```ts
 * import { hyp2f1 } from 'loyalty-score';
 * hyp2f1(1, 1, 2, 0.5); // ~> 1.3862943611198906 (1e-13)
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1(a, b, c, z);
  return r.sign * Math.exp(r.log);
}

/** Direct power series in signed-log form, for |z| < 1. */
function logHyp2f1Series(a: number, b: number, c: number, z: number, maxTerms: number): SignedLog {
  // sum and term are kept relative to exp(scale).
  let scale = 0;
  let sum = 1;
  let term = 1;
  for (let k = 0; k < maxTerms; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) break;
    const at = Math.abs(term);
    if (at > 1e250 || Math.abs(sum) > 1e250) {
      const m = Math.max(at, Math.abs(sum));
      scale += Math.log(m);
      term /= m;
      sum /= m;
    }
    if (Math.abs(ratio) < 1 && at <= 1e-17 * Math.abs(sum)) break;
    if (!Number.isFinite(term)) break;
  }
  if (sum === 0) return { log: -Infinity, sign: 0 };
  return { log: scale + Math.log(Math.abs(sum)), sign: sum > 0 ? 1 : -1 };
}
