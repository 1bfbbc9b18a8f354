import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatTimeSlot } from './format.ts';

describe('formatMoney', () => {
  it('formats JPY without decimals and a half-width yen sign in both locales', () => {
    expect(formatMoney(1200, 'JPY', 'ja')).toBe('¥1,200');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
    expect(formatMoney(0, 'JPY', 'ja')).toBe('¥0');
  });

  it('formats minor units of two-decimal currencies', () => {
    expect(formatMoney(1999, 'USD', 'en')).toBe('$19.99');
    expect(formatMoney(1999, 'USD', 'ja')).toBe('$19.99');
    expect(formatMoney(120000, 'usd', 'en')).toBe('$1,200.00');
  });

  it('falls back to a plain amount for an unknown currency code', () => {
    expect(formatMoney(1234, 'XX1', 'en')).toBe('12.34 XX1');
  });
});

describe('formatDate', () => {
  it('shows a timestamp in the store time zone', () => {
    // 2026-11-19T20:00Z is already Friday 20 November in Tokyo.
    expect(formatDate('2026-11-19T20:00:00Z', 'ja', 'Asia/Tokyo')).toBe('2026年11月20日(金)');
    expect(formatDate('2026-11-19T20:00:00Z', 'en', 'Asia/Tokyo')).toBe('Fri, Nov 20');
    expect(formatDate('2026-11-19T20:00:00Z', 'en', 'America/New_York')).toBe('Thu, Nov 19');
  });

  it('shows a calendar date as that day whatever the zone', () => {
    expect(formatDate('2026-11-20', 'ja', 'America/Los_Angeles')).toBe('2026年11月20日(金)');
    expect(formatDate('2026-11-20', 'en', 'Pacific/Kiritimati')).toBe('Fri, Nov 20');
  });

  it('has short, long, datetime and time styles', () => {
    const t = '2026-11-20T05:30:00Z';
    expect(formatDate(t, 'ja', 'Asia/Tokyo', 'short')).toBe('11月20日(金)');
    expect(formatDate(t, 'en', 'Asia/Tokyo', 'short')).toBe('Nov 20');
    expect(formatDate(t, 'en', 'Asia/Tokyo', 'long')).toBe('Friday, November 20, 2026');
    expect(formatDate(t, 'ja', 'Asia/Tokyo', 'datetime')).toBe('2026年11月20日(金) 14:30');
    expect(formatDate(t, 'en', 'Asia/Tokyo', 'datetime')).toBe('Fri, Nov 20, 2:30 PM');
    expect(formatDate(t, 'ja', 'Asia/Tokyo', 'time')).toBe('14:30');
  });

  it('returns what it cannot read, and survives an unknown style or zone', () => {
    expect(formatDate('next week', 'en', 'Asia/Tokyo')).toBe('next week');
    expect(formatDate('2026-11-20', 'en', 'Asia/Tokyo', 'fancy')).toBe('Fri, Nov 20');
    expect(formatDate('2026-11-20T00:00:00Z', 'en', 'Not/AZone')).toBe('Fri, Nov 20');
  });
});

describe('formatTimeSlot', () => {
  it('formats Japanese carrier slots in both locales', () => {
    expect(formatTimeSlot('午前中', 'ja')).toBe('午前中');
    expect(formatTimeSlot('午前中', 'en')).toBe('Morning');
    expect(formatTimeSlot('14-16', 'ja')).toBe('14–16時');
    expect(formatTimeSlot('14-16', 'en')).toBe('2–4 pm');
    expect(formatTimeSlot('12-14', 'en')).toBe('12–2 pm');
    expect(formatTimeSlot('19-21', 'en')).toBe('7–9 pm');
  });

  it('reads full-width digits, 時 and minutes, and spans across noon', () => {
    expect(formatTimeSlot('１８時〜２０時', 'ja')).toBe('18–20時');
    expect(formatTimeSlot('10-14', 'en')).toBe('10 am–2 pm');
    expect(formatTimeSlot('9:30-11:00', 'en')).toBe('9:30–11 am');
    expect(formatTimeSlot('9:30-11:00', 'ja')).toBe('9:30–11:00');
  });

  it('leaves free text alone', () => {
    expect(formatTimeSlot('夕方以降', 'ja')).toBe('夕方以降');
    expect(formatTimeSlot('any time', 'en')).toBe('any time');
  });
});
