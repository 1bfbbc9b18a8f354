import { parseInput } from '../core/shared/validate.ts';
import type { Order } from '../core/order/order.types.ts';
import { rollupOrder } from '../core/order/rollup.ts';
import type { Repos, TimelineEvent } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import { ShipmentInputSchema, ShipmentPatchSchema, type ShipmentInput, type ShipmentPatch } from '../core/shipment/shipment.input.ts';
import type { Shipment, ShipmentItem } from '../core/shipment/shipment.types.ts';
import { normalizeTrackingNumber, trackingUrl as carrierTrackingUrl } from '../core/tracking/carriers.ts';
import { detectCarriers } from '../core/tracking/detect.ts';
import { eventsFor, type AppDeps } from './deps.ts';
import { attachEarlyScans, saveOrderMove, statusEvent } from './shipment-state.ts';
import { afterShipmentChange } from './shipment-timers.ts';
import { estimateShipment } from './estimates.ts';

type Ev = ReturnType<typeof eventsFor>;

function resolveItems(order: Order, items: NonNullable<ReturnType<typeof ShipmentInputSchema.parse>['items']>, lenient: boolean): ShipmentItem[] {
  const out: ShipmentItem[] = [];
  for (const i of items) {
    const line = order.lineItems.find((l) => (i.lineItemId ? l.id === i.lineItemId : l.externalId === i.lineItemExternalId));
    if (!line) {
      if (lenient) continue; // a platform may ship lines we were never told about (e.g. a later edit)
      throw new AppError('LINE_ITEM_NOT_IN_ORDER', `Line item ${i.lineItemId ?? i.lineItemExternalId} is not part of order ${order.number}.`, { item: i });
    }
    out.push({ lineItemId: line.id, quantity: i.quantity });
  }
  return out;
}

export interface ShipmentContext {
  source: string;
  actor: string;
  /** Platforms are the source of truth: unknown lines and over-shipping are recorded, not refused. */
  lenient?: boolean;
}

/** Creates a shipment, or with an external id seen before, updates it (platform fulfillments). */
export async function recordShipment(deps: AppDeps, storeId: string, orderId: string, raw: ShipmentInput, ctx: ShipmentContext) {
  parseInput(ShipmentInputSchema, raw); // bad input fails before a transaction opens
  const now = deps.clock.now();
  return deps.persistence.transaction((r) => recordShipmentIn(r, now, storeId, orderId, raw, ctx));
}

