import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { isoFromDay } from '../time/days.js';
import type { CustomerId } from '../transactions/types.js';
import type { BehaviourColumns } from './behaviourColumns.js';

/** What a behaviour scan gives: the columns, the customers in column order, and what was left out. @internal */
export interface DerivedBehaviour {
  readonly columns: BehaviourColumns;
  readonly customerIds: readonly CustomerId[];
  readonly excluded: { readonly rowsAfterAsOf: number; readonly customersWithoutPurchase: number };
}

/** `(late - early) / (late + early)`, 0 when both are 0. */
/** @internal */
export function trendOf(early: number, late: number): number {
  const scale = early + late;
  return scale === 0 ? 0 : (late - early) / scale;
}

/** The output columns, sized for every customer of the table and cut to the purchasers at the end. */
export class ColumnsBuilder {
  readonly purchases: Float64Array;
  readonly tenureDays: Float64Array;
  readonly daysSinceLastPurchase: Float64Array;
  readonly meanGapDays: Float64Array;
  readonly recencyRatio: Float64Array;
  readonly gapCv: Float64Array;
  readonly spendTrend: Float64Array;
  readonly totalSpend: Float64Array;
  readonly promoShare: Float64Array | null;
  readonly discountDepth: Float64Array | null;

  constructor(k: number, promo: boolean, discount: boolean) {
    this.purchases = new Float64Array(k);
    this.tenureDays = new Float64Array(k);
    this.daysSinceLastPurchase = new Float64Array(k);
    this.meanGapDays = new Float64Array(k);
    this.recencyRatio = new Float64Array(k);
    this.gapCv = new Float64Array(k);
    this.spendTrend = new Float64Array(k);
    this.totalSpend = new Float64Array(k);
    this.promoShare = promo ? new Float64Array(k) : null;
    this.discountDepth = discount ? new Float64Array(k) : null;
  }

  finish(n: number): BehaviourColumns {
    const cut = (a: Float64Array): Float64Array => (a.length === n ? a : a.slice(0, n));
    return {
      length: n,
      purchases: cut(this.purchases),
      tenureDays: cut(this.tenureDays),
      daysSinceLastPurchase: cut(this.daysSinceLastPurchase),
      meanGapDays: cut(this.meanGapDays),
      recencyRatio: cut(this.recencyRatio),
      gapCv: cut(this.gapCv),
      spendTrend: cut(this.spendTrend),
      totalSpend: cut(this.totalSpend),
      promoShare: this.promoShare === null ? null : cut(this.promoShare),
      discountDepth: this.discountDepth === null ? null : cut(this.discountDepth),
    };
  }
}

/** Throws an issue for every row dated after `asOf`. @internal */
export function rejectRowsAfter(day: Int32Array, asOf: number): never {
  const issues: InputIssue[] = [];
  const iso = isoFromDay(asOf);
  for (let i = 0; i < day.length; i++) {
    if (day[i]! > asOf) issues.push({ code: 'after_as_of', path: [i, 'date'], message: `dated after asOf (expected on or before ${iso})` });
  }
  throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
}
