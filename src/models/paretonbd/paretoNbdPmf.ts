import { adaptiveSimpson } from '../../math/adaptiveSimpson.js';
import { logGamma } from '../../math/logGamma.js';

/**
 * P(X(t) = n) for a Pareto/NBD customer alive at time 0.
 *
 * Alive through t: NB(n; r, α, t) · (β/(β+t))^s; dropped out at τ < t:
 * ∫_0^t s β^s (β+τ)^-(s+1) · Γ(r+n)/(Γ(r) n!) α^r τ^n (α+τ)^-(r+n) dτ. The integrand has a single
 * maximum at the root τ* of n - (r+n) τ/(α+τ) - (s+1) τ/(β+τ) (a decreasing function of τ, found by
 * bisection); it is scaled by its value there, [0, t] is cut at τ* and then into pieces of doubling
 * length on each side, starting from the peak's width (so that a narrow spike cannot be missed),
 * and each piece is integrated by adaptive Simpson (relative tolerance 1e-13, at most 20,000
 * evaluations per piece). This equals the closed form of Fader & Hardie's note "Deriving an
 * expression for P(X(t) = x) under the Pareto/NBD model" (2006), without its cancelling
 * differences of hypergeometric terms.
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
  const peak = n === 0 ? 0 : peakOf(n, t, r, alpha, s, beta);
  const scale = logF(peak);
  if (scale === -Infinity) return alive;
  const f = (tau: number): number => Math.exp(logF(tau) - scale);
  // Width of the peak: 1/sqrt(-(log f)'') inside, 1/|(log f)'| at an end.
  const d1 = (n === 0 ? 0 : n / peak) - (r + n) / (alpha + peak) - (s + 1) / (beta + peak);
  const d2 = (n === 0 ? 0 : -n / (peak * peak)) + (r + n) / (alpha + peak) ** 2 + (s + 1) / (beta + peak) ** 2;
  const inside = peak > 0 && peak < t;
  let width = inside ? 1 / Math.sqrt(Math.max(-d2, 1e-300)) : 1 / Math.max(Math.abs(d1), 1e-300);
  if (!(width > 0) || !Number.isFinite(width)) width = t;
  // Pieces of doubling length on each side of the peak, so that every piece sees the integrand.
  let integral = 0;
  for (let lo = peak, w = width; lo < t; w *= 2) {
    const hi = Math.min(t, lo + w);
    integral += adaptiveSimpson(f, lo, hi, 1, 1e-13, 20_000);
    lo = hi;
  }
  for (let hi = peak, w = width; hi > 0; w *= 2) {
    const lo = Math.max(0, hi - w);
    integral += adaptiveSimpson(f, lo, hi, 1, 1e-13, 20_000);
    hi = lo;
  }
  return Math.min(1, alive + Math.exp(scale) * integral);
}

/** The maximiser of the dropout integrand on [0, t] for n > 0 (bisection on τ · d log f / dτ). */
function peakOf(n: number, t: number, r: number, alpha: number, s: number, beta: number): number {
  const g = (tau: number): number => n - ((r + n) * tau) / (alpha + tau) - ((s + 1) * tau) / (beta + tau);
  if (g(t) >= 0) return t;
  let lo = 0;
  let hi = t;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (g(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
