import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDays,
  businessCalendarSchema,
  businessDaysBetween,
  holidayName,
  isBusinessDay,
  isIsoDate,
  isPublicHoliday,
  isoDateSchema,
  localDate,
  nextBusinessDayOnOrAfter,
  publicHolidays,
  usFederalHolidays,
  weekday,
} from './business-days.ts';

describe('dates', () => {
  it('validates YYYY-MM-DD calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026/01/01')).toBe(false);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isoDateSchema.safeParse('2026-04-31').success).toBe(false);
    expect(businessCalendarSchema.safeParse('JP').success).toBe(true);
    expect(businessCalendarSchema.safeParse('UK').success).toBe(false);
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-05-01', 0)).toBe('2026-05-01');
  });

  it('knows the weekday', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-01-01')).toBe(4); // Thursday
    expect(weekday('2026-05-03')).toBe(0); // Sunday
    expect(weekday('1969-12-31')).toBe(3);
  });

  it('rejects what is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => isBusinessDay('tomorrow', 'JP')).toThrow(RangeError);
    expect(() => addBusinessDays('2026-05-01', 1.5, 'JP')).toThrow(RangeError);
    expect(() => isBusinessDay('2026-05-01', 'JP', ['2026-05-32'])).toThrow(RangeError);
  });
});

describe('Japanese holidays', () => {
  it('closes on New Year’s Day and Golden Week 2026', () => {
    expect(isBusinessDay('2026-01-01', 'JP')).toBe(false);
    expect(holidayName('2026-01-01', 'JP')).toBe('元日');
    for (const d of ['2026-04-29', '2026-05-04', '2026-05-05', '2026-05-06']) {
      expect(isPublicHoliday(d, 'JP')).toBe(true);
      expect(isBusinessDay(d, 'JP')).toBe(false);
    }
    expect(holidayName('2026-05-06', 'JP')).toContain('振替休日');
    expect(isBusinessDay('2026-05-01', 'JP')).toBe(true);
    expect(isBusinessDay('2026-05-07', 'JP')).toBe(true);
  });

  it('knows the Monday holidays and the sandwiched 国民の休日', () => {
    expect(isPublicHoliday('2026-01-12', 'JP')).toBe(true); // 成人の日
    expect(isPublicHoliday('2026-09-22', 'JP')).toBe(true); // between 敬老の日 and 秋分の日
    expect(isPublicHoliday('2026-09-24', 'JP')).toBe(false);
  });

  it('lists the holidays of a year', () => {
    const list = publicHolidays(2026, 'JP');
    expect(list).toHaveLength(18);
    expect(list[0]).toEqual({ date: '2026-01-01', name: '元日' });
    expect(list.map((h) => h.date)).toContain('2026-11-23');
  });

  it('does not apply Japanese holidays to other calendars', () => {
    expect(isBusinessDay('2026-05-05', 'US')).toBe(true);
    expect(isBusinessDay('2026-05-05', 'none')).toBe(true);
    expect(holidayName('2026-05-05', 'none')).toBeNull();
  });
});

describe('US federal holidays', () => {
  it('computes the 2026 holidays on their observed days', () => {
    expect(usFederalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-19', // 3rd Monday of January
      '2026-02-16', // 3rd Monday of February
      '2026-05-25', // last Monday of May
      '2026-06-19',
      '2026-07-03', // July 4th is a Saturday
      '2026-09-07', // 1st Monday of September
      '2026-10-12', // 2nd Monday of October
      '2026-11-11',
      '2026-11-26', // 4th Thursday of November
      '2026-12-25',
    ]);
    expect(usFederalHolidays(2026)[5]).toEqual({ date: '2026-07-03', name: 'Independence Day', actual: '2026-07-04' });
  });

  it('closes on Thanksgiving 2026 and the observed Independence Day', () => {
    expect(isBusinessDay('2026-11-26', 'US')).toBe(false);
    expect(holidayName('2026-11-26', 'US')).toBe('Thanksgiving Day');
    expect(isBusinessDay('2026-11-27', 'US')).toBe(true);
    expect(isBusinessDay('2026-07-03', 'US')).toBe(false);
    expect(isBusinessDay('2026-11-26', 'JP')).toBe(true);
  });

  it('moves a Sunday holiday to Monday and a Saturday New Year’s Day into the year before', () => {
    // 2027-06-19 is a Saturday, 2027-12-25 a Saturday, 2028-01-01 a Saturday.
    expect(isPublicHoliday('2027-06-18', 'US')).toBe(true);
    expect(isPublicHoliday('2027-12-24', 'US')).toBe(true);
    expect(isPublicHoliday('2027-12-31', 'US')).toBe(true);
    expect(holidayName('2021-12-31', 'US')).toBe("New Year's Day");
    // 2023-01-01 was a Sunday
    expect(isPublicHoliday('2023-01-02', 'US')).toBe(true);
    expect(publicHolidays(2027, 'US').at(-1)).toEqual({ date: '2027-12-31', name: "New Year's Day" });
    expect(publicHolidays(2028, 'US')[0]?.date).toBe('2028-01-17');
  });

  it('applies holidays only from the year they were created', () => {
    expect(usFederalHolidays(2020).map((h) => h.name)).not.toContain('Juneteenth National Independence Day');
    expect(usFederalHolidays(2021).map((h) => h.name)).toContain('Juneteenth National Independence Day');
    expect(usFederalHolidays(1985).map((h) => h.name)).not.toContain('Birthday of Martin Luther King, Jr.');
  });
});