/** recordShipment inside a transaction the caller holds (e.g. with a webhook receipt recorded beside it). */
export async function recordShipmentIn(r: Repos, now: Date, storeId: string, orderId: string, raw: ShipmentInput, ctx: ShipmentContext): Promise<{ shipment: Shipment; created: boolean }> {
  const input = parseInput(ShipmentInputSchema, raw);
  const at = now.toISOString();
  const order = await r.orders.get(storeId, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND', 'No order with that id in this store.', { id: orderId });
  const ev = eventsFor(storeId, now);
  const items = resolveItems(order, input.items, ctx.lenient ?? false);
  const existing = input.externalId ? await r.shipments.getByExternal(storeId, ctx.source, input.externalId) : null;
  if (existing) {
    const patch: ShipmentPatch = {
      carrier: input.carrier,
      service: input.service,
      trackingNumber: input.trackingNumber,
      trackingUrl: input.trackingUrl,
      status: raw.status ? input.status : undefined,
      cancelled: input.cancelled,
    };
    const shipment = await applyPatch(r, order, existing, patch, ev, ctx.actor, at);
    return { shipment: shipment.shipment, created: false };
  }
  if (!ctx.lenient) {
    const others = await r.shipments.listByOrder(storeId, orderId);
    const rolled = rollupOrder(order.lineItems, others);
    for (const item of items) {
      const open = rolled.open[item.lineItemId] ?? 0;
      if ((rolled.shipped[item.lineItemId] ?? 0) + item.quantity > open) {
        throw new AppError('SHIPMENT_ITEMS_EXCEED_ORDER', `More of line ${item.lineItemId} would ship than is open (${open}).`, { item, open, shipped: rolled.shipped[item.lineItemId] ?? 0 });
      }
    }
  }
  const store = await r.stores.get(storeId);
  const trackingNumber = input.trackingNumber?.trim() ?? null;
  // No carrier named: take the best match for the number, the store's own carriers first.
  const carrier =
    input.carrier?.toLowerCase() ?? (trackingNumber ? (detectCarriers(trackingNumber, { preferred: store?.settings.carriers ?? [] }).matches[0]?.carrier ?? null) : null);
  const shipment: Shipment = {
    id: newId('shipment', now),
    storeId,
    orderId,
    source: ctx.source,
    externalId: input.externalId ?? null,
    carrier,
    service: input.service ?? null,
    trackingNumber,
    trackingUrl: input.trackingUrl ?? (carrier && trackingNumber ? carrierTrackingUrl(carrier, normalizeTrackingNumber(trackingNumber), order.locale ?? store?.locale ?? 'ja') : null),
    status: input.status,
    substatus: input.substatus ?? null,
    items,
    shippedAt: input.shippedAt ? new Date(input.shippedAt).toISOString() : at,
    deliveredAt: input.status === 'delivered' ? at : null,
    promisedDate: input.promisedDate ?? null,
    carrierEstimate: input.carrierEstimate ?? null,
    estimatedDelivery: null,
    lastEventAt: null,
    attention: null,
    cancelled: input.cancelled ?? false,
    createdAt: at,
    updatedAt: at,
  };
  if (store) shipment.estimatedDelivery = await estimateShipment(r, store, order, shipment);
  const variances = store ? await afterShipmentChange(r, store, null, shipment, order.customerId, ev, ctx.actor, new Date(at)) : [];
  await r.shipments.insert(shipment);
  const events: TimelineEvent[] = [
    ev({
      type: 'shipment.created',
      subjectType: 'shipment',
      subjectId: shipment.id,
      orderId,
      customerId: order.customerId,
      actor: ctx.actor,
      data: { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, items: shipment.items },
    }),
  ];
  if (!shipment.cancelled) {
    events.push(
      ev({
        type: 'shipment.shipped',
        subjectType: 'shipment',
        subjectId: shipment.id,
        orderId,
        customerId: order.customerId,
        actor: ctx.actor,
        occurredAt: shipment.shippedAt ?? at,
        data: { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, trackingUrl: shipment.trackingUrl },
      }),
    );
    if (!['pending', 'info_received', 'in_transit'].includes(shipment.status)) events.push(statusEvent(shipment, order, ev, ctx.actor, null));
  }
  events.push(...variances, ...(await attachEarlyScans(r, shipment, ev, ctx.actor, at, order)));
  await saveOrderMove(r, order, events, ev, ctx.actor, at);
  await r.events.append(events);
  return { shipment, created: true };
}

async function applyPatch(r: Repos, order: Order, existing: Shipment, patch: ShipmentPatch, ev: Ev, actor: string, at: string) {
  const s: Shipment = structuredClone(existing);
  const set = <K extends keyof Shipment>(k: K, v: Shipment[K] | undefined) => {
    if (v !== undefined) s[k] = v;
  };
  set('carrier', patch.carrier?.toLowerCase());
  set('service', patch.service);
  set('trackingNumber', patch.trackingNumber?.trim());
  set('trackingUrl', patch.trackingUrl);
  set('substatus', patch.substatus);
  set('promisedDate', patch.promisedDate);
  set('carrierEstimate', patch.carrierEstimate);
  set('cancelled', patch.cancelled);
  if (patch.status) s.status = patch.status;
  if (s.status === 'delivered' && !s.deliveredAt) s.deliveredAt = patch.deliveredAt ? new Date(patch.deliveredAt).toISOString() : at;
  if (s.status !== 'delivered') s.deliveredAt = null;
  const changed = (Object.keys(s) as Array<keyof Shipment>).filter((k) => JSON.stringify(s[k]) !== JSON.stringify(existing[k]));
  if (changed.length === 0) return { shipment: existing, events: [] as TimelineEvent[] };
  s.updatedAt = at;
  const events: TimelineEvent[] = [];
  if (s.status !== existing.status) events.push(statusEvent(s, order, ev, actor, existing.status));
  else if (s.cancelled !== existing.cancelled && s.cancelled) {
    events.push(ev({ type: 'shipment.cancelled', subjectType: 'shipment', subjectId: s.id, orderId: order.id, customerId: order.customerId, actor, data: {} }));
  } else {
    events.push(ev({ type: 'shipment.updated', subjectType: 'shipment', subjectId: s.id, orderId: order.id, customerId: order.customerId, actor, data: { changed } }));
  }
  const store = await r.stores.get(s.storeId);
  const variances = store ? await afterShipmentChange(r, store, existing, s, order.customerId, ev, actor, new Date(at)) : [];
  await r.shipments.update(s);
  events.push(...variances);
  if (s.trackingNumber !== existing.trackingNumber) events.push(...(await attachEarlyScans(r, s, ev, actor, at, order)));
  await saveOrderMove(r, order, events, ev, actor, at);
  await r.events.append(events);
  return { shipment: s, events };
}

export async function updateShipment(deps: AppDeps, storeId: string, shipmentId: string, raw: ShipmentPatch, actor: string) {
  const patch = parseInput(ShipmentPatchSchema, raw);
  const now = deps.clock.now();
  return deps.persistence.transaction(async (r) => {
    const existing = await r.shipments.get(storeId, shipmentId);
    if (!existing) throw new AppError('SHIPMENT_NOT_FOUND', 'No shipment with that id in this store.', { id: shipmentId });
    const order = (await r.orders.get(storeId, existing.orderId))!;
    return (await applyPatch(r, order, existing, patch, eventsFor(storeId, now), actor, now.toISOString())).shipment;
  });
}

export async function getShipment(deps: AppDeps, storeId: string, shipmentId: string) {
  const s = await deps.persistence.read.shipments.get(storeId, shipmentId);
  if (!s) throw new AppError('SHIPMENT_NOT_FOUND', 'No shipment with that id in this store.', { id: shipmentId });
  return s;
}

/** Shipments with this tracking number, however it is written (hyphens, spaces, full-width digits). */
export async function findShipmentsByTrackingNumber(deps: AppDeps, storeId: string, trackingNumber: string) {
  return deps.persistence.read.shipments.listByTrackingKeys(storeId, [normalizeTrackingNumber(trackingNumber)]);
}
