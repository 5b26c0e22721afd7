/**
 * Time in the domain API: the time units results are measured in, and the conversion between
 * ISO dates and the epoch days that {@link TransactionTable} columns and
 * {@link TransactionTableBuilder} use. The calendar arithmetic behind them (civil dates, month
 * steps, date-format parsers, exact durations) is plumbing, published under `loyalty-score/math`.
 *
 * @module
 */
export type { TimeUnit } from './units.js';
export { TIME_UNITS } from './units.js';
export { dayFromIso, isoFromDay } from './days.js';
export type { PeriodMode } from './periodIndexer.js';
export type { DateLike } from './toEpochDay.js';
