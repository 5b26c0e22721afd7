import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { adaptiveSimpson } from '../../../src/math/adaptiveSimpson.js';
import { createRng, sampleGamma } from '../../../src/math/random.js';
import { logBeta } from '../../../src/math/logBeta.js';
import { bgBb } from '../../../src/models/bgbb/bgBb.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import { probabilityAliveAt } from '../../../src/models/questions/probabilityAliveAt.js';
import { probabilityOfPurchase } from '../../../src/models/questions/probabilityOfPurchase.js';
import type { BtydCustomer } from '../../../src/models/types.js';
import { followBetaGeometric, followBgBb, followParetoNbd, withinBand, type FollowedCustomer } from './futureSimulation.js';

// The published CDNOW estimates (FHL 2005; Fader & Hardie's Pareto/NBD note; Batislam et al. 2007)
// and the donations BG/BB estimates (FHS 2010).
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MBG = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const PNBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const BGBB = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

/** 40,000 customers acquired over 12 weeks and observed to week 39, as the CDNOW cohort. */
const Ts = Array.from({ length: 40_000 }, (_, i) => 27 + (i % 85) / 7);

/** Groups by repeat frequency (0, 1, 2, 3-5, 6+) and checks predicted against simulated counts. */
function checkGroups<C extends { frequency: number }>(followed: readonly FollowedCustomer<C>[], predict: (c: C) => number, event: (f: FollowedCustomer<C>) => boolean): void {
  const groups: [string, (x: number) => boolean][] = [
    ['x = 0', (x) => x === 0],
    ['x = 1', (x) => x === 1],
    ['x = 2', (x) => x === 2],
    ['x 3-5', (x) => x >= 3 && x <= 5],
    ['x 6+', (x) => x >= 6],
  ];
  for (const [label, inGroup] of groups) {
    const members = followed.filter((f) => inGroup(f.history.frequency));
    if (members.length < 50) continue;
    const r = withinBand(members.map((f) => predict(f.history)), members.map(event));
    expect(r.ok, `${label}: ${r.text}`).toBe(true);
  }
}

describe('probabilityOfPurchase and probabilityAliveAt against simulation (seeded, 4-sigma bands per frequency group)', () => {
  it('BG/NBD', () => {
    const model = bgNbd(BG);
    const f13 = followBetaGeometric(BG, Ts, 13, 1, false);
    checkGroups(f13, (c) => probabilityOfPurchase(model, c, 13), (f) => f.buysWithin);
    const f52 = followBetaGeometric(BG, Ts, 52, 2, false);
    checkGroups(f52, (c) => probabilityAliveAt(model, c, 52), (f) => f.aliveAt);
  });

  it('MBG/NBD', () => {
    const model = mbgNbd(MBG);
    const f13 = followBetaGeometric(MBG, Ts, 13, 3, true);
    checkGroups(f13, (c) => probabilityOfPurchase(model, c, 13), (f) => f.buysWithin);
    const f52 = followBetaGeometric(MBG, Ts, 52, 4, true);
    checkGroups(f52, (c) => probabilityAliveAt(model, c, 52), (f) => f.aliveAt);
  });

  it('Pareto/NBD', () => {
    const model = paretoNbd(PNBD);
    const few = Ts.slice(0, 15_000); // the Pareto/NBD pmf is a quadrature per customer
    const f13 = followParetoNbd(PNBD, few, 13, 5);
    checkGroups(f13, (c) => probabilityOfPurchase(model, c, 13), (f) => f.buysWithin);
    const f52 = followParetoNbd(PNBD, few, 52, 6);
    checkGroups(f52, (c) => probabilityAliveAt(model, c, 52), (f) => f.aliveAt);
  });

  it('BG/BB (6 opportunities observed, 5 more)', () => {
    const model = bgBb(BGBB);
    const f = followBgBb(BGBB, 40_000, 6, 5, 7);
    checkGroups(f, (c) => probabilityOfPurchase(model, c, 5), (x) => x.buysWithin);
    checkGroups(f, (c) => probabilityAliveAt(model, c, 5), (x) => x.aliveAt);
  });
});

