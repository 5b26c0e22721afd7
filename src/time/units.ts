/**
 * The unit in which durations are reported.
 *
 * Durations are calendar-correct: a week is 7 days, a month runs from a day to the same day of
 * the next month (28 to 31 days), a year from a date to the same date a year later.
 */
export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** The time units, in increasing length. */
export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month', 'year'];
