import { logBeta } from '../../math/logBeta.js';

/** Terms summed exactly before the asymptotic tail. */
const EXACT_TERMS = 1 << 18;

/**
 * Σ_{k>=0} S(n + 1 + k) / S(n) for the BdW, S(t) = B(α, β + t^c) / B(α, β), when α c > 1.
 *
 * The terms up to t = M = n + 2^18 are summed; beyond, B(α, u) = Γ(α) Γ(u) / Γ(u + α) is
 * K (u + (α − 1) / 2)^(−α) to a relative O(1/u²), so with γ = β + (α − 1) / 2 the tail is the
 * Euler–Maclaurin sum of g(t) = K (t^c + γ)^(−α), K matched to S(M):
 * ∫_M^∞ g = K γ^(1/c − α) / c · B(z; α − 1/c, 1/c), z = γ / (M^c + γ) (an incomplete beta
 * function, summed as its series in the small z), minus g(M) / 2 and g'(M) / 12.
 * @internal
 */
export function bdwResidualLifetime(alpha: number, beta: number, c: number, n: number): number {
  const norm = logBeta(alpha, beta);
  const logS = (t: number): number => (t === 0 ? 0 : logBeta(alpha, beta + Math.pow(t, c)) - norm);
  const base = logS(n);
  const M = n + EXACT_TERMS;
  let sum = 0;
  for (let t = n + 1; t <= M; t++) sum += Math.exp(logS(t) - base);
  const gamma = beta + (alpha - 1) / 2;
  const uM = Math.pow(M, c) + gamma;
  const gM = Math.exp(logS(M) - base);
  if (gM === 0) return sum;
  // K = g(M) (M^c + γ)^α; ∫_M^∞ g dt = K γ^(1/c − α) / c · B(z; p, q).
  const p = alpha - 1 / c;
  const q = 1 / c;
  const z = gamma / uM;
  let series = 0;
  let coef = 1; // (1 − q)_k / k!
  for (let k = 0; k < 200; k++) {
    const term = (coef * Math.pow(z, k)) / (p + k);
    series += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(series)) break;
    coef *= (k + 1 - q) / (k + 1);
  }
  // K γ^(1/c − α) z^p / c · series, with K z^p γ^(1/c − α) = g(M) uM^α (γ / uM)^p γ^(1/c − α) = g(M) uM^(1/c).
  const integral = (gM * Math.pow(uM, q) * series) / c;
  const slope = (-alpha * c * Math.pow(M, c - 1)) / uM; // g'(M) / g(M)
  return sum + integral - gM / 2 - (gM * slope) / 12;
}
