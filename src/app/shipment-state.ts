import type { Order } from '../core/order/order.types.ts';
import type { NewJob, Repos, TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import type { Shipment } from '../core/shipment/shipment.types.ts';
import { normalizeTrackingNumber } from '../core/tracking/carriers.ts';
import { deriveShipmentState } from '../core/tracking/derive.ts';
import type { TrackingEvent } from '../core/tracking/tracking-event.ts';
import type { eventsFor } from './deps.ts';
import { advanceOrder, syncOrderWithShipments } from './orders.ts';
import { planVariances } from './shipment-timers.ts';
import { estimateShipment } from './estimates.ts';

type Ev = ReturnType<typeof eventsFor>;

/** The timeline event for a shipment reaching a status: `shipment.delivered`, `shipment.attempt_failed`… */
export function statusEvent(s: Shipment, order: Pick<Order, 'id' | 'customerId'>, ev: Ev, actor: string, from: string | null, scan?: TrackingEvent): TimelineEvent {
  return ev({
    type: `shipment.${s.status}`,
    subjectType: 'shipment',
    subjectId: s.id,
    orderId: order.id,
    customerId: order.customerId,
    actor,
    ...(scan && { occurredAt: scan.occurredAt }),
    data: {
      from,
      to: s.status,
      substatus: s.substatus,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      ...(scan && { message: scan.message, location: scan.location, rawCode: scan.rawCode }),
    },
  });
}

/** When the latest of this change's shipment events for the order happened: when the order moved. */
function causeOf(events: TimelineEvent[], orderId: string): string | undefined {
  return events.filter((e) => e.orderId === orderId && e.subjectType === 'shipment').reduce<string | undefined>((m, e) => (!m || e.occurredAt > m ? e.occurredAt : m), undefined);
}

/** Writes an order whose status moved (its lines are untouched). */
async function saveStatusMove(r: Repos, order: Order, at: string) {
  order.version += 1;
  order.updatedAt = at;
  if (!(await r.orders.update(order, { lines: false }))) throw new AppError('VERSION_CONFLICT', 'The order changed meanwhile.');
}

/** Moves the order to where its shipments now say it is, saving it when its status changed. */
export async function saveOrderMove(r: Repos, order: Order, events: TimelineEvent[], ev: Ev, actor: string, at: string) {
  const before = order.status;
  const moved = await syncOrderWithShipments(r, order, ev, actor, causeOf(events, order.id));
  if (order.status !== before) await saveStatusMove(r, order, at);
  events.push(...moved);
}

/**
 * Re-derives shipments from all their scans and writes what changed: the shipment row and a
 * timeline event per status change. Returns those events and the orders whose shipments moved;
 * the caller moves the orders (moveOrders) once it has made all its changes.
 */
export async function refreshFromScans(r: Repos, storeId: string, shipments: Shipment[], ev: Ev, actor: string, at: string) {
  const events: TimelineEvent[] = [];
  const changed: Array<{ before: Shipment; after: Shipment }> = [];
  if (shipments.length === 0) return { events, changed, orderIds: [] as string[] };
  const scans = await r.trackingEvents.listByShipments(
    storeId,
    shipments.map((s) => s.id),
  );
  const byShipment = new Map<string, TrackingEvent[]>();
  for (const e of scans) {
    const list = byShipment.get(e.shipmentId!) ?? [];
    list.push(e);
    byShipment.set(e.shipmentId!, list);
  }
  for (const s of shipments) {
    const own = byShipment.get(s.id) ?? [];
    if (own.length === 0) continue;
    const d = deriveShipmentState(own, s.status);
    const next: Shipment = {
      ...s,
      status: d.status,
      substatus: d.substatus,
      lastEventAt: d.lastEventAt,
      deliveredAt: d.deliveredAt,
      carrierEstimate: d.carrierEstimate ?? s.carrierEstimate,
    };
    const same = next.status === s.status && next.substatus === s.substatus && next.lastEventAt === s.lastEventAt && next.deliveredAt === s.deliveredAt && next.carrierEstimate === s.carrierEstimate;
    if (same) continue;
    next.updatedAt = at;
    if (next.status !== s.status) {
      const latest = own.filter((e) => e.status === next.status).sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1))[0];
      events.push(statusEvent(next, { id: s.orderId, customerId: null }, ev, actor, s.status, latest));
    }
    changed.push({ before: s, after: next });
  }
  if (changed.length === 0) return { events, changed, orderIds: [] as string[] };
  const store = await r.stores.get(storeId);
  if (store) {
    // The carrier's own date is the best estimate there is; the order gives the lane.
    const needOrders = [...new Set(changed.filter((c) => c.after.carrierEstimate !== c.before.carrierEstimate).map((c) => c.after.orderId))];
    const orders = new Map((await r.orders.getMany(storeId, needOrders)).map((o) => [o.id, o]));
    const jobs: NewJob[] = [];
    for (const { before, after } of changed) {
      const order = orders.get(after.orderId);
      if (order && after.carrierEstimate !== before.carrierEstimate) after.estimatedDelivery = await estimateShipment(r, store, order, after);
      const v = planVariances(store, before, after, null, ev, actor, new Date(at));
      events.push(...v.events);
      jobs.push(...v.jobs);
    }
    await r.jobs.enqueue(jobs, new Date(at));
  }
  await r.shipments.updateMany(
    storeId,
    changed.map((c) => c.after),
  );
  const orderIds = [...new Set(events.map((e) => e.orderId!).filter(Boolean))];
  return { events, changed, orderIds };
}

/**
 * Rolls the named orders up from their shipments (all read at once), filling in the shopper on
 * their events; writes only the orders whose status moved.
 */
export async function moveOrders(r: Repos, storeId: string, orderIds: string[], events: TimelineEvent[], ev: Ev, actor: string, at: string) {
  if (orderIds.length === 0) return;
  const [orders, shipments] = await Promise.all([r.orders.getMany(storeId, orderIds), r.shipments.listByOrders(storeId, orderIds)]);
  const byOrder = new Map<string, Shipment[]>();
  for (const s of shipments) byOrder.set(s.orderId, [...(byOrder.get(s.orderId) ?? []), s]);
  const customerOf = new Map(orders.map((o) => [o.id, o.customerId]));
  for (const e of events) if (e.orderId && e.customerId === null) e.customerId = customerOf.get(e.orderId) ?? null;
  for (const order of orders) {
    const before = order.status;
    events.push(...advanceOrder(order, byOrder.get(order.id) ?? [], ev, actor, causeOf(events, order.id)));
    if (order.status !== before) await saveStatusMove(r, order, at);
  }
}

/**
 * A new or renumbered shipment takes the scans that arrived for its number before it existed, and
 * its state from them (the caller then rolls up the order). Returns the timeline events.
 */
export async function attachEarlyScans(r: Repos, s: Shipment, ev: Ev, actor: string, at: string, order: Pick<Order, 'id' | 'customerId'>): Promise<TimelineEvent[]> {
  if (!s.trackingNumber) return [];
  const attached = await r.trackingEvents.attachOrphans(s.storeId, normalizeTrackingNumber(s.trackingNumber), s.id);
  if (attached === 0) return [];
  const { events, changed } = await refreshFromScans(r, s.storeId, [s], ev, actor, at);
  for (const e of events) e.customerId = order.customerId;
  const after = changed[0]?.after;
  if (after) Object.assign(s, after);
  return events;
}
