import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/math/optimize.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
const rosenbrockGradient = (x: Float64Array, out: Float64Array): void => {
  out[0] = -400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!);
  out[1] = 200 * (x[1]! - x[0]! ** 2);
};

describe('minimize', () => {
  it('finds the Rosenbrock minimum (1, 1) with an analytic gradient', () => {
    const res = minimize(rosenbrock, [-1.2, 1], {}, rosenbrockGradient);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
    expect(res.gradientNorm).toBeLessThanOrEqual(1e-8);
  });
  it('finds the Rosenbrock minimum with a numerical gradient', () => {
    const res = minimize(rosenbrock, [-1.2, 1]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 5);
    expect(res.x[1]).toBeCloseTo(1, 5);
  });
  it('backtracks out of a region where f is Infinity or NaN', () => {
    // log barrier: f = x - 10 log(x) defined for x > 0, minimum at x = 10; start far so the first step overshoots into x < 0.
    const f = (x: Float64Array): number => (x[0]! > 0 ? x[0]! - 10 * Math.log(x[0]!) : x[0]! === 0 ? Infinity : NaN);
    const res = minimize(f, [0.01]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(10, 5);
  });
  it('does not throw and reports non-convergence when out of iterations', () => {
    const res = minimize(rosenbrock, [-1.2, 1], { maxIterations: 3 }, rosenbrockGradient);
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(3);
    expect(Number.isFinite(res.value)).toBe(true);
  });
  it('returns at once, unconverged, when f(x0) is not finite', () => {
    const res = minimize(() => NaN, [1, 2]);
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(0);
  });
  it('does not modify x0 and handles a 6-dimensional quadratic', () => {
    const x0 = [1, 2, 3, 4, 5, 6];
    const res = minimize((x) => x.reduce((acc, v, i) => acc + (i + 1) * (v - i) ** 2, 0), x0);
    expect(x0).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < 6; i++) expect(res.x[i]).toBeCloseTo(i, 5);
  });
  it('names an invalid option', () => {
    expect(() => minimize(rosenbrock, [0, 0], { maxIterations: -1 })).toThrow(/options, maxIterations/);
    expect(() => minimize(rosenbrock, [0, 0], { gradientTolerance: 0 })).toThrow(/options, gradientTolerance/);
    expect(() => minimize(rosenbrock, [0, 0], { relativeTolerance: Number.NaN })).toThrow(/options, relativeTolerance/);
  });
  it('takes a Newton step first when given the inverse Hessian (initialInverseHessian)', () => {
    // f = (x0 - 3)^2 + 10 (x1 + 1)^2 + x0 x1: Hessian [[2, 1], [1, 20]], inverse [[20, -1], [-1, 2]] / 39.
    const f = (x: Float64Array): number => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2 + x[0]! * x[1]!;
    const g = (x: Float64Array, out: Float64Array): void => {
      out[0] = 2 * (x[0]! - 3) + x[1]!;
      out[1] = 20 * (x[1]! + 1) + x[0]!;
    };
    const plain = minimize(f, [10, 10], {}, g);
    const newton = minimize(f, [10, 10], { initialInverseHessian: [20 / 39, -1 / 39, -1 / 39, 2 / 39] }, g);
    expect(newton.converged).toBe(true);
    expect(newton.iterations).toBe(1);
    expect(plain.iterations).toBeGreaterThan(1);
    expect(newton.x[0]).toBeCloseTo(plain.x[0]!, 8);
    expect(newton.x[1]).toBeCloseTo(plain.x[1]!, 8);
    expect(() => minimize(f, [0, 0], { initialInverseHessian: [1, 0, 0] })).toThrow(/options, initialInverseHessian/);
    expect(() => minimize(f, [0, 0], { initialInverseHessian: [1, 0, 0, Number.NaN] })).toThrow(/options, initialInverseHessian/);
  });
  it('accepts steps on the gradient where rounding hides the decrease (objectiveResolution)', () => {
    // A smooth convex function whose value carries deterministic noise of 1e-12 relative, as a
    // sum over millions of terms does; the gradient is exact. Near the minimum the decrease a step
    // promises falls below the noise, and the sufficient-decrease test on f fails at random.
    const noisy = (x: Float64Array): number => {
      const v = 5 + Math.exp(x[0]! - 1) - x[0]! + Math.exp(2 * (x[1]! - 2)) - 2 * x[1]! + 0.3 * (x[0]! - 1) * (x[1]! - 2);
      return v * (1 + 1e-12 * Math.sin(1e9 * (x[0]! + 2 * x[1]!)));
    };
    const g = (x: Float64Array, out: Float64Array): void => {
      out[0] = Math.exp(x[0]! - 1) - 1 + 0.3 * (x[1]! - 2);
      out[1] = 2 * Math.exp(2 * (x[1]! - 2)) - 2 + 0.3 * (x[0]! - 1);
    };
    const withFloor = minimize(noisy, [3, 0], { objectiveResolution: 1e-10 }, g);
    const without = minimize(noisy, [3, 0], {}, g);
    expect(withFloor.converged).toBe(true);
    expect(withFloor.stop).toBe('gradient');
    expect(Math.abs(withFloor.x[0]! - 1)).toBeLessThan(1e-9);
    expect(Math.abs(withFloor.x[1]! - 2)).toBeLessThan(1e-9);
    expect(withFloor.evaluations).toBeLessThan(without.evaluations / 2);
    expect(() => minimize(noisy, [0, 0], { objectiveResolution: -1 })).toThrow(/options, objectiveResolution/);
  });
  it('is already converged at a stationary start', () => {
    const res = minimize((x) => x[0]! ** 2, [0]);
    expect(res.converged).toBe(true);
    expect(res.iterations).toBe(0);
  });
});