describe('against the formulas by other routes', () => {
  const customers: BtydCustomer[] = [
    { frequency: 0, recency: 0, T: 38.86 },
    { frequency: 1, recency: 1.71, T: 38.86 },
    { frequency: 2, recency: 30.43, T: 38.86 },
    { frequency: 7, recency: 35, T: 38 },
    { frequency: 40, recency: 30, T: 39 },
  ];

  it('BG/NBD and MBG/NBD purchase: the closed form equals 1 − P(Y(t) = 0 | history) from the conditional pmf (FHL 2005 eq. 8 at the posterior) to 1e-12', () => {
    for (const model of [bgNbd(BG), mbgNbd(MBG)]) {
      for (const c of customers) {
        for (const t of [0.5, 13, 39, 260]) {
          expect(Math.abs(probabilityOfPurchase(model, c, t) - (1 - model.purchaseProbability(0, t, c)))).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('BG/NBD and MBG/NBD alive-at: the hypergeometric form equals E[exp(−λpt)] integrated numerically over the Beta posterior (1e-9 relative)', () => {
    for (const [model, shift] of [[bgNbd(BG), 0], [mbgNbd(MBG), 1]] as const) {
      const { r, alpha, a, b } = model.params;
      for (const c of customers) {
        for (const t of [1, 13, 52, 520]) {
          const b1 = b + c.frequency + shift;
          // E_λ[exp(−λpt)] = (1 + pt/(α+T))^-(r+x); p = u^(1/a) removes the singularity at 0.
          const f = (u: number): number => {
            const p = Math.pow(u, 1 / a);
            return Math.pow(1 + (p * t) / (alpha + c.T), -(r + c.frequency)) * Math.pow(1 - p, b1 - 1);
          };
          const integral = adaptiveSimpson(f, 0, 1, 1, 1e-12, 2_000_000) / a / Math.exp(logBeta(a, b1));
          const expected = model.probabilityAlive(c) * integral;
          const got = probabilityAliveAt(model, c, t);
          expect(Math.abs(got / expected - 1), `${model.model} x=${c.frequency} t=${t}: ${got} vs ${expected}`).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('Pareto/NBD purchase: 1 − P(0 | history) (note 028 route) equals P(alive) · E[λ/(λ+μ)(1 − e^−(λ+μ)t)] over the posterior, by Monte Carlo (4 standard errors)', () => {
    // Alive at T, λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T) independently; given them, she buys in
    // (T, T+t] unless her lifetime ends first: λ/(λ+μ) · (1 − exp(−(λ+μ)t)).
    const model = paretoNbd(PNBD);
    const rng = createRng(9);
    for (const c of customers.slice(0, 4)) {
      const t = 13;
      const n = 200_000;
      let sum = 0;
      let sum2 = 0;
      for (let k = 0; k < n; k++) {
        const lambda = sampleGamma(rng, PNBD.r + c.frequency, PNBD.alpha + c.T);
        const mu = sampleGamma(rng, PNBD.s, PNBD.beta + c.T);
        const v = (lambda / (lambda + mu)) * -Math.expm1(-(lambda + mu) * t);
        sum += v;
        sum2 += v * v;
      }
      const mean = sum / n;
      const se = Math.sqrt((sum2 / n - mean * mean) / n);
      const alive = model.probabilityAlive(c);
      const got = probabilityOfPurchase(model, c, t);
      expect(Math.abs(got - alive * mean), `x=${c.frequency}: ${got} vs ${alive * mean} ± ${4 * alive * se}`).toBeLessThan(4 * alive * se);
    }
  });

  it('BG/BB: alive-at at t = 0 is the model’s P(alive) bit for bit, and it falls with t', () => {
    const model = bgBb(BGBB);
    for (const c of [{ frequency: 0, recency: 0, periods: 6 }, { frequency: 3, recency: 4, periods: 6 }, { frequency: 6, recency: 6, periods: 6 }]) {
      expect(probabilityAliveAt(model, c, 0)).toBe(model.probabilityAlive(c));
      let last = 1;
      for (const t of [0, 1, 2, 5, 10]) {
        const p = probabilityAliveAt(model, c, t);
        expect(p).toBeLessThanOrEqual(last);
        last = p;
      }
      expect(probabilityOfPurchase(model, c, 0)).toBe(0);
    }
  });
});

describe('contracts', () => {
  const model = bgNbd(BG);
  it('is a probability, 0 at t = 0 for a purchase, P(alive) at t = 0 for alive-at, and monotone in t', () => {
    const c = { frequency: 3, recency: 20, T: 39 };
    expect(probabilityOfPurchase(model, c, 0)).toBe(0);
    expect(probabilityAliveAt(model, c, 0)).toBe(model.probabilityAlive(c));
    let lastBuy = 0;
    let lastAlive = 1;
    for (const t of [1, 5, 20, 100, 1000]) {
      const buy = probabilityOfPurchase(model, c, t);
      const alive = probabilityAliveAt(model, c, t);
      expect(buy).toBeGreaterThanOrEqual(lastBuy);
      expect(alive).toBeLessThanOrEqual(lastAlive);
      expect(buy).toBeLessThanOrEqual(model.probabilityAlive(c));
      lastBuy = buy;
      lastAlive = alive;
    }
  });

  it('refuses invalid input with typed errors', () => {
    expect(() => probabilityOfPurchase(model, { frequency: 1, recency: 50, T: 39 }, 1)).toThrow(InvalidInputError);
    expect(() => probabilityOfPurchase(model, { frequency: 1, recency: 5, T: 39 }, -1)).toThrow(/t/);
    expect(() => probabilityAliveAt(model, { frequency: 1, recency: 5, T: 39 }, Number.NaN)).toThrow(InvalidInputError);
    expect(() => probabilityAliveAt(bgBb(BGBB), { frequency: 1, recency: 1, periods: 6 }, 1.5)).toThrow(InvalidInputError);
    expect(() => probabilityAliveAt({ model: 'other' } as never, { frequency: 1, recency: 1, T: 6 }, 1)).toThrow(/model/);
  });
});
