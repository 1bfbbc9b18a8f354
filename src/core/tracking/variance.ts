import type { AttentionReason, Shipment } from '../shipment/shipment.types.ts';
import { addBusinessDays, addDays, localDate, type BusinessCalendar } from './business-days.ts';
import { deliversOnWeekends } from './predict.ts';
import type { ShipmentStatus } from './statuses.ts';

/**
 * Variances: what a shipment's timers watch for and when they should look. Pure: the use case
 * schedules the timers as jobs and, when one fires, checks the condition again against the
 * shipment as it is then — so each fires once per cause and never for a stale one.
 */
export type TimerKind = 'stalled' | 'delayed' | 'arriving_tomorrow' | 'arriving_today';

export interface Timer {
  kind: TimerKind;
  /** When to look (an instant). */
  runAt: string;
  /** What the timer is about: the last scan time, or the estimated date. Part of its unique key. */
  cause: string;
}

export interface VarianceSettings {
  timeZone: string;
  calendar: BusinessCalendar;
  /** No scan for this many business hours makes a shipment stalled (default 72). */
  stalledAfterHours: number;
  /** Local hour the "arriving tomorrow" news goes out the day before (default 17). */
  tomorrowHour: number;
  /** Local hour the "arriving today" news goes out on the day (default 8). */
  todayHour: number;
}

const DONE: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'return_to_sender', 'expired']);
const OFF_TRACK: ReadonlySet<ShipmentStatus> = new Set(['exception', 'return_to_sender', 'expired', 'attempt_failed', 'available_for_pickup']);

/** The instant a local wall-clock time in a time zone stands for (DST-safe to the hour). */
export function zonedInstant(date: string, hour: number, timeZone: string): string {
  const guess = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  // Find the zone's offset at that moment, then correct once more in case it crossed a change.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const offset = offsetMinutes(new Date(t), timeZone);
    t = guess - offset * 60_000;
  }
  return new Date(t).toISOString();
}

/** Building an Intl formatter is costly; one per zone is enough. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetMinutes(at: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The date range the shipment is expected in: Otodoke's estimate, else the carrier's date. */
export function expectedRange(s: Pick<Shipment, 'estimatedDelivery' | 'carrierEstimate'>, timeZone: string): { earliest: string; latest: string } | null {
  if (s.estimatedDelivery) return { earliest: s.estimatedDelivery.earliest, latest: s.estimatedDelivery.latest };
  if (!s.carrierEstimate) return null;
  const d = s.carrierEstimate.length > 10 ? localDate(s.carrierEstimate, timeZone) : s.carrierEstimate;
  return { earliest: d, latest: d };
}

/** When no scan by then makes a shipment stalled, counting only days the carrier moves. */
export function stalledAt(lastEventAt: string, carrier: string | null, settings: VarianceSettings): string {
  const days = Math.floor(settings.stalledAfterHours / 24);
  const rest = settings.stalledAfterHours % 24;
  const date = localDate(lastEventAt, settings.timeZone);
  const target = carrier && deliversOnWeekends(carrier) ? addDays(date, days) : addBusinessDays(date, days, settings.calendar);
  const shiftDays = Math.round((Date.parse(target) - Date.parse(date)) / 86_400_000);
  return new Date(Date.parse(lastEventAt) + shiftDays * 86_400_000 + rest * 3_600_000).toISOString();
}

/** The timers a shipment should have now. */
export function timersFor(s: Shipment, settings: VarianceSettings): Timer[] {
  if (s.cancelled || DONE.has(s.status)) return [];
  const timers: Timer[] = [];
  if (s.lastEventAt) timers.push({ kind: 'stalled', runAt: stalledAt(s.lastEventAt, s.carrier, settings), cause: s.lastEventAt });
  const range = expectedRange(s, settings.timeZone);
  if (range) {
    // The estimate has passed once its last day is over where the shopper is.
    timers.push({ kind: 'delayed', runAt: zonedInstant(addDays(range.latest, 1), 0, settings.timeZone), cause: range.latest });
    if (range.earliest === range.latest && !OFF_TRACK.has(s.status)) {
      timers.push({ kind: 'arriving_tomorrow', runAt: zonedInstant(addDays(range.latest, -1), settings.tomorrowHour, settings.timeZone), cause: range.latest });
      timers.push({ kind: 'arriving_today', runAt: zonedInstant(range.latest, settings.todayHour, settings.timeZone), cause: range.latest });
    }
  }
  return timers;
}

/** Whether a timer that fires now still stands for the shipment as it is. */
export function timerStillHolds(kind: TimerKind, cause: string, s: Shipment, settings: VarianceSettings): boolean {
  if (s.cancelled || DONE.has(s.status)) return false;
  const range = expectedRange(s, settings.timeZone);
  switch (kind) {
    case 'stalled':
      return s.lastEventAt === cause;
    case 'delayed':
      return range?.latest === cause;
    case 'arriving_tomorrow':
    case 'arriving_today':
      return range?.latest === cause && range.earliest === range.latest && !OFF_TRACK.has(s.status);
  }
}

export type EstimateMove = { kind: 'delayed' | 'early'; from: string; to: string } | null;

/** A new estimate later than the last one is a delay the shopper should hear of; earlier is good news. */
export function estimateMove(before: { latest: string } | null, after: { latest: string } | null): EstimateMove {
  if (!before || !after || before.latest === after.latest) return null;
  return after.latest > before.latest ? { kind: 'delayed', from: before.latest, to: after.latest } : { kind: 'early', from: before.latest, to: after.latest };
}

/** Delivered before the earliest expected day: early. */
export function deliveredEarly(deliveredAt: string, range: { earliest: string } | null, timeZone: string): boolean {
  return range !== null && localDate(deliveredAt, timeZone) < range.earliest;
}

/** The reason a status itself gives for attention. */
export function statusAttention(status: ShipmentStatus): AttentionReason | null {
  return status === 'attempt_failed' || status === 'exception' || status === 'return_to_sender' || status === 'expired' ? status : null;
}

/**
 * Attention after a status change: a troubled status sets its reason; delivered clears all; a
 * stall ends with any new movement; a delay stays until delivery or a worse reason replaces it.
 */
export function nextAttention(current: Shipment['attention'], status: ShipmentStatus, at: string): Shipment['attention'] {
  if (status === 'delivered') return null;
  const own = statusAttention(status);
  if (own) return current?.reason === own ? current : { reason: own, since: at };
  if (current && (current.reason === 'delayed')) return current;
  return null;
}