describe('addBusinessDays', () => {
  it('skips weekends', () => {
    expect(addBusinessDays('2026-01-09', 1, 'none')).toBe('2026-01-12'); // Fri → Mon
    expect(addBusinessDays('2026-01-10', 1, 'none')).toBe('2026-01-12'); // Sat → Mon
    expect(addBusinessDays('2026-01-05', 5, 'none')).toBe('2026-01-12');
    expect(addBusinessDays('2026-01-12', -1, 'none')).toBe('2026-01-09');
  });

  it('skips Japanese holidays', () => {
    expect(addBusinessDays('2026-01-09', 1, 'JP')).toBe('2026-01-13'); // Monday 12th is 成人の日
    expect(addBusinessDays('2026-04-30', 1, 'JP')).toBe('2026-05-01');
    expect(addBusinessDays('2026-05-01', 1, 'JP')).toBe('2026-05-07'); // over Golden Week
    expect(addBusinessDays('2026-05-07', -1, 'JP')).toBe('2026-05-01');
    expect(addBusinessDays('2025-12-31', 1, 'JP')).toBe('2026-01-02');
  });

  it('skips US holidays', () => {
    expect(addBusinessDays('2026-11-25', 1, 'US')).toBe('2026-11-27');
    expect(addBusinessDays('2026-07-02', 1, 'US')).toBe('2026-07-06');
  });

  it('skips the caller’s extra holidays', () => {
    const yearEnd = ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04'];
    expect(addBusinessDays('2026-12-28', 1, 'JP')).toBe('2026-12-29');
    expect(addBusinessDays('2026-12-28', 1, 'JP', yearEnd)).toBe('2027-01-05');
    expect(isBusinessDay('2026-12-30', 'JP', yearEnd)).toBe(false);
  });

  it('returns the date unchanged for 0', () => {
    expect(addBusinessDays('2026-05-03', 0, 'JP')).toBe('2026-05-03');
  });

  it('rolls to the next business day on request', () => {
    expect(nextBusinessDayOnOrAfter('2026-05-02', 'JP')).toBe('2026-05-07');
    expect(nextBusinessDayOnOrAfter('2026-05-07', 'JP')).toBe('2026-05-07');
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after the first date up to the second', () => {
    expect(businessDaysBetween('2026-01-09', '2026-01-12', 'none')).toBe(1);
    expect(businessDaysBetween('2026-01-09', '2026-01-12', 'JP')).toBe(0);
    expect(businessDaysBetween('2026-05-01', '2026-05-08', 'JP')).toBe(2);
    expect(businessDaysBetween('2026-05-01', '2026-05-08', 'none')).toBe(5);
    expect(businessDaysBetween('2026-11-23', '2026-11-30', 'US')).toBe(4);
    expect(businessDaysBetween('2026-05-01', '2026-05-01', 'JP')).toBe(0);
  });

  it('is negative backwards', () => {
    expect(businessDaysBetween('2026-05-08', '2026-05-01', 'JP')).toBe(-2);
    // From a Saturday back to the Friday before is one step back.
    expect(businessDaysBetween('2026-01-10', '2026-01-09', 'none')).toBe(-1);
  });

  it('undoes addBusinessDays', () => {
    for (const calendar of ['JP', 'US', 'none'] as const) {
      for (let start = '2026-04-20'; start < '2026-05-20'; start = addDays(start, 3)) {
        for (const n of [-7, -1, 1, 2, 5, 12]) {
          expect(businessDaysBetween(start, addBusinessDays(start, n, calendar), calendar)).toBe(n);
        }
      }
    }
  });
});

describe('localDate', () => {
  it('gives the date of an instant in a time zone', () => {
    expect(localDate('2026-05-01T16:00:00Z', 'Asia/Tokyo')).toBe('2026-05-02');
    expect(localDate('2026-05-01T14:59:59Z', 'Asia/Tokyo')).toBe('2026-05-01');
    expect(localDate('2026-05-01T16:00:00Z', 'America/New_York')).toBe('2026-05-01');
    expect(localDate('2026-05-01T23:30:00+09:00', 'UTC')).toBe('2026-05-01');
    expect(localDate('2026-05-02T00:30:00.123+09:00', 'UTC')).toBe('2026-05-01');
  });

  it('follows daylight saving time', () => {
    // New York: EST (UTC-5) until 2026-03-08 07:00Z, then EDT (UTC-4).
    expect(localDate('2026-03-08T04:59:59Z', 'America/New_York')).toBe('2026-03-07');
    expect(localDate('2026-03-08T05:00:00Z', 'America/New_York')).toBe('2026-03-08');
    expect(localDate('2026-07-01T03:59:59Z', 'America/New_York')).toBe('2026-06-30');
    expect(localDate('2026-07-01T04:00:00Z', 'America/New_York')).toBe('2026-07-01');
  });

  it('refuses instants without a zone and unknown zones', () => {
    expect(() => localDate('2026-05-01T16:00:00', 'Asia/Tokyo')).toThrow(RangeError);
    expect(() => localDate('2026-05-01', 'Asia/Tokyo')).toThrow(RangeError);
    expect(() => localDate('2026-02-30T00:00:00Z', 'Asia/Tokyo')).toThrow(RangeError);
    expect(() => localDate('2026-05-01T16:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
