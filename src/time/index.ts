export type { TimeUnit } from './units.js';
export { TIME_UNITS } from './units.js';
export {
  addMonthsToDay,
  civilFromDay,
  dayFromCivil,
  dayFromIso,
  daysInMonth,
  isLeapYear,
  isoFromDay,
  isValidCivil,
  MS_PER_DAY,
  type CivilDate,
} from './days.js';
export { compileDateFormat, type DayParser } from './compileDateFormat.js';
export { calendarPeriod, durationBetween } from './duration.js';
export type { PeriodMode } from './periodIndexer.js';
export type { DateLike } from './toEpochDay.js';
