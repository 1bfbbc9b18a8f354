import type { NewJob, Repos, TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import type { Shipment } from '../core/shipment/shipment.types.ts';
import type { Store } from '../core/store/store.types.ts';
import type { BusinessCalendar } from '../core/tracking/business-days.ts';
import {
  deliveredEarly,
  estimateMove,
  expectedRange,
  nextAttention,
  timerStillHolds,
  timersFor,
  type TimerKind,
  type VarianceSettings,
} from '../core/tracking/variance.ts';
import { eventsFor, type AppDeps } from './deps.ts';

type Ev = ReturnType<typeof eventsFor>;

export function storeCalendar(store: Pick<Store, 'timezone' | 'currency'>): BusinessCalendar {
  if (store.timezone === 'Asia/Tokyo' || store.currency === 'JPY') return 'JP';
  if (store.timezone.startsWith('America/') || store.currency === 'USD') return 'US';
  return 'none';
}

export function varianceSettings(store: Store): VarianceSettings {
  return { timeZone: store.timezone, calendar: storeCalendar(store), stalledAfterHours: store.settings.stalledAfterHours, tomorrowHour: 17, todayHour: 8 };
}

const event = (ev: Ev, s: Shipment, customerId: string | null, type: string, actor: string, data: Record<string, unknown>, occurredAt?: string) =>
  ev({ type, subjectType: 'shipment', subjectId: s.id, orderId: s.orderId, customerId, actor, data: { carrier: s.carrier, trackingNumber: s.trackingNumber, ...data }, occurredAt });

/**
 * What a shipment's change means beyond its status: its attention reason, timeline events when the
 * expected date moved or it arrived early, and its timers (one job per kind, re-armed when the
 * cause moves, so each fires once per cause). Mutates `after`; the caller writes it and the jobs.
 */
export function planVariances(store: Store, before: Shipment | null, after: Shipment, customerId: string | null, ev: Ev, actor: string, now: Date): { events: TimelineEvent[]; jobs: NewJob[] } {
  const settings = varianceSettings(store);
  const at = now.toISOString();
  const events: TimelineEvent[] = [];
  // A new status, or any new scan for a stalled parcel, re-decides whether it needs attention.
  const moved = before?.attention?.reason === 'stalled' && after.lastEventAt !== before.lastEventAt;
  if (!before || before.status !== after.status || moved) after.attention = nextAttention(before?.attention ?? null, after.status, after.lastEventAt ?? at);
  const move = before ? estimateMove(expectedRange(before, settings.timeZone), expectedRange(after, settings.timeZone)) : null;
  if (move && after.status !== 'delivered') {
    events.push(event(ev, after, customerId, `shipment.${move.kind}`, actor, { cause: 'estimate_moved', from: move.from, to: move.to }));
    if (move.kind === 'delayed' && !after.attention) after.attention = { reason: 'delayed', since: at };
  }
  if (after.status === 'delivered' && before?.status !== 'delivered' && after.deliveredAt && deliveredEarly(after.deliveredAt, expectedRange(after, settings.timeZone), settings.timeZone)) {
    events.push(event(ev, after, customerId, 'shipment.early', actor, { cause: 'delivered_early', expected: expectedRange(after, settings.timeZone) }, after.deliveredAt));
  }
  // Timers whose cause and time did not move were armed when `before` was written: leave them.
  const armed = before ? timersFor(before, settings) : [];
  const due = timersFor(after, settings).filter((t) => !armed.some((a) => a.kind === t.kind && a.cause === t.cause && a.runAt === t.runAt));
  const jobs = due.map((t) => ({
    type: 'shipment.timer',
    storeId: store.id,
    // One timer a kind per shipment, re-armed when its cause moves (a new scan, a new date).
    key: `shp:${after.id}:${t.kind}`,
    rearm: true,
    runAt: t.runAt,
    payload: { storeId: store.id, shipmentId: after.id, kind: t.kind, cause: t.cause },
  }));
  return { events, jobs };
}

/** planVariances for one shipment, its timers enqueued at once. */
export async function afterShipmentChange(r: Repos, store: Store, before: Shipment | null, after: Shipment, customerId: string | null, ev: Ev, actor: string, now: Date): Promise<TimelineEvent[]> {
  const { events, jobs } = planVariances(store, before, after, customerId, ev, actor, now);
  await r.jobs.enqueue(jobs, now);
  return events;
}

/** Job: a timer came due; if its cause still stands, the shipment is stalled, late, or about to arrive. */
export async function fireShipmentTimer(deps: AppDeps, storeId: string, shipmentId: string, kind: TimerKind, cause: string): Promise<boolean> {
  const now = deps.clock.now();
  return deps.persistence.transaction(async (r) => {
    const [store, s] = await Promise.all([r.stores.get(storeId), r.shipments.get(storeId, shipmentId)]);
    if (!store || !s) throw new AppError('SHIPMENT_NOT_FOUND', 'The shipment of this timer is gone.', { shipmentId });
    const settings = varianceSettings(store);
    if (!timerStillHolds(kind, cause, s, settings)) return false;
    const order = await r.orders.get(storeId, s.orderId);
    const ev = eventsFor(storeId, now);
    const data: Record<string, unknown> = { cause, status: s.status, expected: expectedRange(s, settings.timeZone) };
    if (kind === 'stalled') data.lastEventAt = s.lastEventAt;
    await r.events.append([event(ev, s, order?.customerId ?? null, `shipment.${kind}`, 'system', data)]);
    if ((kind === 'stalled' || kind === 'delayed') && (!s.attention || s.attention.reason === 'stalled')) {
      await r.shipments.update({ ...s, attention: { reason: kind, since: now.toISOString() }, updatedAt: now.toISOString() });
    }
    return true;
  });
}
