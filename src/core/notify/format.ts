import { minorUnitDigits } from '../shared/money.ts';
import type { Locale } from './triggers.ts';

/**
 * Locale-aware formatting for messages (and any page that speaks to the shopper). Pure: Intl only.
 * Each function is lenient: a value it cannot read is returned as text rather than throwing, so a
 * merchant's template never fails on data.
 */

const INTL_LOCALE: Record<Locale, string> = { ja: 'ja-JP', en: 'en-US' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `1200, 'JPY'` → `¥1,200` (ja and en alike); `1999, 'USD'` → `$19.99`. Amounts are minor units. */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const code = currency.toUpperCase();
  const key = `${locale}|${code}`;
  let nf = moneyFormats.get(key);
  if (!nf) {
    const digits = minorUnitDigits(code);
    try {
      nf = new Intl.NumberFormat(INTL_LOCALE[locale], {
        style: 'currency',
        currency: code,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      return `${(amount / 10 ** minorUnitDigits(code)).toFixed(minorUnitDigits(code))} ${code}`;
    }
    moneyFormats.set(key, nf);
  }
  // ja-JP writes the full-width yen sign (￥); shops and receipts use the half-width one.
  return nf.format(amount / 10 ** minorUnitDigits(code)).replace('￥', '¥');
}

export const DATE_STYLES = ['default', 'short', 'long', 'datetime', 'time'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

const DATE_OPTIONS: Record<DateStyle, Record<Locale, Intl.DateTimeFormatOptions>> = {
  // 2026年11月20日(金) / Fri, Nov 20
  default: {
    ja: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' },
    en: { weekday: 'short', month: 'short', day: 'numeric' },
  },
  // 11月20日(金) / Nov 20
  short: {
    ja: { month: 'long', day: 'numeric', weekday: 'short' },
    en: { month: 'short', day: 'numeric' },
  },
  // 2026年11月20日(金) / Friday, November 20, 2026
  long: {
    ja: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' },
    en: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  },
  // 2026年11月20日(金) 12:00 / Fri, Nov 20, 12:00 PM
  datetime: {
    ja: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: 'numeric', minute: '2-digit' },
    en: { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  },
  // 12:00 / 12:00 PM
  time: {
    ja: { hour: 'numeric', minute: '2-digit' },
    en: { hour: 'numeric', minute: '2-digit' },
  },
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDateStyle(value: string): value is DateStyle {
  return (DATE_STYLES as readonly string[]).includes(value);
}

/**
 * A timestamp in the store's time zone, or a calendar date (`YYYY-MM-DD`, shown as that day in any
 * zone), in one of DATE_STYLES. An unknown style falls back to `default`.
 */
export function formatDate(value: string | Date, locale: Locale, timeZone: string, style: string = 'default'): string {
  const s: DateStyle = isDateStyle(style) ? style : 'default';
  let date: Date;
  let zone = timeZone;
  const day = typeof value === 'string' ? DAY_ONLY.exec(value.trim()) : null;
  if (day) {
    date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    zone = 'UTC';
  } else {
    date = value instanceof Date ? value : new Date(value);
  }
  if (Number.isNaN(date.getTime())) return String(value);
  const key = `${locale}|${zone}|${s}`;
  let df = dateFormats.get(key);
  if (!df) {
    try {
      df = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DATE_OPTIONS[s][locale], timeZone: zone });
    } catch {
      df = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DATE_OPTIONS[s][locale], timeZone: 'UTC' });
    }
    dateFormats.set(key, df);
  }
  return df.format(date);
}

const MORNING = new Set(['午前中', 'morning', 'am']);
const SLOT = /^(\d{1,2})(?::(\d{2}))?\s*(?:時)?\s*[-–~〜～]\s*(\d{1,2})(?::(\d{2}))?\s*(?:時)?$/u;

/**
 * A delivery time slot (配達時間帯): `午前中` → 午前中 / Morning; `14-16` → 14–16時 / 2–4 pm;
 * `10-14` → 10–14時 / 10 am–2 pm. Anything else is returned as given.
 */
export function formatTimeSlot(slot: string, locale: Locale): string {
  const text = slot.normalize('NFKC').trim();
  if (MORNING.has(text.toLowerCase())) return locale === 'ja' ? '午前中' : 'Morning';
  const m = SLOT.exec(text);
  if (!m) return slot;
  const from = { h: Number(m[1]), m: m[2] ?? '00' };
  const to = { h: Number(m[3]), m: m[4] ?? '00' };
  if (from.h > 24 || to.h > 24) return slot;
  if (locale === 'ja') {
    const ja = (t: { h: number; m: string }) => (t.m === '00' ? `${t.h}` : `${t.h}:${t.m}`);
    return from.m === '00' && to.m === '00' ? `${ja(from)}–${ja(to)}時` : `${from.h}:${from.m}–${to.h}:${to.m}`;
  }
  const half = (h: number) => (h % 24 < 12 ? 'am' : 'pm');
  const en = (t: { h: number; m: string }) => `${t.h % 12 === 0 ? 12 : t.h % 12}${t.m === '00' ? '' : `:${t.m}`}`;
  return half(from.h) === half(to.h)
    ? `${en(from)}–${en(to)} ${half(to.h)}`
    : `${en(from)} ${half(from.h)}–${en(to)} ${half(to.h)}`;
}
