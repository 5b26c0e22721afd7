import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import type { BtydColumns, BtydCustomer, PurchaseModel } from '../types.js';
import { assertBtydCustomer, btydIssues, isValidHistory } from './btydCustomer.js';
import { HistoryCache } from './logCache.js';
import { validateQuery } from './validateQuery.js';

/** The model-specific formulas from which {@link continuousModel} builds a purchase model. @internal */
export interface ContinuousModelParts<N extends string, P> {
  readonly model: N;
  readonly params: P;
  /** P(alive at T | x, t_x, T) for a validated history. */
  aliveOf(x: number, tx: number, T: number): number;
  /**
   * E[purchases in (T, T + t] | alive at T, history] for t > 0: the new-customer expectation at
   * the posterior. Depends on (x, T) only.
   */
  expectedIfAlive(t: number, x: number, T: number): number;
  /** P(n purchases in (T, T + t] | alive at T, history): the new-customer pmf at the posterior. */
  pmfIfAlive(n: number, t: number, c: BtydCustomer): number;
  /** P(X(t) = n) for a new customer. */
  pmfNew(n: number, t: number): number;
  /** E[X(t)] for a new customer. */
  expectedNew(t: number): number;
  /**
   * Optional fast P(alive) over columns, writing the same values as `aliveOf`; it checks every
   * history in the same pass and returns `false` at the first invalid one.
   */
  aliveMany?(x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array): boolean;
}

/**
 * The {@link PurchaseModel} methods of a continuous-time model, with argument checks:
 * E[Y(t) | history] = P(alive) · E_alive(t) and
 * P(Y(t) = n | history) = P(alive) · P_alive(n, t) + (1 - P(alive)) · [n = 0].
 * The vectorised forms take an array of customers or {@link BtydColumns}, give bit for bit the
 * values of the single forms, and evaluate E_alive once per distinct (x, T);
 * `expectedPurchasesOverHorizons` gives `expectedPurchasesMany` at many horizons with one check,
 * one P(alive) pass and one (x, T) grouping.
 * @internal
 */
