import { logGamma } from '../../math/special.js';

/**
 * P(X(t) = n) for a Pareto/NBD customer alive at time 0.
 *
 * Alive through t: NB(n; r, α, t) · (β/(β+t))^s; dropped out at τ < t:
 * ∫_0^t s β^s (β+τ)^-(s+1) · Γ(r+n)/(Γ(r) n!) α^r τ^n (α+τ)^-(r+n) dτ, integrated by adaptive
 * Simpson on the log-scaled integrand (relative tolerance 1e-12). This equals the closed form of
 * Fader & Hardie's note "Deriving an expression for P(X(t) = x) under the Pareto/NBD model" (2006).
 * @internal
 */
export function paretoNbdPmfNew(n: number, t: number, r: number, alpha: number, s: number, beta: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const logC = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
  const alive = Math.exp(logC + r * Math.log(alpha / (alpha + t)) + (n === 0 ? 0 : n * Math.log(t / (alpha + t))) + s * Math.log(beta / (beta + t)));
  const logF = (tau: number): number =>
    Math.log(s) +
    s * Math.log(beta) -
    (s + 1) * Math.log(beta + tau) +
    logC +
    r * Math.log(alpha) +
    (n === 0 ? 0 : tau === 0 ? -Infinity : n * Math.log(tau)) -
    (r + n) * Math.log(alpha + tau);
  // Scale by the largest value on a coarse grid to keep the integrand near 1.
  let scale = -Infinity;
  for (let i = 0; i <= 64; i++) scale = Math.max(scale, logF((t * i) / 64));
  if (scale === -Infinity) return alive;
  const f = (tau: number): number => Math.exp(logF(tau) - scale);
  const fa = f(0);
  const fm = f(t / 2);
  const fb = f(t);
  const whole = ((fa + 4 * fm + fb) * t) / 6;
  const integral = simpson(f, 0, t, fa, fm, fb, whole, 1e-13 * Math.max(whole, 1e-300), 60);
  return alive + Math.exp(scale) * integral;
}

function simpson(f: (x: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number {
  const m = 0.5 * (a + b);
  const lm = f(0.5 * (a + m));
  const rm = f(0.5 * (m + b));
  const left = ((fa + 4 * lm + fm) * (m - a)) / 6;
  const right = ((fm + 4 * rm + fb) * (b - m)) / 6;
  const delta = left + right - whole;
  if (depth <= 0 || Math.abs(delta) <= 15 * tol) return left + right + delta / 15;
  return simpson(f, a, m, fa, lm, fm, left, tol / 2, depth - 1) + simpson(f, m, b, fm, rm, fb, right, tol / 2, depth - 1);
}
