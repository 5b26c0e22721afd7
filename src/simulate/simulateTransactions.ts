import { invalidOption } from '../errors/InvalidInputError.js';
import { createRng, sampleBeta, sampleExponential, sampleGamma } from '../math/random.js';
import { isoFromDay } from '../time/days.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link simulateTransactions}. */
export interface SimulateTransactionsOptions {
  /** Number of customers (a whole number >= 1). Required. */
  customers: number;
  /** First day of the simulated history (inclusive). Required. */
  start: DateLike;
  /** Last day of the simulated history (inclusive). Required. */
  end: DateLike;
  /** Seed of the random stream: the same seed gives the same transactions. @defaultValue `1` */
  seed?: number;
  /**
   * Customers are acquired (make their first purchase) uniformly over this many days from
   * `start`. @defaultValue a third of the span from `start` to `end`
   */
  acquisitionDays?: number;
  /** Purchase rates per week are Gamma(`r`, rate `alpha`) across customers (BG/NBD's r, alpha). @defaultValue `{ r: 0.75, alpha: 7.5 }` (mean 0.1 per week) */
  purchaseRate?: { r: number; alpha: number };
  /** After each purchase a customer drops out with probability p ~ Beta(`a`, `b`). @defaultValue `{ a: 0.8, b: 4 }` */
  dropout?: { a: number; b: number };
  /**
   * Spend per transaction is Gamma(`p`, rate ν) with ν ~ Gamma(`q`, rate `gamma`) per customer
   * (the Gamma-Gamma model); mean spend `p·gamma/(q-1)`. @defaultValue `{ p: 6, q: 4, gamma: 22.5 }` (mean 45)
   */
  spend?: { p: number; q: number; gamma: number };
  /** Mean gross margin (1 - cost/list price); each customer's margin is Beta-distributed around it. @defaultValue `0.3` */
  margin?: number;
  /** Mean share of a customer's purchases made on promotion (per-customer Beta propensity). @defaultValue `0.2` */
  promoShare?: number;
}

/** One simulated transaction: a valid {@link TransactionInput} with every optional field set. */
export interface SimulatedTransaction {
  readonly customerId: string;
  /** `yyyy-MM-dd` */
  readonly date: string;
  /** Revenue after any discount, in currency units (cents). */
  readonly amount: number;
  /** Cost of the goods, in currency units (cents). */
  readonly cost: number;
  readonly quantity: number;
  readonly promo: boolean;
  /** Discount granted, in currency units (0 when not on promotion). */
  readonly discount: number;
}

/**
 * Simulates a customer base's transactions with a buy-till-you-die process, seeded.
 *
 * Each customer is acquired on a uniform day of the acquisition window and buys then; while
 * alive, they buy again after exponential gaps with their own weekly rate λ ~ Gamma(r, alpha),
 * and after each purchase drop out with their own probability p ~ Beta(a, b) (the BG/NBD
 * story). Spend per purchase follows the Gamma-Gamma model. Each purchase also gets a quantity,
 * a cost from the customer's margin, and a promotion flag with a 10-30% discount, from the
 * customer's promotion propensity; promotion-prone customers buy a little more often.
 * Rows come out sorted by date, then customer id.
 *
 * Same options and seed, same rows, on every engine.
 *
 * @throws {@link InvalidInputError} for out-of-range options.
 * @example
 * ```ts
 * import { simulateTransactions } from 'loyalty-score';
 * const rows = simulateTransactions({ customers: 100, start: '2024-01-01', end: '2024-12-31', seed: 7 });
 * rows.length > 100; // => true
 * rows[0].date >= '2024-01-01'; // => true
 * simulateTransactions({ customers: 100, start: '2024-01-01', end: '2024-12-31', seed: 7 }).length === rows.length; // => true
 * ```
 */
export function simulateTransactions(options: SimulateTransactionsOptions): SimulatedTransaction[] {
  rejectUnknownKeys(options, SIMULATE_TRANSACTIONS_OPTION_KEYS, 'options', 'simulateTransactions');
  const n = options.customers;
  if (!Number.isInteger(n) || n < 1) invalidOption('customers', 'expected a whole number >= 1');
  const start = toEpochDay(options.start, 'start');
  const end = toEpochDay(options.end, 'end');
  if (end < start) invalidOption('end', 'must not be before start');
  const span = end - start + 1;
  const acquisitionDays = options.acquisitionDays ?? Math.max(1, Math.floor(span / 3));
  if (!(acquisitionDays >= 1 && acquisitionDays <= span)) invalidOption('acquisitionDays', `expected a number of days from 1 to ${span}`);
  const { r, alpha } = options.purchaseRate ?? { r: 0.75, alpha: 7.5 };
  const { a, b } = options.dropout ?? { a: 0.8, b: 4 };
  const { p, q, gamma } = options.spend ?? { p: 6, q: 4, gamma: 22.5 };
  const margin = options.margin ?? 0.3;
  const promoShare = options.promoShare ?? 0.2;
  for (const [name, v] of [['purchaseRate', r], ['purchaseRate', alpha], ['dropout', a], ['dropout', b], ['spend', p], ['spend', q], ['spend', gamma]] as const) {
    if (!(v > 0 && Number.isFinite(v))) invalidOption(name, 'every parameter must be a finite number > 0');
  }
  if (!(margin > 0 && margin < 1)) invalidOption('margin', 'expected a number between 0 and 1');
  if (!(promoShare >= 0 && promoShare < 1)) invalidOption('promoShare', 'expected a number from 0 to below 1');

  const rng = createRng(options.seed ?? 1);
  const width = String(n).length;
  const out: { day: number; c: number; row: SimulatedTransaction }[] = [];
  for (let c = 0; c < n; c++) {
    const id = `C${String(c + 1).padStart(width, '0')}`;
    const weeklyRate = sampleGamma(rng, r, alpha);
    const pDrop = sampleBeta(rng, a, b);
    const nu = sampleGamma(rng, q, gamma);
    const customerMargin = sampleBeta(rng, 20 * margin, 20 * (1 - margin));
    const promoPropensity = promoShare > 0 ? sampleBeta(rng, 2 * promoShare, 2 * (1 - promoShare)) : 0;
    const dailyRate = (weeklyRate * (1 + promoPropensity)) / 7;
    let t = start + Math.floor(rng() * acquisitionDays);
    for (;;) {
      const promo = rng() < promoPropensity;
      const list = sampleGamma(rng, p, nu);
      const depth = promo ? 0.1 + 0.2 * rng() : 0;
      const amount = cents(list * (1 - depth));
      const row: SimulatedTransaction = {
        customerId: id,
        date: isoFromDay(t),
        amount,
        cost: cents(list * (1 - customerMargin)),
        quantity: 1 + Math.floor(sampleExponential(rng, 1 / Math.max(0.5, list / 40))),
        promo,
        discount: cents(list) - amount > 0 ? cents(cents(list) - amount) : 0,
      };
      out.push({ day: t, c, row });
      if (rng() < pDrop) break;
      t += Math.max(1, Math.round(sampleExponential(rng, dailyRate)));
      if (t > end) break;
    }
  }
  out.sort((x, y) => x.day - y.day || x.c - y.c);
  return out.map((o) => o.row);
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The option names of {@link SimulateTransactionsOptions}. @internal */
export const SIMULATE_TRANSACTIONS_OPTION_KEYS: KeyList<SimulateTransactionsOptions> = {
  customers: true,
  start: true,
  end: true,
  seed: true,
  acquisitionDays: true,
  purchaseRate: true,
  dropout: true,
  spend: true,
  margin: true,
  promoShare: true,
};
