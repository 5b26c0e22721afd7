import { expect } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import type { BtydCustomer, PurchaseModel } from '../../../src/models/types.js';

/** Σ_n P(n) and Σ_n n P(n) for n = 0 .. nMax - 1. */
export function pmfMoments(pmf: (n: number) => number, nMax: number): { total: number; mean: number } {
  let total = 0;
  let mean = 0;
  for (let n = 0; n < nMax; n++) {
    const p = pmf(n);
    total += p;
    mean += n * p;
  }
  return { total, mean };
}

/**
 * Every output of a continuous purchase model is finite and in range for customer `c`, horizon
 * `t` and count `n`. The one documented refusal is allowed: an InvalidInputError on ['options', 't']
 * when the hypergeometric series would need more than 1e7 terms (thousands of purchases, tiny α,
 * t far beyond α + T).
 */
export function expectFiniteOutputs(model: PurchaseModel<unknown>, c: BtydCustomer, t: number, n: number): void {
  let values: number[];
  try {
    values = [model.probabilityAlive(c), model.expectedPurchases(t, c), model.expectedPurchasesNewCustomer(t), model.purchaseProbability(n, t), model.purchaseProbability(n, t, c)];
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).issues[0].path).toEqual(['options', 't']);
    return;
  }
  for (const v of values) expect(Number.isFinite(v) && v >= 0).toBe(true);
  expect(values[0]! <= 1 && values[3]! <= 1 + 1e-9 && values[4]! <= 1 + 1e-9).toBe(true);
}

/** The gradient that `f` writes agrees with central differences (step 1e-6 relative) to 1e-6 relative. */
export function expectGradientMatchesDifferences(f: (p: Float64Array, grad: Float64Array | null) => number, params: readonly number[]): void {
  const g = new Float64Array(params.length);
  f(Float64Array.from(params), g);
  for (let i = 0; i < params.length; i++) {
    const h = 1e-6 * params[i]!;
    const up = Float64Array.from(params);
    const down = Float64Array.from(params);
    up[i] = params[i]! + h;
    down[i] = params[i]! - h;
    const numeric = (f(up, null) - f(down, null)) / (2 * h);
    expect(Math.abs(g[i]! - numeric), `parameter ${i}: analytic ${g[i]}, numeric ${numeric}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
  }
}

/**
 * The Hessian that `hessian` writes (row-major) is symmetric and agrees with five-point central
 * differences (step 1e-4 relative, truncation error O(h⁴)) of the analytic gradient of `f` to 1e-6
 * relative, plus the rounding such a difference carries: 100 ulp of the largest gradient component
 * over the step.
 */
export function expectHessianMatchesDifferences(
  f: (p: Float64Array, grad: Float64Array | null) => number,
  hessian: (p: Float64Array, out: Float64Array) => void,
  params: readonly number[],
): void {
  const n = params.length;
  const H = new Float64Array(n * n);
  hessian(Float64Array.from(params), H);
  const gradientAt = (i: number, step: number): Float64Array => {
    const p = Float64Array.from(params);
    p[i] = params[i]! + step;
    const g = new Float64Array(n);
    f(p, g);
    return g;
  };
  for (let i = 0; i < n; i++) {
    const h = 1e-4 * params[i]!;
    const [up, down, up2, down2] = [gradientAt(i, h), gradientAt(i, -h), gradientAt(i, 2 * h), gradientAt(i, -2 * h)];
    const largest = Math.max(...[up, down, up2, down2].flatMap((g) => Array.from(g, Math.abs)));
    for (let j = 0; j < n; j++) {
      const numeric = (8 * (up[j]! - down[j]!) - (up2[j]! - down2[j]!)) / (12 * h);
      const got = H[i * n + j]!;
      expect(got, `H[${i}][${j}] vs H[${j}][${i}]`).toBe(H[j * n + i]!);
      const tolerance = 1e-6 * Math.max(1, Math.abs(numeric)) + (100 * Number.EPSILON * largest) / h;
      expect(Math.abs(got - numeric), `H[${i}][${j}]: analytic ${got}, numeric ${numeric}`).toBeLessThan(tolerance);
    }
  }
}
