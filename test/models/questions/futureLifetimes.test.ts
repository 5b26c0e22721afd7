// probabilityOfPurchase (Pareto/NBD) and probabilityAliveAt (BG/BB) against an independent
// implementation of the published formulas: lifetimes 0.11.3 (PyPI), computed by
// test/bench/peers/lifetimes_future_reference.py (2026-12-02) at the published parameters.
// - Pareto/NBD: 1 − ParetoNBDFitter.conditional_probability_of_n_purchases_up_to_time(0, t, x, t_x, T),
//   eq. 16 of Fader & Hardie's note 028 ("Deriving the conditional PMF of the Pareto/NBD model");
// - BG/BB: BetaGeoBetaBinomFitter.conditional_probability_alive(m, x, t_x, n), P(alive at
//   opportunity n + m), eq. A10 of Fader, Hardie & Shang (2010); ours at t = m − 1 (t counts the
//   opportunities after n + 1).
import { describe, expect, it } from 'vitest';
import { bgBb } from '../../../src/models/bgbb/bgBb.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import { probabilityAliveAt } from '../../../src/models/questions/probabilityAliveAt.js';
import { probabilityOfPurchase } from '../../../src/models/questions/probabilityOfPurchase.js';

const PARETO: readonly (readonly [number, number, number, number, number])[] = [
  // x, t_x, T, t, P(purchase in (T, T+t]) by lifetimes
  [0, 0, 38.86, 13, 0.03344490906376518],
  [0, 0, 38.86, 52, 0.0799040483852036],
  [1, 1.71, 38.86, 13, 0.047906488017922966],
  [1, 1.71, 38.86, 52, 0.09552017485920039],
  [2, 30.43, 38.86, 13, 0.366906481897065],
  [2, 30.43, 38.86, 52, 0.631516794395308],
  [7, 35, 38, 13, 0.7554273021369629],
  [7, 35, 38, 52, 0.8810104771055499],
  [20, 30, 39, 13, 0.33235611395485454],
  [20, 30, 39, 52, 0.3347884095934993],
];
const BGBB: readonly (readonly [number, number, number, number, number])[] = [
  // x, t_x, n, m, P(alive at n + m) by lifetimes
  [0, 0, 6, 1, 0.10801658416867378],
  [0, 0, 6, 2, 0.10121898878564521],
  [0, 0, 6, 6, 0.08203915064234532],
  [1, 1, 6, 1, 0.06940809320654888],
  [1, 1, 6, 2, 0.06504017009958503],
  [1, 1, 6, 6, 0.052715803394395744],
  [3, 4, 6, 1, 0.43946285705567345],
  [3, 4, 6, 2, 0.4118070048444113],
  [3, 4, 6, 6, 0.333774297800483],
  [6, 6, 6, 1, 0.930402542372872],
  [6, 6, 6, 2, 0.8718513478959586],
  [6, 6, 6, 6, 0.7066455111425906],
  [2, 5, 6, 1, 0.8044715946413233],
  [2, 5, 6, 2, 0.7538453649785505],
  [2, 5, 6, 6, 0.6110003093340515],
];

describe('against lifetimes’ implementations of the published formulas', () => {
  it('Pareto/NBD: P(purchase in (T, T+t]) equals 1 − note 028 eq. 16 to 1e-8', () => {
    const model = paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
    for (const [x, tx, T, t, expected] of PARETO) {
      const got = probabilityOfPurchase(model, { frequency: x, recency: tx, T }, t);
      expect(Math.abs(got - expected), `x=${x} t_x=${tx} T=${T} t=${t}: ${got} vs ${expected}`).toBeLessThan(1e-8);
    }
  });

  it('BG/BB: P(alive at opportunity n + m) equals FHS 2010 eq. A10 to 1e-12', () => {
    const model = bgBb({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    for (const [x, tx, n, m, expected] of BGBB) {
      const got = probabilityAliveAt(model, { frequency: x, recency: tx, periods: n }, m - 1);
      expect(Math.abs(got - expected), `x=${x} t_x=${tx} n=${n} m=${m}: ${got} vs ${expected}`).toBeLessThan(1e-12);
    }
  });
});
