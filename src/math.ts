/**
 * The numerical and calendar plumbing under the models, for users who extend them: special
 * functions (log-gamma, digamma, the Gauss hypergeometric function), log-space sums, numerical
 * gradients and Hessians, a quasi-Newton minimiser and the generic maximum-likelihood fitter the
 * models use, seeded random samplers, and proleptic-Gregorian day arithmetic on epoch days.
 *
 * Import it from the subpath `loyalty-score/math`; the root export `loyalty-score` holds the
 * domain API and does not carry these. They follow the same contract as the rest of the
 * library: bad arguments raise {@link loyalty-score!InvalidInputError}, fits report convergence instead of
 * throwing.
 *
 * ```ts
 * import { logGamma, createRng, civilFromDay } from 'loyalty-score/math';
 * ```
 *
 * @module loyalty-score/math
 */
export * from './math/index.js';
export {
  addMonthsToDay,
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  isLeapYear,
  isValidCivil,
  MS_PER_DAY,
  type CivilDate,
} from './time/days.js';
export { compileDateFormat, type DayParser } from './time/compileDateFormat.js';
export { calendarPeriod, durationBetween } from './time/duration.js';
export {
  fitByMaximumLikelihood,
  type FitOptions,
  type MaximumLikelihoodProblem,
  type MaximumLikelihoodFit,
} from './models/fit/fitByMaximumLikelihood.js';
export { groupRows, type GroupedRows } from './models/fit/groupRows.js';
