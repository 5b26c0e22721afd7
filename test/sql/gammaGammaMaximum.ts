// The maximum of the Gamma-Gamma likelihood found from the gradient alone, written here apart
// from the library's optimiser: Newton steps on the analytic gradient (Fader & Hardie 2013's
// log-likelihood differentiated), the Hessian by central differences of that gradient.
//
// Why the tests need it: a maximiser that accepts steps by comparing log-likelihood values (as
// every line search does) cannot place a flat ridge's maximum better than about sqrt(machine
// epsilon) along the ridge: there the likelihood changes by less than its own rounding. The
// Gamma-Gamma likelihood has such a ridge (p and gamma move together), so fitGammaGamma's
// parameters are determined to about 1e-7, and any change of the summation order (the same rows
// grouped, an engine adding the spends in another order) moves its stop within that band. The
// gradient keeps its precision there: its zero locates the maximum to about 1e-12, so two data
// sets with the same likelihood give the same polished parameters to 1e-9.
import { digamma, logGamma } from '../../src/math.js';

export interface SpendRows {
  readonly frequency: ArrayLike<number>;
  readonly monetaryValue: ArrayLike<number>;
  /** Customers on each row; every row counts once without. */
  readonly weights?: ArrayLike<number>;
}

/** Rows of the likelihood: repeat customers with a positive mean spend. */
function* terms(rows: SpendRows): Generator<[x: number, m: number, w: number]> {
  for (let i = 0; i < rows.frequency.length; i++) {
    const x = rows.frequency[i]!;
    const m = rows.monetaryValue[i]!;
    const w = rows.weights === undefined ? 1 : rows.weights[i]!;
    if (x > 0 && m > 0 && w > 0) yield [x, m, w];
  }
}

/** The Gamma-Gamma log-likelihood summed over the rows. */
export function gammaGammaLogLikelihood(rows: SpendRows, p: number, q: number, g: number): number {
  let total = 0;
  for (const [x, m, w] of terms(rows)) {
    const px = p * x;
    total += w * (logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(g) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(g + x * m));
  }
  return total;
}

/** Its gradient in (p, q, gamma). */
function gradient(rows: SpendRows, t: readonly number[]): number[] {
  const [p, q, g] = t as [number, number, number];
  let dp = 0;
  let dq = 0;
  let dg = 0;
  for (const [x, m, w] of terms(rows)) {
    const px = p * x;
    const s = g + x * m;
    const psi = digamma(px + q);
    dp += w * x * (psi - digamma(px) + Math.log(m) + Math.log(x) - Math.log(s));
    dq += w * (psi - digamma(q) + Math.log(g) - Math.log(s));
    dg += w * (q / g - (px + q) / s);
  }
  return [dp, dq, dg];
}

/** Solves the 3x3 system a z = b (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * z[k]!;
    z[r] = s / m[r]![r]!;
  }
  return z;
}

/**
 * Newton's method on the gradient from a start near the maximum (a fit's parameters), until a
 * step changes every parameter by less than 1e-13 relative (at most 30 steps).
 */
export function polishGammaGamma(rows: SpendRows, start: { readonly p: number; readonly q: number; readonly gamma: number }): { p: number; q: number; gamma: number; steps: number } {
  let t = [start.p, start.q, start.gamma];
  for (let step = 1; step <= 30; step++) {
    const g0 = gradient(rows, t);
    const hessian = [0, 1, 2].map((j) => {
      const h = 1e-6 * t[j]!;
      const up = gradient(rows, t.map((v, k) => (k === j ? v + h : v)));
      const down = gradient(rows, t.map((v, k) => (k === j ? v - h : v)));
      return up.map((u, i) => (u - down[i]!) / (2 * h));
    });
    // The Hessian is symmetric: hessian[j][i] = d g_i / d t_j.
    const dz = solve([0, 1, 2].map((i) => [0, 1, 2].map((j) => hessian[j]![i]!)), g0.map((v) => -v));
    const next = t.map((v, i) => v + dz[i]!);
    const done = next.every((v, i) => Math.abs(v - t[i]!) <= 1e-13 * Math.abs(v));
    t = next;
    if (done) return { p: t[0]!, q: t[1]!, gamma: t[2]!, steps: step };
  }
  throw new Error(`Newton on the Gamma-Gamma gradient did not settle from ${JSON.stringify(start)}`);
}
