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
  it('is already converged at a stationary start', () => {
    const res = minimize((x) => x[0]! ** 2, [0]);
    expect(res.converged).toBe(true);
    expect(res.iterations).toBe(0);
  });
});
