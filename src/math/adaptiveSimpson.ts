/**
 * ∫_a^b f by adaptive Simpson quadrature, with a cap on the work.
 *
 * Two passes: a coarse one (absolute tolerance `1e-7 · (b - a) · scale`) to learn the size of the
 * integral, then a fine one to a relative tolerance `relativeTolerance` of that size. Recursion
 * stops at depth 50 and after `maxEvaluations` evaluations of `f` in total, so a spike that the
 * first samples miss cannot make the work explode; the estimate reached so far is then returned.
 * `scale` should bound |f| on [a, b] (1 for an integrand scaled by its maximum).
 *
 * @param f - The integrand, finite on [a, b].
 * @param a - Lower limit.
 * @param b - Upper limit, >= a.
 * @param scale - A bound on |f| (sets the coarse pass's tolerance).
 * @param relativeTolerance - Target relative error of the fine pass.
 * @param maxEvaluations - Cap on evaluations of `f` over both passes.
 * @returns The integral.
 * @internal
 */
export function adaptiveSimpson(
  f: (x: number) => number,
  a: number,
  b: number,
  scale = 1,
  relativeTolerance = 1e-13,
  maxEvaluations = 200_000,
): number {
  if (!(b > a)) return 0;
  const budget = { left: maxEvaluations - 3 };
  const fa = f(a);
  const fm = f(0.5 * (a + b));
  const fb = f(b);
  const whole = ((fa + 4 * fm + fb) * (b - a)) / 6;
  const coarse = step(f, a, b, fa, fm, fb, whole, 1e-7 * (b - a) * scale, 50, budget);
  const tol = relativeTolerance * Math.max(Math.abs(coarse), 1e-300);
  return step(f, a, b, fa, fm, fb, whole, tol, 50, budget);
}

function step(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fm: number,
  fb: number,
  whole: number,
  tol: number,
  depth: number,
  budget: { left: number },
): number {
  if (budget.left < 2) return whole;
  const m = 0.5 * (a + b);
  const lm = f(0.5 * (a + m));
  const rm = f(0.5 * (m + b));
  budget.left -= 2;
  const left = ((fa + 4 * lm + fm) * (m - a)) / 6;
  const right = ((fm + 4 * rm + fb) * (b - m)) / 6;
  const delta = left + right - whole;
  if (depth <= 0 || Math.abs(delta) <= 15 * tol) return left + right + delta / 15;
  return step(f, a, m, fa, lm, fm, left, tol / 2, depth - 1, budget) + step(f, m, b, fm, rm, fb, right, tol / 2, depth - 1, budget);
}
