import holidayJp from '@holiday-jp/holiday_jp';
import { z } from 'zod';

/**
 * Business-day arithmetic on calendar dates (`YYYY-MM-DD` strings, no time, no zone).
 *
 * A business day is a Monday to Friday that is not a public holiday of the chosen calendar and
 * not one of the caller's extra holidays (a warehouse's 年末年始 closing, say):
 * - `JP`: Japanese national holidays, 振替休日 and 国民の休日 included, from @holiday-jp/holiday_jp
 *   (its data covers 1970-2050; outside that range only weekends count).
 * - `US`: US federal holidays (5 U.S.C. 6103), computed here, on their observed days: a holiday on
 *   a Saturday is observed the Friday before, on a Sunday the Monday after (so New Year's Day
 *   2022, a Saturday, closes Friday 2021-12-31). Rules as in force since 1971 (Monday holidays),
 *   Martin Luther King Jr. Day from 1986, Juneteenth from 2021.
 * - `none`: weekends only.
 *
 * Turning an instant into a date is the caller's choice of time zone: see localDate.
 */

export const BUSINESS_CALENDARS = ['JP', 'US', 'none'] as const;
export const businessCalendarSchema = z.enum(BUSINESS_CALENDARS);
export type BusinessCalendar = (typeof BUSINESS_CALENDARS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A valid calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'Expected a date as YYYY-MM-DD' });