export function continuousModel<N extends 'bgnbd' | 'paretonbd' | 'mbgnbd', P>(parts: ContinuousModelParts<N, P>): PurchaseModel<P> & { readonly model: N } {
  const { aliveOf, expectedIfAlive, pmfIfAlive, pmfNew, expectedNew } = parts;
  const fused = parts.aliveMany;
  const aliveMany = (x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array): void => {
    if (fused !== undefined) {
      if (!fused(x, tx, T, out)) validateColumns(x, tx, T);
      return;
    }
    validateColumns(x, tx, T);
    for (let i = 0; i < out.length; i++) out[i] = aliveOf(x[i]!, tx[i]!, T[i]!);
  };
  const probabilityAlive = (c: BtydCustomer): number => {
    assertBtydCustomer(c);
    return aliveOf(c.frequency, c.recency, c.T);
  };
  const expectedPurchases = (t: number, c: BtydCustomer): number => {
    validateQuery(t);
    assertBtydCustomer(c);
    return t === 0 ? 0 : aliveOf(c.frequency, c.recency, c.T) * expectedIfAlive(t, c.frequency, c.T);
  };
  return {
    model: parts.model,
    params: parts.params,
    probabilityAlive,
    expectedPurchases,
    purchaseProbability(n: number, t: number, c?: BtydCustomer): number {
      validateQuery(t, n);
      if (c === undefined) return pmfNew(n, t);
      assertBtydCustomer(c);
      const pa = aliveOf(c.frequency, c.recency, c.T);
      return pa * pmfIfAlive(n, t, c) + (n === 0 ? 1 - pa : 0);
    },
    expectedPurchasesNewCustomer(t: number): number {
      validateQuery(t);
      return expectedNew(t);
    },
    probabilityAliveMany(customers) {
      const { x, tx, T } = columnsOf(customers);
      const out = new Float64Array(x.length);
      aliveMany(x, tx, T, out);
      return out;
    },
    expectedPurchasesMany(t, customers) {
      validateQuery(t);
      const { x, tx, T } = columnsOf(customers);
      const n = x.length;
      const out = new Float64Array(n);
      if (n === 0) return out;
      aliveMany(x, tx, T, out);
      if (t === 0) return out.fill(0);
      // E_alive depends on (x, T) only: evaluated once per distinct pair (many customers share one).
      const cache = new HistoryCache();
      const ifAlive = (x: number, _tx: number, T: number): number => expectedIfAlive(t, x, T);
      for (let i = 0; i < n; i++) out[i] = out[i]! * cache.get(x[i]!, 0, T[i]!, ifAlive);
      return out;
    },
    expectedPurchasesOverHorizons(times, customers, visit) {
      for (const t of times) validateQuery(t);
      const { x, tx, T } = columnsOf(customers);
      const n = x.length;
      const alive = new Float64Array(n);
      if (n > 0) aliveMany(x, tx, T, alive);
      // E_alive depends on (x, T) only: each customer gets its distinct pair once, and every
      // horizon evaluates E_alive once per pair (the same values expectedPurchasesMany's cache gives).
      const { group, gx, gT, count } = groupPairs(x, T);
      const perGroup = new Float64Array(count);
      const cumulative = new Float64Array(n);
      for (let k = 0; k < times.length; k++) {
        const t = times[k]!;
        if (t === 0 || n === 0) cumulative.fill(0);
        else {
          for (let g = 0; g < count; g++) perGroup[g] = expectedIfAlive(t, gx[g]!, gT[g]!);
          for (let i = 0; i < n; i++) cumulative[i] = alive[i]! * perGroup[group[i]!]!;
        }
        visit(k, cumulative);
      }
    },
    discountedPurchasesOverHorizons(times, factors, customers) {
      for (const t of times) validateQuery(t);
      const { x, tx, T } = columnsOf(customers);
      const n = x.length;
      const steps = times.length;
      const alive = new Float64Array(n);
      if (n > 0) aliveMany(x, tx, T, alive);
      // The customers by distinct (x, T) pair (a counting sort): E_alive at every horizon once per
      // pair, then each of its customers runs through those values once.
      const { group, gx, gT, count } = groupPairs(x, T);
      const first = new Int32Array(count + 1);
      for (let i = 0; i < n; i++) first[group[i]! + 1]!++;
      for (let g = 0; g < count; g++) first[g + 1] = first[g + 1]! + first[g]!;
      const members = new Int32Array(n);
      const fill = first.slice(0, count);
      for (let i = 0; i < n; i++) members[fill[group[i]!]!++] = i;
      const f = Float64Array.from(factors);
      const ifAlive = new Float64Array(steps);
      const discounted = new Float64Array(n);
      const last = new Float64Array(n);
      for (let g = 0; g < count; g++) {
        for (let k = 0; k < steps; k++) ifAlive[k] = times[k] === 0 ? 0 : expectedIfAlive(times[k]!, gx[g]!, gT[g]!);
        for (let m = first[g]!; m < first[g + 1]!; m++) {
          const i = members[m]!;
          const a = alive[i]!;
          let sum = 0;
          let previous = 0;
          for (let k = 0; k < steps; k++) {
            // As expectedPurchasesOverHorizons: 0 at the horizon 0, else P(alive) × E_alive.
            const cumulative = times[k] === 0 ? 0 : a * ifAlive[k]!;
            sum = sum + (cumulative - previous) * f[k]!;
            previous = cumulative;
          }
          discounted[i] = sum;
          last[i] = previous;
        }
      }
      return { discounted, last };
    },
  };
}

/**
 * The distinct (x, T) pairs of validated columns, in order of first appearance, and each
 * customer's pair index: an open-addressing hash table that doubles when half full.
 */
