/**
 * Wall-clock time in a time zone, without a library: Intl tells the zone's offset at an instant.
 * Japan has no daylight saving, so Tokyo takes a shortcut.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const TOKYO_OFFSET = 9 * HOUR;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (Tokyo: +9 h; New York in July: −4 h). */
export function zoneOffset(ms: number, timeZone: string): number {
  if (timeZone === 'Asia/Tokyo') return TOKYO_OFFSET;
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant (UTC ms) of a wall-clock time: `date` (YYYY-MM-DD) plus `minutes` after local midnight. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  return second;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function zonedDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);
}

/** Minutes after local midnight of an instant. */
export function zonedMinutes(ms: number, timeZone: string): number {
  const local = ms + zoneOffset(ms, timeZone);
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function toMs(t: Date | string | number): number {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: ${String(t)}`);
  return ms;
}
