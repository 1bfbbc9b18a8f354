import type { Order } from '../core/order/order.types.ts';
import type { Repos, TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import type { Shipment } from '../core/shipment/shipment.types.ts';
import { normalizeTrackingNumber } from '../core/tracking/carriers.ts';
import { deriveShipmentState } from '../core/tracking/derive.ts';
import type { TrackingEvent } from '../core/tracking/tracking-event.ts';
import type { eventsFor } from './deps.ts';
import { syncOrderWithShipments } from './orders.ts';
import { afterShipmentChange } from './shipment-timers.ts';
import { estimateShipment } from './estimates.ts';
import type { Store } from '../core/store/store.types.ts';

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

/** Moves the order to where its shipments now say it is, saving it when its status changed. */
export async function saveOrderMove(r: Repos, order: Order, events: TimelineEvent[], ev: Ev, actor: string, at: string) {
  const before = order.status;
  // The order moves when the latest of this change's shipment events happened.
  const cause = events.filter((e) => e.orderId === order.id && e.subjectType === 'shipment').reduce<string | undefined>((m, e) => (!m || e.occurredAt > m ? e.occurredAt : m), undefined);
  const moved = await syncOrderWithShipments(r, order, ev, actor, cause);
  if (order.status !== before) {
    order.version += 1;
    order.updatedAt = at;
    if (!(await r.orders.update(order, { lines: false }))) throw new AppError('VERSION_CONFLICT', 'The order changed meanwhile.');
  }
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
  const touchedOrders = new Map<string, Shipment[]>();
  const variances: TimelineEvent[] = [];
  let store: Store | null = null;
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
      const list = touchedOrders.get(s.orderId) ?? [];
      list.push(next);
      touchedOrders.set(s.orderId, list);
      events.push(statusEvent(next, { id: s.orderId, customerId: null }, ev, actor, s.status, latest));
    }
    store ??= await r.stores.get(storeId);
    if (store && next.carrierEstimate !== s.carrierEstimate) {
      // The carrier's own date is the best estimate there is.
      const order = await r.orders.get(storeId, s.orderId);
      if (order) next.estimatedDelivery = await estimateShipment(r, store, order, next);
    }
    if (store) variances.push(...(await afterShipmentChange(r, store, s, next, null, ev, actor, new Date(at))));
    await r.shipments.update(next);
    changed.push({ before: s, after: next });
  }
  events.push(...variances);
  for (const v of variances) if (!touchedOrders.has(v.orderId!)) touchedOrders.set(v.orderId!, []);
  return { events, changed, orderIds: [...touchedOrders.keys()] };
}

/** Rolls the named orders up from their shipments, filling in the shopper on their events. */
export async function moveOrders(r: Repos, storeId: string, orderIds: string[], events: TimelineEvent[], ev: Ev, actor: string, at: string) {
  for (const orderId of orderIds) {
    const order = await r.orders.get(storeId, orderId);
    if (!order) continue;
    for (const e of events) if (e.orderId === orderId && e.customerId === null) e.customerId = order.customerId;
    await saveOrderMove(r, order, events, ev, actor, at);
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
