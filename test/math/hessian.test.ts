import { describe, expect, it } from 'vitest';
import { cholesky, invertSymmetric, numericalHessian } from '../../src/math/hessian.js';

describe('numericalHessian', () => {
  const f = (x: Float64Array): number => Math.exp(x[0]!) * x[1]! ** 3 + x[0]! * x[1]!;
  const g = (x: Float64Array, out: Float64Array): void => {
    out[0] = Math.exp(x[0]!) * x[1]! ** 3 + x[1]!;
    out[1] = 3 * Math.exp(x[0]!) * x[1]! ** 2 + x[0]!;
  };
  const x = Float64Array.of(0.3, 1.7);
  const exact = [Math.exp(0.3) * 1.7 ** 3, 3 * Math.exp(0.3) * 1.7 ** 2 + 1, 3 * Math.exp(0.3) * 1.7 ** 2 + 1, 6 * Math.exp(0.3) * 1.7];
  it('from function values agrees with the exact Hessian to 1e-6 relative', () => {
    const H = numericalHessian(f, x);
    exact.forEach((v, i) => expect(Math.abs(H[i]! - v)).toBeLessThan(1e-6 * Math.abs(v)));
  });
  it('from an analytic gradient agrees to 1e-8 relative', () => {
    const H = numericalHessian(f, x, g);
    exact.forEach((v, i) => expect(Math.abs(H[i]! - v)).toBeLessThan(1e-8 * Math.abs(v)));
  });
});

describe('cholesky / invertSymmetric', () => {
  it('inverts a 3x3 SPD matrix (A A^-1 = I)', () => {
    const A = Float64Array.of(4, 1, 2, 1, 3, 0.5, 2, 0.5, 5);
    const inv = invertSymmetric(A, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let acc = 0;
        for (let k = 0; k < 3; k++) acc += A[i * 3 + k]! * inv[k * 3 + j]!;
        expect(acc).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    }
  });
  it('returns null for indefinite or non-finite matrices', () => {
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(invertSymmetric(Float64Array.of(NaN, 0, 0, 1), 2)).toBeNull();
    expect(invertSymmetric(Float64Array.of(0, 0, 0, 0), 2)).toBeNull();
  });
});
