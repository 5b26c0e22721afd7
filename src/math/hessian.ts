/**
 * Numerical Hessians and the inverse of a symmetric positive-definite matrix (for standard errors).
 * Matrices are dense, row-major `Float64Array`s of length n * n.
 */

const FOURTH_ROOT_EPS = 1.220703125e-4;
const CUBE_ROOT_EPS = 6.055454452393343e-6;

/**
 * Numerical Hessian of `f` at `x` (row-major n x n, symmetrised).
 *
 * With an analytic `gradient`, central differences of the gradient (step `cbrt(eps) * max(1, |x_i|)`,
 * 2n gradient calls); otherwise second central differences of `f` (step `eps^(1/4) * max(1, |x_i|)`,
 * 2n^2 + 1 calls). Either way the result is symmetrised as `(H + H^T) / 2`.
 *
 * @param f - The function.
 * @param x - The point (not modified).
 * @param gradient - Optional analytic gradient of `f`.
 * @returns The n x n Hessian, row-major.
 * @example
 * ```ts
 * import { numericalHessian } from 'loyalty-score/math';
 * const H = numericalHessian((x) => x[0]! * x[0]! * x[1]!, Float64Array.of(1, 2));
 * H[0]; // ~> 4 (1e-5)
 * H[1]; // ~> 2 (1e-5)
 * H[3]; // ~> 0 (1e-5)
 * ```
 */
export function numericalHessian(
  f: (x: Float64Array) => number,
  x: Float64Array,
  gradient?: (x: Float64Array, out: Float64Array) => void,
): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const xi = Float64Array.from(x);
  if (gradient) {
    const gp = new Float64Array(n);
    const gm = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const h = CUBE_ROOT_EPS * Math.max(1, Math.abs(x[i]!));
      xi[i] = x[i]! + h;
      gradient(xi, gp);
      xi[i] = x[i]! - h;
      gradient(xi, gm);
      xi[i] = x[i]!;
      for (let j = 0; j < n; j++) H[i * n + j] = (gp[j]! - gm[j]!) / (2 * h);
    }
  } else {
    const f0 = f(xi);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) h[i] = FOURTH_ROOT_EPS * Math.max(1, Math.abs(x[i]!));
    for (let i = 0; i < n; i++) {
      const hi = h[i]!;
      xi[i] = x[i]! + hi;
      const fp = f(xi);
      xi[i] = x[i]! - hi;
      const fm = f(xi);
      xi[i] = x[i]!;
      H[i * n + i] = (fp - 2 * f0 + fm) / (hi * hi);
      for (let j = 0; j < i; j++) {
        const hj = h[j]!;
        const at = (si: number, sj: number): number => {
          xi[i] = x[i]! + si * hi;
          xi[j] = x[j]! + sj * hj;
          const v = f(xi);
          xi[i] = x[i]!;
          xi[j] = x[j]!;
          return v;
        };
        const v = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * hi * hj);
        H[i * n + j] = v;
        H[j * n + i] = v;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (H[i * n + j]! + H[j * n + i]!);
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}

/**
 * Cholesky factor L (lower triangular, A = L L^T) of a symmetric matrix, or `null` when the
 * matrix is not (numerically) positive definite or has a non-finite entry.
 *
 * Cost O(n^3 / 3).
 *
 * @param A - Symmetric n x n matrix, row-major (only the lower triangle is read).
 * @param n - The dimension.
 * @returns L row-major (upper triangle zero), or `null`.
 * @example
 * ```ts
 * import { cholesky } from 'loyalty-score/math';
 * Array.from(cholesky(Float64Array.of(4, 2, 2, 5), 2) ?? []); // => [2, 0, 1, 2]
 * cholesky(Float64Array.of(1, 2, 2, 1), 2); // => null
 * ```
 */
export function cholesky(A: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let acc = A[i * n + j]!;
      for (let k = 0; k < j; k++) acc -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(acc > 0) || !Number.isFinite(acc)) return null;
        L[i * n + i] = Math.sqrt(acc);
      } else {
        L[i * n + j] = acc / L[j * n + j]!;
      }
    }
  }
  return L;
}

/**
 * Inverse of a symmetric positive-definite matrix via its Cholesky factor, or `null` when it is
 * not positive definite.
 *
 * Cost O(n^3).
 *
 * @param A - Symmetric n x n matrix, row-major.
 * @param n - The dimension.
 * @returns A^-1 row-major (exactly symmetric), or `null`.
 * @example
 * ```ts
 * import { invertSymmetric } from 'loyalty-score/math';
 * Array.from(invertSymmetric(Float64Array.of(4, 0, 0, 16), 2) ?? []); // => [0.25, 0, 0, 0.0625]
 * ```
 */
export function invertSymmetric(A: Float64Array, n: number): Float64Array | null {
  const L = cholesky(A, n);
  if (!L) return null;
  // Invert L (lower triangular), then A^-1 = L^-T L^-1.
  const Li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    Li[i * n + i] = 1 / L[i * n + i]!;
    for (let j = 0; j < i; j++) {
      let acc = 0;
      for (let k = j; k < i; k++) acc -= L[i * n + k]! * Li[k * n + j]!;
      Li[i * n + j] = acc / L[i * n + i]!;
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let acc = 0;
      for (let k = i; k < n; k++) acc += Li[k * n + i]! * Li[k * n + j]!;
      inv[i * n + j] = acc;
      inv[j * n + i] = acc;
    }
  }
  return inv;
}
