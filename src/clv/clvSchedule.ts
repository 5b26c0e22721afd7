import { invalidOption } from '../errors/InvalidInputError.js';
import { durationBetween } from '../time/duration.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import { TIME_UNITS, type TimeUnit } from '../time/units.js';
import { dayAfter, unitsBetween } from './calendarTime.js';

/** A span of calendar time: a whole number of days, weeks, calendar months or years. */
export interface CalendarSpan {
  /** Whole number of units, `>= 0`. */
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** A discount rate with its own time unit: `{ rate: 0.1, per: 'year' }` is 10 % a year, compounded. */
export interface DiscountRate {
  /** Rate per `per`, `>= 0`. */
  readonly rate: number;
  readonly per: TimeUnit;
}

/** Options of {@link predictClv}. */
export interface PredictClvOptions {
  /** Start of the forecast: the end of the observation period the models were fitted on (`yyyy-MM-dd`, a `Date` or epoch ms). */
  readonly asOf: DateLike;
  /** How far ahead to forecast, in calendar units from `asOf`. */
  readonly horizon: CalendarSpan;
  /**
   * Discount rate with its own unit, compounded: a cash flow at `u` units of `per` after `asOf` is
   * worth `(1 + rate)^-u` now.
   * @defaultValue { rate: 0, per: 'year' }
   */
  readonly discountRate?: DiscountRate;
  /**
   * Margin as a share of spend (`<= 1`), for customers that carry none of their own.
   * @defaultValue 1 (the result is then discounted expected revenue)
   */
  readonly margin?: number;
  /**
   * The time unit the purchase model was fitted in (the opportunity length for BG/BB).
   * @defaultValue 'week'
   */
  readonly modelTimeUnit?: TimeUnit;
  /**
   * Length of the sub-periods of the discounting sum, in model time units (a whole number for BG/BB).
   * The horizon may hold at most 100,000 sub-periods (`horizon / step`); beyond that the call is an
   * error that names the smallest step that fits.
   * @defaultValue 1
   */
  readonly step?: number;
  /**
   * How the horizon is cut and discounted:
   * - `'calendar'`: the horizon is a calendar span from `asOf` (12 months from 2025-01-01 are 365
   *   days), cut into sub-periods of `step` model units, each discounted at its midpoint by the
   *   calendar time elapsed (the end of each opportunity for BG/BB);
   * - `'lifetimes'`: lifetimes' `customer_lifetime_value`, to reproduce numbers made with it: the
   *   horizon must be in months and the rate per month (lifetimes' `time` and `discount_rate`); a
   *   month is 30 model units for `modelTimeUnit: 'day'`, 4.345 for `'week'` and 1 for `'month'`
   *   (lifetimes' `freq` 'D', 'W', 'M'); month m's expected purchases are discounted by
   *   `(1 + rate)^-m`, at its end. `step` is not used (leave it out); continuous-time models only.
   * @defaultValue 'calendar'
   */
  readonly convention?: 'calendar' | 'lifetimes';
}

/** Model time units in one lifetimes month, by model time unit (lifetimes' `freq` factor). */
const LIFETIMES_MONTH: Readonly<Partial<Record<TimeUnit, number>>> = { day: 30, week: 4.345, month: 1 };

/**
 * The most sub-periods one {@link predictClv} call may cut its horizon into (`horizon / step`, or
 * the months of the `'lifetimes'` convention): beyond it the call is an `InvalidInputError` on
 * `step` (or `horizon`) saying which step would fit, instead of running for hours.
 * @internal
 */
export const MAX_CLV_STEPS = 100_000;

/** {@link PredictClvOptions} checked, with their defaults and the horizon in model units. @internal */
export interface ClvHorizon {
  /** The as-of date, as an epoch day. */
  readonly asOf: number;
  readonly modelUnit: TimeUnit;
  readonly discount: DiscountRate;
  readonly defaultMargin: number;
  /** Whether the model is discrete (BG/BB: whole opportunities). */
  readonly discrete: boolean;
  /** Month length and horizon of the `'lifetimes'` convention, else `null`. */
  readonly lifetimes: { readonly month: number; readonly horizon: number } | null;
  /** The horizon's calendar span. */
  readonly span: CalendarSpan;
  readonly step: number;
  /** The horizon in model time units (whole opportunities for BG/BB). */
  readonly horizon: number;
}

/**
 * Checks the options of {@link predictClv} (in the order it states them) and converts the horizon
 * to model units; an option out of range, or a horizon of more than {@link MAX_CLV_STEPS}
 * sub-periods, is an `InvalidInputError` naming it.
 * @internal
 */
export function clvHorizon(options: PredictClvOptions, discrete: boolean): ClvHorizon {
  const asOf = toEpochDay(options.asOf, 'asOf');
  const modelUnit = options.modelTimeUnit ?? 'week';
  if (!TIME_UNITS.includes(modelUnit)) invalidOption('modelTimeUnit', `expected one of ${TIME_UNITS.join(', ')}`);
  const horizonSpan = options.horizon;
  if (!(horizonSpan && Number.isInteger(horizonSpan.amount) && horizonSpan.amount >= 0 && TIME_UNITS.includes(horizonSpan.unit))) {
    invalidOption('horizon', 'expected { amount, unit } with a whole amount >= 0 and unit day, week, month or year');
  }
  const discount = options.discountRate ?? { rate: 0, per: 'year' };
  if (!(Number.isFinite(discount.rate) && discount.rate >= 0 && TIME_UNITS.includes(discount.per))) {
    invalidOption('discountRate', 'expected { rate, per } with a finite rate >= 0 and per day, week, month or year');
  }
  const defaultMargin = options.margin ?? 1;
  if (!(Number.isFinite(defaultMargin) && defaultMargin <= 1)) invalidOption('margin', 'expected a finite share of spend <= 1');
  const convention = options.convention ?? 'calendar';
  if (convention !== 'calendar' && convention !== 'lifetimes') invalidOption('convention', "expected 'calendar' or 'lifetimes'");
  const lifetimes = convention === 'lifetimes' ? lifetimesPeriods(options, discrete, modelUnit) : null;
  const step = options.step ?? 1;
  if (!(Number.isFinite(step) && step > 0 && (!discrete || Number.isInteger(step)))) {
    invalidOption('step', discrete ? 'expected a whole number of opportunities >= 1' : 'expected a finite number > 0');
  }

  const endDay = dayAfter(asOf, horizonSpan.amount, horizonSpan.unit);
  const horizonExact = durationBetween(asOf, endDay, modelUnit);
  const horizon = lifetimes !== null ? lifetimes.horizon : discrete ? Math.floor(horizonExact + 1e-9) : horizonExact;
  const stepCount = lifetimes !== null ? horizonSpan.amount : Math.ceil(horizon / step - 1e-12);
  if (!(stepCount <= MAX_CLV_STEPS)) {
    invalidOption(
      lifetimes !== null ? 'horizon' : 'step',
      lifetimes !== null
        ? `a horizon of ${horizonSpan.amount} months is more than the maximum of ${MAX_CLV_STEPS} sub-periods: use a shorter horizon`
        : `a horizon of ${horizon} ${modelUnit}s cut into steps of ${step} is ${stepCount} sub-periods, more than the maximum of ${MAX_CLV_STEPS}: use a step of at least ${horizon / MAX_CLV_STEPS} or a shorter horizon`,
    );
  }
  return { asOf, modelUnit, discount, defaultMargin, discrete, lifetimes, span: horizonSpan, step, horizon };
}

/**
 * The sub-period ends t_k (model units) and their discount factors: month m discounted by
 * `(1 + rate)^-m` under the `'lifetimes'` convention; else steps of `step` to the horizon, each
 * discounted by the calendar time from `asOf` to its midpoint (its end for BG/BB), in the rate's unit.
 * @internal
 */
export function discountSchedule(h: ClvHorizon): { ends: number[]; factors: number[] } {
  const { asOf, discount, lifetimes, horizon, step, modelUnit, discrete } = h;
  const ends: number[] = [];
  const factors: number[] = [];
  const rateLog = Math.log1p(discount.rate);
  if (lifetimes !== null) {
    for (let m = 1; m <= h.span.amount; m++) {
      ends.push(m * lifetimes.month);
      factors.push(Math.pow(1 + discount.rate, -m));
    }
  }
  for (let t0 = 0; lifetimes === null && t0 < horizon - 1e-12 * Math.max(1, horizon); t0 += step) {
    const t1 = Math.min(t0 + step, horizon);
    const when = discrete ? t1 : (t0 + t1) / 2;
    ends.push(t1);
    factors.push(rateLog === 0 ? 1 : Math.exp(-rateLog * unitsBetween(asOf, dayAfter(asOf, when, modelUnit), discount.per)));
  }
  return { ends, factors };
}

/**
 * The month length and horizon of the `'lifetimes'` convention, after checking that the horizon is
 * in months, the rate per month, the model continuous and `step` left out.
 */
function lifetimesPeriods(options: PredictClvOptions, discrete: boolean, modelUnit: TimeUnit): { month: number; horizon: number } {
  if (discrete) invalidOption('convention', "the 'lifetimes' convention is for the continuous-time models (lifetimes has no BG/BB CLV)");
  if (options.horizon?.unit !== 'month') invalidOption('horizon', "with convention 'lifetimes' the horizon is a number of months (lifetimes' time)");
  const rate = options.discountRate;
  if (rate !== undefined && rate.rate !== 0 && rate.per !== 'month') invalidOption('discountRate', "with convention 'lifetimes' the rate is per month (lifetimes' discount_rate): { rate, per: 'month' }");
  if (options.step !== undefined) invalidOption('step', "with convention 'lifetimes' the sub-periods are the months: leave step out");
  const month = LIFETIMES_MONTH[modelUnit];
  if (month === undefined) invalidOption('modelTimeUnit', "with convention 'lifetimes' the model unit is day, week or month (lifetimes' freq D, W, M)");
  return { month, horizon: options.horizon.amount * month };
}
