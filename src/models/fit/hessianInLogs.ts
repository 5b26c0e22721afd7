/**
 * Hessian of the total negative log-likelihood in u = log θ from the natural-scale gradient g and
 * Hessian H of the log-likelihood: −(θ_i θ_j H_ij + [i = j] θ_i g_i). NaN entries (outside the
 * domain) make the standard errors null, as a numerical Hessian's would.
 * @internal
 */
export function hessianInLogs(
  gradient: (params: Float64Array, out: Float64Array) => void,
  hessian: (params: Float64Array, out: Float64Array) => void,
  u: Float64Array,
): Float64Array {
  const n = u.length;
  const theta = Float64Array.from(u, Math.exp);
  const g = new Float64Array(n);
  const H = new Float64Array(n * n);
  gradient(theta, g);
  hessian(theta, H);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) H[i * n + j] = -theta[i]! * theta[j]! * H[i * n + j]!;
    H[i * n + i] = H[i * n + i]! - theta[i]! * g[i]!;
  }
  return H;
}