/** Days since 1970-01-01. */
function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day: number): string {
  const t = new Date(day * DAY_MS);
  const y = String(t.getUTCFullYear()).padStart(4, '0');
  const m = String(t.getUTCMonth() + 1).padStart(2, '0');
  const d = String(t.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function ymd(year: number, month: number, day: number): string {
  return fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}

// ---------------------------------------------------------------------------------------------
// US federal holidays.

export interface Holiday {
  /** The day offices close (the observed day). */
  readonly date: string;
  readonly name: string;
  /** The holiday's own date, when it differs from the observed one. */
  readonly actual?: string;
}

/** The nth (1-based) weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, wd: number, n: number): string {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const offset = (wd - weekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = addDays(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekday(last) - wd + 7) % 7));
}

function observed(date: string): string {
  const wd = weekday(date);
  if (wd === 6) return addDays(date, -1);
  if (wd === 0) return addDays(date, 1);
  return date;
}

function fixed(year: number, month: number, day: number, name: string): Holiday {
  const actual = ymd(year, month, day);
  const date = observed(actual);
  return date === actual ? { date, name } : { date, name, actual };
}

const MON = 1;
const THU = 4;

/** The federal holidays of a year, on their observed days (which may fall in the year before). */
export function usFederalHolidays(year: number): readonly Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer: ${year}`);
  const list: Holiday[] = [fixed(year, 1, 1, "New Year's Day")];
  if (year >= 1986) list.push({ date: nthWeekday(year, 1, MON, 3), name: 'Birthday of Martin Luther King, Jr.' });
  list.push({ date: nthWeekday(year, 2, MON, 3), name: "Washington's Birthday" });
  list.push({ date: nthWeekday(year, 5, MON, -1), name: 'Memorial Day' });
  if (year >= 2021) list.push(fixed(year, 6, 19, 'Juneteenth National Independence Day'));
  list.push(fixed(year, 7, 4, 'Independence Day'));
  list.push({ date: nthWeekday(year, 9, MON, 1), name: 'Labor Day' });
  list.push({ date: nthWeekday(year, 10, MON, 2), name: 'Columbus Day' });
  list.push(fixed(year, 11, 11, 'Veterans Day'));
  list.push({ date: nthWeekday(year, 11, THU, 4), name: 'Thanksgiving Day' });
  list.push(fixed(year, 12, 25, 'Christmas Day'));
  return list;
}

const usCache = new Map<number, ReadonlyMap<string, string>>();

/** Observed holidays falling in a calendar year, whichever year's holiday they are. */
function usHolidaysIn(year: number): ReadonlyMap<string, string> {
  let map = usCache.get(year);
  if (!map) {
    const entries = [...usFederalHolidays(year), ...usFederalHolidays(year + 1)]
      .filter((h) => h.date.startsWith(`${String(year).padStart(4, '0')}-`))
      .map((h) => [h.date, h.name] as const);
    map = new Map(entries);
    usCache.set(year, map);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Public holidays, either calendar.

const jpHolidays: Readonly<Record<string, { readonly name: string }>> = holidayJp.holidays;

/** The public holiday's name on that date, or null when it is none (weekends are not holidays). */
export function holidayName(date: string, calendar: BusinessCalendar): string | null {
  toDayNumber(date); // validates
  if (calendar === 'JP') return Object.hasOwn(jpHolidays, date) ? (jpHolidays[date]?.name ?? null) : null;
  if (calendar === 'US') return usHolidaysIn(Number(date.slice(0, 4))).get(date) ?? null;
  return null;
}

export function isPublicHoliday(date: string, calendar: BusinessCalendar): boolean {
  return holidayName(date, calendar) !== null;
}

/** The public holidays of a year, in date order. */
export function publicHolidays(year: number, calendar: BusinessCalendar): readonly Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer: ${year}`);
  const prefix = `${String(year).padStart(4, '0')}-`;
  if (calendar === 'JP') {
    return Object.keys(jpHolidays)
      .filter((d) => d.startsWith(prefix))
      .sort()
      .map((d) => ({ date: d, name: jpHolidays[d]?.name ?? '' }));
  }
  if (calendar === 'US') {
    return [...usHolidaysIn(year)]
      .map(([date, name]) => ({ date, name }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Business days.

function extraSet(extraHolidays: readonly string[] | undefined): ReadonlySet<string> {
  if (!extraHolidays || extraHolidays.length === 0) return new Set();
  for (const d of extraHolidays) toDayNumber(d); // validates
  return new Set(extraHolidays);
}

function isBusiness(date: string, calendar: BusinessCalendar, extra: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !extra.has(date) && !isPublicHoliday(date, calendar);
}

export function isBusinessDay(date: string, calendar: BusinessCalendar, extraHolidays?: readonly string[]): boolean {
  toDayNumber(date);
  return isBusiness(date, calendar, extraSet(extraHolidays));
}

/** The date itself when it is a business day, else the next business day. */
export function nextBusinessDayOnOrAfter(
  date: string,
  calendar: BusinessCalendar,
  extraHolidays?: readonly string[],
): string {
  const extra = extraSet(extraHolidays);
  let d = addDays(date, 0);
  while (!isBusiness(d, calendar, extra)) d = addDays(d, 1);
  return d;
}

/**
 * Move n business days from a date (backwards when n < 0). The start date itself is not counted,
 * so adding 1 to a Friday gives the next Monday (or later after holidays), and adding 1 to a
 * Saturday gives the Monday too. n = 0 returns the date unchanged.
 */
export function addBusinessDays(
  date: string,
  n: number,
  calendar: BusinessCalendar,
  extraHolidays?: readonly string[],
): string {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be an integer: ${n}`);
  const extra = extraSet(extraHolidays);
  const step = n < 0 ? -1 : 1;
  let d = addDays(date, 0);
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isBusiness(d, calendar, extra)) left--;
  }
  return d;
}

/**
 * Business days from a to b, counted as addBusinessDays steps them: forwards, the business days d
 * with a < d ≤ b; backwards (b before a), minus the business days d with b ≤ d < a. So
 * businessDaysBetween(a, addBusinessDays(a, n)) === n for every n, and a Friday to the next Monday
 * is 1. (When a or b is not a business day, swapping them may change the magnitude.)
 */
export function businessDaysBetween(
  a: string,
  b: string,
  calendar: BusinessCalendar,
  extraHolidays?: readonly string[],
): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  const extra = extraSet(extraHolidays);
  const [first, last, sign] = to >= from ? [from + 1, to, 1] : [to, from - 1, -1];
  let count = 0;
  for (let day = first; day <= last; day++) {
    if (isBusiness(fromDayNumber(day), calendar, extra)) count++;
  }
  return sign * count;
}

// ---------------------------------------------------------------------------------------------
// Instants to dates.

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown IANA zone.
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date of an instant in an IANA time zone:
 * localDate('2026-05-01T16:00:00Z', 'Asia/Tokyo') === '2026-05-02'.
 * The instant must be ISO 8601 with a zone (`Z` or `±hh:mm`).
 */
export function localDate(instantIso: string, timeZone: string): string {
  if (!ISO_INSTANT.test(instantIso) || !isIsoDate(instantIso.slice(0, 10))) {
    throw new RangeError(`Not an ISO 8601 instant with a zone: ${JSON.stringify(instantIso)}`);
  }
  const t = Date.parse(instantIso);
  if (Number.isNaN(t)) throw new RangeError(`Not a valid instant: ${JSON.stringify(instantIso)}`);
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}
