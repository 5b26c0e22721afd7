// Time in the domain API: time units, and the conversion between ISO dates and the epoch days of
// the TransactionTable columns. The calendar arithmetic behind them (civil dates, month steps,
// date-format parsers, exact durations) is plumbing, published under `loyalty-score/math`.
export type { TimeUnit } from './units.js';
export { TIME_UNITS } from './units.js';
export { dayFromIso, isoFromDay } from './days.js';
export type { PeriodMode } from './periodIndexer.js';
export type { DateLike, DateRangeOption } from './dateRange.js';