function groupPairs(x: Float64Array, T: Float64Array): { group: Int32Array; gx: Float64Array; gT: Float64Array; count: number } {
  const n = x.length;
  const group = new Int32Array(n);
  let gx = new Float64Array(Math.min(n, 1024));
  let gT = new Float64Array(gx.length);
  let bits = 11;
  let slots = new Int32Array(1 << bits).fill(-1);
  let count = 0;
  const slotOf = (xi: number, Ti: number, mask: number): number => {
    let h = Math.imul(xi | 0, 0x9e3779b1) ^ Math.imul((Ti * 1024) | 0, 0x85ebca77);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    return (h ^ (h >>> 15)) & mask;
  };
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const Ti = T[i]!;
    let mask = slots.length - 1;
    let h = slotOf(xi, Ti, mask);
    let g = slots[h]!;
    while (g !== -1 && !(gx[g] === xi && gT[g] === Ti)) {
      h = (h + 1) & mask;
      g = slots[h]!;
    }
    if (g === -1) {
      g = count++;
      if (g === gx.length) {
        const size = Math.min(n, gx.length * 2);
        const nx = new Float64Array(size);
        const nT = new Float64Array(size);
        nx.set(gx);
        nT.set(gT);
        gx = nx;
        gT = nT;
      }
      gx[g] = xi;
      gT[g] = Ti;
      slots[h] = g;
      if (2 * count > slots.length) {
        bits++;
        slots = new Int32Array(1 << bits).fill(-1);
        mask = slots.length - 1;
        for (let j = 0; j < count; j++) {
          let s = slotOf(gx[j]!, gT[j]!, mask);
          while (slots[s] !== -1) s = (s + 1) & mask;
          slots[s] = j;
        }
      }
    }
    group[i] = g;
  }
  return { group, gx, gT, count };
}

/** The columns of an array of customers or of {@link BtydColumns} (validated by the caller's pass). */
function columnsOf(customers: readonly BtydCustomer[] | BtydColumns): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  let x: Float64Array;
  let tx: Float64Array;
  let T: Float64Array;
  if (Array.isArray(customers)) {
    const cs = customers as readonly BtydCustomer[];
    const n = cs.length;
    x = new Float64Array(n);
    tx = new Float64Array(n);
    T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = cs[i];
      if (c === null || typeof c !== 'object') {
        throw new InvalidInputError([{ code: 'not_an_object', path: [i], message: 'expected an object with frequency, recency and T' }]);
      }
      // A Float64Array would read null as 0 and '3' as 3: only numbers pass (their ranges are checked next).
      if (typeof c.frequency !== 'number' || typeof c.recency !== 'number' || typeof c.T !== 'number') {
        const field = typeof c.frequency !== 'number' ? 'frequency' : typeof c.recency !== 'number' ? 'recency' : 'T';
        throw new InvalidInputError([{ code: 'invalid_type', path: [i, field], message: 'expected a number' }]);
      }
      x[i] = c.frequency;
      tx[i] = c.recency;
      T[i] = c.T;
    }
  } else {
    const cols = customers as BtydColumns;
    if (!(cols !== null && typeof cols === 'object' && cols.frequency instanceof Float64Array && cols.recency instanceof Float64Array && cols.T instanceof Float64Array)) {
      throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers or columns { frequency, recency, T } as Float64Arrays' }]);
    }
    x = cols.frequency;
    tx = cols.recency;
    T = cols.T;
    if (tx.length !== x.length || T.length !== x.length) {
      throw new InvalidInputError([{ code: 'length_mismatch', path: ['customers', 'recency'], message: `expected columns of ${x.length} entries each` }]);
    }
  }
  return { x, tx, T };
}

/** One cheap pass of range checks; the issues are worked out only on failure. */
function validateColumns(x: Float64Array, tx: Float64Array, T: Float64Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = tx[i]!;
    const Ti = T[i]!;
    // NaN fails every comparison, so it lands in the slow path.
    if (isValidHistory(xi, ti, Ti)) continue;
    const issues: InputIssue[] = [];
    for (let j = i; j < n; j++) issues.push(...btydIssues(x[j]!, tx[j]!, T[j]!, j));
    throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
  }
}
