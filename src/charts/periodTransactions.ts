import { invalidOption } from '../errors/InvalidInputError.js';
import type { BtydColumns, PurchaseModel } from '../models/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link periodTransactions}. */
export interface PeriodTransactionsOptions {
  /**
   * Frequencies from this value up share the last bar (`7` gives 0, 1, …, 6, 7+).
   * @defaultValue `7`
   */
  readonly censorAt?: number;
}

/** One bar pair of {@link periodTransactions}. */
export interface PeriodTransactionsBucket {
  /** `'3'`, or `'7+'` for the last, open bucket. */
  readonly label: string;
  /** Smallest number of repeat purchases in the bucket. */
  readonly frequency: number;
  /** Whether the bucket holds every frequency `>= frequency`. */
  readonly open: boolean;
  /** Customers observed with that many repeat purchases. */
  readonly actual: number;
  /** Customers the model expects with that many: `sum_i P(X(T_i) = x)`. */
  readonly expected: number;
}

/**
 * Period transactions: how many customers made 0, 1, 2, … repeat purchases in their observed
 * time, observed and as the model expects (lifetimes' `plot_period_transactions`, computed
 * exactly instead of by simulation).
 *
 * For a customer observed for T_i time units the model gives the probability of x repeat
 * purchases of a new customer, `P(X(T_i) = x)` (`purchaseProbability(x, T_i)`); the expected
 * count of a bucket sums it over customers, and the open bucket takes the rest
 * (`N - sum of the others`), so both sides total N. Customers sharing a T are grouped. Cost:
 * O(n) plus `censorAt` evaluations per distinct T.
 *
 * @param model - A purchase model fitted on these customers.
 * @param customers - Their histories (frequency, recency, T) by column.
 * @param options - See {@link PeriodTransactionsOptions}.
 * @returns One bucket per frequency 0 .. censorAt - 1, then `censorAt+`.
 * @throws {InvalidInputError} When `censorAt` is not a whole number >= 1 or a frequency or T is not finite and >= 0.
 * @example
 * ```ts
 * import { bgNbd, periodTransactions } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const customers = { frequency: Float64Array.of(0, 0, 1, 4), recency: Float64Array.of(0, 0, 10, 30), T: Float64Array.of(39, 39, 39, 39) };
 * const bars = periodTransactions(model, customers, { censorAt: 2 });
 * bars.map((b) => b.actual); // => [2, 1, 1]
 * bars.reduce((s, b) => s + b.expected, 0); // ~> 4 (1e-12)
 * bars[0].expected / 4 === model.purchaseProbability(0, 39); // => true
 * ```
 */
export function periodTransactions(
  model: Pick<PurchaseModel<unknown>, 'purchaseProbability'>,
  customers: BtydColumns,
  options: PeriodTransactionsOptions = {},
): PeriodTransactionsBucket[] {
  rejectUnknownKeys(options, PERIOD_TRANSACTIONS_OPTION_KEYS, 'options', 'periodTransactions');
  const censorAt = options.censorAt ?? 7;
  if (!(Number.isInteger(censorAt) && censorAt >= 1)) invalidOption('censorAt', 'expected a whole number >= 1');
  const { frequency, T } = customers;
  const n = frequency.length;
  if (T.length !== n) invalidOption('customers', `expected T with ${n} values, one per customer`, 'length_mismatch');
  const actual = new Float64Array(censorAt + 1);
  const byT = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    const t = T[i]!;
    if (!(Number.isFinite(x) && x >= 0)) invalidOption('customers', `customer ${i}: expected a finite frequency >= 0`, 'out_of_range');
    if (!(Number.isFinite(t) && t >= 0)) invalidOption('customers', `customer ${i}: expected a finite T >= 0`, 'out_of_range');
    actual[Math.min(Math.floor(x), censorAt)]!++;
    byT.set(t, (byT.get(t) ?? 0) + 1);
  }
  const expected = new Float64Array(censorAt + 1);
  for (const [t, count] of byT) {
    for (let x = 0; x < censorAt; x++) expected[x]! += count * (t === 0 ? (x === 0 ? 1 : 0) : model.purchaseProbability(x, t));
  }
  let rest = n;
  for (let x = 0; x < censorAt; x++) rest -= expected[x]!;
  expected[censorAt] = Math.max(0, rest);
  const out: PeriodTransactionsBucket[] = [];
  for (let x = 0; x <= censorAt; x++) out.push({ label: x === censorAt ? `${x}+` : String(x), frequency: x, open: x === censorAt, actual: actual[x]!, expected: expected[x]! });
  return out;
}

const PERIOD_TRANSACTIONS_OPTION_KEYS: KeyList<PeriodTransactionsOptions> = { censorAt: true };
