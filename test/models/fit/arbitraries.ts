import fc from 'fast-check';
import type { BtydCustomer } from '../../../src/models/types.js';

/** Arbitrary valid (x, t_x, T): x up to 5,000, T from 1e-3 to 1e4, any t_x in [0, T] (0 when x = 0). */
export const btydCustomer: fc.Arbitrary<BtydCustomer> = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([x, T, u]) => ({ frequency: x, recency: x === 0 ? 0 : u * T, T }));

/** Positive parameter values over six orders of magnitude. */
export const positiveParameter: fc.Arbitrary<number> = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
