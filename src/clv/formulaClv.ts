import { invalidOption } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Inputs of {@link formulaClv}: one customer's economics per period. */
export interface FormulaClvOptions {
  /** Gross margin the customer brings in each period while active, in currency units (revenue minus cost of goods). */
  readonly marginPerPeriod: number;
  /** Probability that an active customer is still active one period later, in [0, 1]. */
  readonly retention: number;
  /**
   * Discount rate per period (0.1 = 10 % per period), `>= 0`.
   * @defaultValue 0
   */
  readonly discountRate?: number;
  /**
   * Number of periods counted, a whole number `>= 0`, or `Infinity` for the whole lifetime.
   * @defaultValue Infinity
   */
  readonly horizon?: number;
  /**
   * Cost of acquiring the customer, paid once at time 0, `>= 0`.
   * @defaultValue 0
   */
  readonly acquisitionCost?: number;
  /**
   * Cost of serving and promoting to the customer, per period while active, `>= 0`.
   * @defaultValue 0
   */
  readonly servingCost?: number;
  /**
   * Margin brought in per period by the customer's referrals (word of mouth), `>= 0`.
   * @defaultValue 0
   */
  readonly referralValue?: number;
}

/** What {@link formulaClv} returns: the lifetime value and its parts, all discounted to time 0. */
export interface FormulaClvResult {
  /** Lifetime value: `discountedMargin - discountedServingCost + discountedReferralValue - acquisitionCost`. */
  readonly clv: number;
  /** Present value of the gross margins. */
  readonly discountedMargin: number;
  /** Present value of the serving costs. */
  readonly discountedServingCost: number;
  /** Present value of the referral margins. */
  readonly discountedReferralValue: number;
  /** The acquisition cost, paid at time 0 (not discounted). */
  readonly acquisitionCost: number;
  /** Expected number of periods the customer stays active within the horizon: `sum r^t`, t = 1..horizon. */
  readonly expectedActivePeriods: number;
  /** Undiscounted lifetime profit: `expectedActivePeriods * (margin - serving + referral) - acquisitionCost`. */
  readonly undiscountedProfit: number;
}

/**
 * Lifetime value of one customer from a margin, a retention rate and a discount rate.
 *
 * DOMAIN §9: the value over the forecast period minus the cost of attracting, serving and
 * promoting to the customer, with referrals added. Timing convention: the customer is acquired
 * at time 0 (acquisition cost paid then, undiscounted); they are still active at the end of
 * period t with probability `r^t`, and an active customer yields the net margin
 * `m = marginPerPeriod - servingCost + referralValue` at the end of each period, discounted by
 * `(1 + d)^t`. With `q = r / (1 + d)`:
 *
 * - finite horizon H: `CLV = m q (1 - q^H) / (1 - q) - AC`;
 * - infinite horizon: `CLV = m r / (1 + d - r) - AC` (requires `r < 1`).
 *
 * Cost O(1).
 *
 * @param options - The per-period economics; see {@link FormulaClvOptions}.
 * @returns The lifetime value and its discounted parts.
 * @throws InvalidInputError when a number is missing, negative or out of range, when the
 *   lifetime is unbounded (`retention = 1` with an infinite horizon), or when a result would
 *   overflow (`out_of_range` on the largest money option).
 * @example
 * ```ts
 * import { formulaClv } from 'loyalty-score';
 * formulaClv({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1 }).clv; // ~> 266.6667 (0.0001)
 * formulaClv({ marginPerPeriod: 100, retention: 0.5, horizon: 2 }).clv; // ~> 75 (1e-9)
 * ```
 */
export function formulaClv(options: FormulaClvOptions): FormulaClvResult {
  rejectUnknownKeys(options, FORMULA_CLV_OPTION_KEYS, 'options', 'formulaClv');
  const margin = finiteOption(options.marginPerPeriod, 'marginPerPeriod', -Infinity);
  const r = finiteOption(options.retention, 'retention', 0);
  if (r > 1) invalidOption('retention', 'expected a probability in [0, 1]', 'out_of_range');
  const d = finiteOption(options.discountRate ?? 0, 'discountRate', 0);
  const horizon = options.horizon ?? Infinity;
  if (!(horizon === Infinity || (Number.isInteger(horizon) && horizon >= 0))) {
    invalidOption('horizon', 'expected a whole number of periods >= 0, or Infinity', 'out_of_range');
  }
  const acquisitionCost = finiteOption(options.acquisitionCost ?? 0, 'acquisitionCost', 0);
  const servingCost = finiteOption(options.servingCost ?? 0, 'servingCost', 0);
  const referralValue = finiteOption(options.referralValue ?? 0, 'referralValue', 0);

  const q = r / (1 + d);
  if (horizon === Infinity && r >= 1) {
    invalidOption('retention', 'with an infinite horizon, retention must be below 1 (a customer who never leaves has no finite lifetime); give a finite horizon', 'divergent');
  }
  const annuity = survivalSum(q, horizon);
  const expectedActivePeriods = survivalSum(r, horizon);
  const net = margin - servingCost + referralValue;
  const discountedMargin = margin * annuity;
  const discountedServingCost = servingCost * annuity;
  const discountedReferralValue = referralValue * annuity;
  const clv = net * annuity - acquisitionCost;
  const undiscountedProfit = net * expectedActivePeriods - acquisitionCost;
  if (!Number.isFinite(clv + undiscountedProfit + discountedMargin + discountedServingCost + discountedReferralValue)) {
    // Name the largest money option: the one that overflowed the sums.
    const money: [string, number][] = [['marginPerPeriod', margin], ['servingCost', servingCost], ['referralValue', referralValue], ['acquisitionCost', acquisitionCost]];
    const worst = money.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
    invalidOption(worst[0], 'the lifetime value overflows (a sum beyond ±1.8e308): give the amounts in a larger currency unit', 'out_of_range');
  }
  return {
    clv,
    discountedMargin,
    discountedServingCost,
    discountedReferralValue,
    acquisitionCost,
    expectedActivePeriods,
    undiscountedProfit,
  };
}

/** `sum_{t=1}^{H} q^t` for q in [0, 1] (q < 1 when H is infinite). */
function survivalSum(q: number, horizon: number): number {
  if (horizon === Infinity) return q / (1 - q);
  if (q === 1) return horizon;
  // q (1 - q^H) / (1 - q), with expm1/log1p for accuracy when q is close to 1.
  if (q === 0) return 0;
  return (q * -Math.expm1(horizon * Math.log(q))) / (1 - q);
}

function finiteOption(value: number, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalidOption(name, 'expected a finite number', 'not_finite');
  if (value < min) invalidOption(name, `expected a number >= ${min}`, 'out_of_range');
  return value;
}

/** The option names of {@link FormulaClvOptions}. @internal */
export const FORMULA_CLV_OPTION_KEYS: KeyList<FormulaClvOptions> = {
  marginPerPeriod: true,
  retention: true,
  discountRate: true,
  horizon: true,
  acquisitionCost: true,
  servingCost: true,
  referralValue: true,
};
