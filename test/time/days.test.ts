import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/index.js';
import { addMonthsToDay, calendarPeriod, civilFromDay, compileDateFormat, dayFromCivil, durationBetween, MS_PER_DAY } from '../../src/math.js';

describe('epoch days', () => {
  it('agree with Date.UTC over ±10,000 years of days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (day) => {
        const d = new Date(day * MS_PER_DAY);
        const c = civilFromDay(day);
        expect(c).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(dayFromCivil(c.year, c.month, c.day)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip ISO strings and reject impossible dates', () => {
    expect(isoFromDay(dayFromIso('2000-02-29'))).toBe('2000-02-29');
    expect(() => dayFromIso('1900-02-29')).toThrow(RangeError);
    expect(() => dayFromIso('2024-13-01')).toThrow(RangeError);
    expect(() => dayFromIso('2024-1-01')).toThrow(RangeError);
  });

  it('adds months clamping to the month end', () => {
    expect(isoFromDay(addMonthsToDay(dayFromIso('2023-01-31'), 1))).toBe('2023-02-28');
    expect(isoFromDay(addMonthsToDay(dayFromIso('2024-03-31'), -1))).toBe('2024-02-29');
    expect(isoFromDay(addMonthsToDay(dayFromIso('2024-12-15'), 13))).toBe('2026-01-15');
  });
});

describe('durationBetween', () => {
  const d = dayFromIso;
  it('measures calendar months and years without a 30-day month', () => {
    expect(durationBetween(d('2024-01-31'), d('2024-02-29'), 'month')).toBe(1);
    expect(durationBetween(d('2023-02-01'), d('2023-03-01'), 'month')).toBe(1);
    expect(durationBetween(d('2023-02-01'), d('2023-02-15'), 'month')).toBe(14 / 28);
    expect(durationBetween(d('2024-02-01'), d('2024-02-15'), 'month')).toBe(14 / 29);
    expect(durationBetween(d('2020-02-29'), d('2021-02-28'), 'year')).toBe(1);
    // The year from 2023-07-01 to 2024-07-01 has 366 days, 184 of which have passed.
    expect(durationBetween(d('2023-07-01'), d('2024-01-01'), 'year')).toBe(184 / 366);
    expect(durationBetween(d('2024-01-01'), d('2024-01-08'), 'week')).toBe(1);
  });

  it('is zero on equal days, antisymmetric, and increasing in the end date (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom('day', 'week', 'month', 'year' as const),
        (from, span, more, unit) => {
          const a = durationBetween(from, from + span, unit);
          expect(durationBetween(from, from, unit)).toBe(0);
          expect(durationBetween(from + span, from, unit) + 0).toBe(-a + 0);
          expect(durationBetween(from, from + span + more, unit)).toBeGreaterThan(a);
          expect(Number.isFinite(a)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('calendarPeriod', () => {
  it('uses Monday-to-Sunday weeks', () => {
    expect(calendarPeriod(dayFromIso('2024-01-01'), 'week')).toBe(calendarPeriod(dayFromIso('2024-01-07'), 'week')); // Mon..Sun
    expect(calendarPeriod(dayFromIso('2024-01-08'), 'week')).toBe(calendarPeriod(dayFromIso('2024-01-07'), 'week') + 1);
    expect(calendarPeriod(dayFromIso('2024-02-29'), 'month') - calendarPeriod(dayFromIso('2023-12-31'), 'month')).toBe(2);
  });
});

describe('compileDateFormat', () => {
  it('parses fixed-width formats without date-fns and others with it', () => {
    expect(isoFromDay(compileDateFormat('dd/MM/yyyy')('31/12/1999'))).toBe('1999-12-31');
    expect(compileDateFormat('dd/MM/yyyy')('31/02/1999')).toBeNaN();
    expect(compileDateFormat('dd/MM/yyyy')('31-12-1999')).toBeNaN();
    expect(isoFromDay(compileDateFormat('MM/dd/yy')('12/31/99'))).toMatch(/-12-31$/);
    expect(compileDateFormat('iso')('2024-01-01T10:00:00Z')).toBe(dayFromIso('2024-01-01'));
    expect(compileDateFormat('iso')('2024-01-01 10:00:00')).toBe(dayFromIso('2024-01-01'));
    expect(compileDateFormat('iso')('2024-01-01X')).toBeNaN();
    expect(compileDateFormat('iso')('2024-01-01T23')).toBe(dayFromIso('2024-01-01'));
    // Hour 99 is no time of day (issue 11): the date is invalid, not 1 January.
    expect(compileDateFormat('iso')('2024-01-01T99')).toBeNaN();
  });
});

describe('impossible times of day (issue 11)', () => {
  const iso = compileDateFormat('iso');
  it.each(['2024-03-01T25:61:99', '2024-03-01T24:00', '2024-03-01T23:60', '2024-03-01T23:59:61', '2024-03-01 12:00:00+24:00', '2024-03-01T12:00-05:60'])('iso %s is no date', (text) => {
    expect(iso(text)).toBeNaN();
  });
  it.each(['2024-03-01T00:00', '2024-03-01T23:59:59.999', '2024-03-01T23:59:60Z', '2024-03-01 12:00:00+14:00', '2024-03-01T12:00-0530'])('iso %s is 1 March', (text) => {
    expect(isoFromDay(iso(text))).toBe('2024-03-01');
  });
  it.each([
    ['yyyy-MM-dd HH:mm:ss', '2024-03-01 25:00:00'],
    ['yyyy-MM-dd HH:mm:ss', '2024-03-01 10:61:00'],
    ['yyyy-MM-dd HH:mm:ss', '2024-03-01 10:00:99'],
    ['M/d/yyyy h:mm a', '3/1/2024 13:00 PM'],
    ['M/d/yyyy h:mm a', '3/1/2024 0:30 AM'],
    ['yyyy-MM-dd HH:mm:ss xx', '2024-03-01 10:00:00 +2500'],
  ])('%s reads %s as no date', (format, text) => {
    expect(compileDateFormat(format)(text)).toBeNaN();
  });
  it('valid times in token formats still read', () => {
    expect(isoFromDay(compileDateFormat('yyyy-MM-dd HH:mm:ss')('2024-03-01 23:59:59'))).toBe('2024-03-01');
    expect(isoFromDay(compileDateFormat('M/d/yyyy h:mm a')('3/1/2024 12:30 AM'))).toBe('2024-03-01');
    expect(isoFromDay(compileDateFormat('yyyy-MM-dd HH:mm:ss xx')('2024-03-01 23:30:00 -0500'))).toBe('2024-03-01');
  });
});
