import { logBeta } from '../../math/logBeta.js';
import { checkParams } from '../shared/checkParams.js';
import type { DiscreteCustomer } from '../types.js';
import { bgBbConstants, bgBbLogL, logAliveTerm, logFuturePmfTerm, logSurvivalSum, type BgBbConstants } from './bgBbMath.js';
import { simulateBgBb } from './simulateBgBb.js';
import type { BgBbModel, BgBbParams } from './types.js';
import { validateDiscreteCustomer, validateOpportunities } from './validateDiscreteCustomer.js';

/**
 * A BG/BB model with given parameters: the beta-geometric/beta-Bernoulli model of discrete-time,
 * non-contractual purchasing (Fader, Hardie & Shang 2010).
 *
 * At each transaction opportunity an alive customer buys with probability p; before each
 * opportunity they drop out for good with probability θ; p ~ Beta(alpha, beta) and
 * θ ~ Beta(gamma, delta) across customers. Histories are (x, t_x, n): x transactions in n
 * opportunities, the last at opportunity t_x. All times are whole opportunities; a fractional
 * `t` is rejected.
 *
 * - `probabilityAlive`: P(alive at opportunity n + 1 | x, t_x, n) = B(α+x, β+n−x)/B(α,β)
 *   · B(γ, δ+n+1)/B(γ,δ) / L (FHS 2010 eq. 11).
 * - `expectedPurchases(n*, c)`: E[X(n, n+n*) | x, t_x, n] = B(α+x+1, β+n−x)/B(α,β)
 *   · Σ_{k=1..n*} B(γ, δ+n+k)/B(γ,δ) / L (eq. 13 written as a finite sum, exact for any γ,
 *   including γ = 1 where the closed form is 0/0).
 * - `purchaseProbability(k, n*, c?)`: P(X(n*) = k) for a new customer (eq. 8) or P(X(n, n+n*) = k | history).
 * - `expectedPurchasesNewCustomer(n*)`: α/(α+β) · Σ_{k=1..n*} B(γ, δ+k)/B(γ,δ) (eq. 9).
 *
 * Cost: O(n − t_x + n*) per customer; the vectorised forms cache identical histories.
 *
 * @param params - alpha, beta, gamma, delta, all finite and `> 0`.
 * @returns The model.
 * @throws InvalidInputError when a parameter is not a finite positive number; the methods throw it
 *   for an invalid history or a fractional or negative number of opportunities.
 * @example
 * ```ts
 * import { bgBb } from 'loyalty-score';
 * const model = bgBb({ alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 });
 * model.expectedPurchasesNewCustomer(10); // ~> 3.1798 (0.0005)
 * model.probabilityAlive({ frequency: 6, recency: 6, periods: 6 }); // ~> 0.9 (0.05)
 * ```
 */
export function bgBb(params: BgBbParams): BgBbModel {
  checkParams(params, ['alpha', 'beta', 'gamma', 'delta'], 'bgBb');
  const frozen: BgBbParams = Object.freeze({ alpha: params.alpha, beta: params.beta, gamma: params.gamma, delta: params.delta });
  const c = bgBbConstants(frozen);

  const logL = (x: number, tx: number, n: number): number => bgBbLogL(c, x, tx, n);
  const alive = (x: number, tx: number, n: number): number => clampProbability(Math.exp(logBeta(c.alpha + x, c.beta + n - x) + logBeta(c.gamma, c.delta + n + 1) - c.logNorm - logL(x, tx, n)));
  const expected = (t: number, x: number, tx: number, n: number): number => {
    if (t === 0) return 0;
    return Math.exp(logBeta(c.alpha + x + 1, c.beta + n - x) - logBeta(c.alpha, c.beta) + logSurvivalSum(c.gamma, c.delta, n, t) - logL(x, tx, n));
  };
  const pmf = (k: number, t: number, x: number, tx: number, n: number): number => conditionalPmf(c, k, t, x, tx, n, logL(x, tx, n));

  const checked = (customer: DiscreteCustomer, where: string | number): DiscreteCustomer => {
    validateDiscreteCustomer(customer, where);
    return customer;
  };

  return {
    model: 'bgbb',
    params: frozen,
    probabilityAlive(customer) {
      const { frequency: x, recency: tx, periods: n } = checked(customer, 'customer');
      return alive(x, tx, n);
    },
    expectedPurchases(t, customer) {
      validateOpportunities(t, 't');
      const { frequency: x, recency: tx, periods: n } = checked(customer, 'customer');
      return expected(t, x, tx, n);
    },
    purchaseProbability(k, t, customer) {
      validateOpportunities(k, 'n');
      validateOpportunities(t, 't');
      if (customer === undefined) return k > t ? 0 : clampProbability(Math.exp(logFuturePmfTerm(c, k, t, 0, 0)));
      const { frequency: x, recency: tx, periods: n } = checked(customer, 'customer');
      return pmf(k, t, x, tx, n);
    },
    expectedPurchasesNewCustomer(t) {
      validateOpportunities(t, 't');
      if (t === 0) return 0;
      return (c.alpha / (c.alpha + c.beta)) * Math.exp(logSurvivalSum(c.gamma, c.delta, 0, t));
    },
    probabilityAliveMany(customers) {
      return mapCached(customers, (x, tx, n) => alive(x, tx, n));
    },
    expectedPurchasesMany(t, customers) {
      validateOpportunities(t, 't');
      return mapCached(customers, (x, tx, n) => expected(t, x, tx, n));
    },
    purchaseProbabilityMany(k, t, customers) {
      validateOpportunities(k, 'n');
      validateOpportunities(t, 't');
      return mapCached(customers, (x, tx, n) => pmf(k, t, x, tx, n));
    },
    simulate(options) {
      return simulateBgBb(frozen, options);
    },
    customerLogLikelihood(customer) {
      const { frequency: x, recency: tx, periods: n } = checked(customer, 'customer');
      return logL(x, tx, n);
    },
  };
}

/** P(X(n, n+t) = k | x, t_x, n): the dead-by-n mass goes to k = 0. */
function conditionalPmf(c: BgBbConstants, k: number, t: number, x: number, tx: number, n: number, logLik: number): number {
  if (k > t) return 0;
  let p = t === 0 ? (k === 0 ? 1 : 0) : Math.exp(logFuturePmfTerm(c, k, t, x, n) - logLik);
  if (t > 0 && k === 0) p += -Math.expm1(logAliveTerm(c, x, n) - logLik);
  return clampProbability(p);
}

function clampProbability(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** Applies `f` to every customer, validating each and evaluating each distinct history once. */
function mapCached(customers: readonly DiscreteCustomer[], f: (x: number, tx: number, n: number) => number): Float64Array {
  const out = new Float64Array(customers.length);
  const cache = new Map<number, number>();
  for (let i = 0; i < customers.length; i++) {
    const cu = customers[i] as DiscreteCustomer;
    validateDiscreteCustomer(cu, i);
    const { frequency: x, recency: tx, periods: n } = cu;
    if (n < 8192) {
      const key = (n * 8192 + tx) * 8192 + x;
      let v = cache.get(key);
      if (v === undefined) {
        v = f(x, tx, n);
        cache.set(key, v);
      }
      out[i] = v;
    } else out[i] = f(x, tx, n);
  }
  return out;
}
