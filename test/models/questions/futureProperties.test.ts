import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBb } from '../../../src/models/bgbb/bgBb.js';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { mbgNbd } from '../../../src/models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import { probabilityAliveAt } from '../../../src/models/questions/probabilityAliveAt.js';
import { probabilityOfPurchase } from '../../../src/models/questions/probabilityOfPurchase.js';

const positive = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true });
/** A valid (x, t_x, T) history. */
const history = fc
  .record({ x: fc.integer({ min: 0, max: 60 }), T: positive(0.1, 200), share: positive(0, 1) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : share * T, T }));
const horizons = fc.tuple(positive(0, 100), positive(0, 100)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

describe('probabilityOfPurchase and probabilityAliveAt (properties)', () => {
  it('continuous models: 0 <= P(purchase in t) <= P(alive), P(alive at T+t) <= P(alive); purchase rises and alive-at falls with t', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bgnbd', 'mbgnbd', 'paretonbd'),
        fc.tuple(positive(0.05, 5), positive(0.1, 50), positive(0.05, 5), positive(0.1, 50)),
        history,
        horizons,
        (name, [p1, p2, p3, p4], c, [t1, t2]) => {
          const model = name === 'bgnbd' ? bgNbd({ r: p1, alpha: p2, a: p3, b: p4 }) : name === 'mbgnbd' ? mbgNbd({ r: p1, alpha: p2, a: p3, b: p4 }) : paretoNbd({ r: p1, alpha: p2, s: p3, beta: p4 });
          const alive = model.probabilityAlive(c);
          const buy1 = probabilityOfPurchase(model, c, t1);
          const buy2 = probabilityOfPurchase(model, c, t2);
          const at1 = probabilityAliveAt(model, c, t1);
          const at2 = probabilityAliveAt(model, c, t2);
          for (const v of [buy1, buy2, at1, at2]) expect(Number.isFinite(v)).toBe(true);
          expect(buy1).toBeGreaterThanOrEqual(0);
          expect(buy2).toBeLessThanOrEqual(alive * (1 + 1e-9) + 1e-12);
          expect(buy2).toBeGreaterThanOrEqual(buy1 - 1e-9);
          expect(at1).toBeLessThanOrEqual(alive * (1 + 1e-12) + 1e-15);
          expect(at2).toBeLessThanOrEqual(at1 * (1 + 1e-9) + 1e-15);
          expect(at2).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('BG/BB: the same in whole opportunities', () => {
    fc.assert(
      fc.property(
        fc.tuple(positive(0.1, 5), positive(0.1, 5), positive(0.1, 5), positive(0.1, 5)),
        fc.integer({ min: 0, max: 20 }).chain((n) => fc.integer({ min: 0, max: n }).chain((x) => fc.integer({ min: x, max: n }).map((tx) => ({ frequency: x, recency: x === 0 ? 0 : Math.max(tx, 1), periods: n })))),
        fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })),
        ([alpha, beta, gamma, delta], c, [a, b]) => {
          const model = bgBb({ alpha, beta, gamma, delta });
          const [t1, t2] = [Math.min(a, b), Math.max(a, b)];
          const alive = model.probabilityAlive(c);
          expect(probabilityOfPurchase(model, c, t2)).toBeGreaterThanOrEqual(probabilityOfPurchase(model, c, t1) - 1e-12);
          expect(probabilityAliveAt(model, c, t2)).toBeLessThanOrEqual(probabilityAliveAt(model, c, t1) + 1e-12);
          expect(probabilityAliveAt(model, c, t1)).toBeLessThanOrEqual(alive + 1e-12);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });
});
