import type { PickupRepo, ShipmentRepo, Pickup } from '../../../core/ports.ts';
import type { AttentionReason, Shipment } from '../../../core/shipment/shipment.types.ts';
import { normalizeTrackingNumber } from '../../../core/tracking/carriers.ts';
import { bool, encodeCursor, fromJson, toJson } from '../json.ts';
import { readCursor } from './cursor.ts';
import type { PickupTable, ShipmentTable } from '../schema.ts';
import type { Q } from './types.ts';

const toShipment = (r: ShipmentTable): Shipment => ({
  id: r.id,
  storeId: r.store_id,
  orderId: r.order_id,
  source: r.source,
  externalId: r.external_id,
  carrier: r.carrier,
  service: r.service,
  trackingNumber: r.tracking_number,
  trackingUrl: r.tracking_url,
  status: r.status as Shipment['status'],
  substatus: r.substatus,
  items: fromJson(r.items, []),
  shippedAt: r.shipped_at,
  deliveredAt: r.delivered_at,
  promisedDate: r.promised_date,
  carrierEstimate: r.carrier_estimate,
  estimatedDelivery: fromJson(r.estimated_delivery, null),
  lastEventAt: r.last_event_at,
  attention: r.attention_reason && r.attention_since ? { reason: r.attention_reason as AttentionReason, since: r.attention_since } : null,
  cancelled: Boolean(r.cancelled),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const shipmentRow = (s: Shipment): ShipmentTable => ({
  id: s.id,
  store_id: s.storeId,
  order_id: s.orderId,
  source: s.source,
  external_id: s.externalId,
  carrier: s.carrier,
  service: s.service,
  tracking_number: s.trackingNumber,
  tracking_url: s.trackingUrl,
  tracking_key: s.trackingNumber ? normalizeTrackingNumber(s.trackingNumber) : null,
  status: s.status,
  substatus: s.substatus,
  items: toJson(s.items),
  shipped_at: s.shippedAt,
  delivered_at: s.deliveredAt,
  promised_date: s.promisedDate,
  carrier_estimate: s.carrierEstimate,
  estimated_delivery: s.estimatedDelivery ? toJson(s.estimatedDelivery) : null,
  last_event_at: s.lastEventAt,
  attention_reason: s.attention?.reason ?? null,
  attention_since: s.attention?.since ?? null,
  cancelled: bool(s.cancelled),
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

/** Every column but the key and the owner: what a bulk update writes. */
const UPDATABLE = [
  'order_id', 'source', 'external_id', 'carrier', 'service', 'tracking_number', 'tracking_url', 'tracking_key', 'attention_reason', 'attention_since', 'status',
  'substatus', 'items', 'shipped_at', 'delivered_at', 'promised_date', 'carrier_estimate', 'estimated_delivery', 'last_event_at', 'cancelled', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<Exclude<keyof ShipmentTable, 'id' | 'store_id'>>;

// Fails to compile when a column is added to the table but not to UPDATABLE.
const _everyColumn: [Exclude<Exclude<keyof ShipmentTable, 'id' | 'store_id'>, (typeof UPDATABLE)[number]>] extends [never] ? true : never = true;
void _everyColumn;

export function shipmentRepo(q: Q): ShipmentRepo {
  const base = (storeId: string) => q.selectFrom('shipment').selectAll().where('store_id', '=', storeId);
  return {
    async get(storeId, id) {
      const r = await base(storeId).where('id', '=', id).executeTakeFirst();
      return r ? toShipment(r) : null;
    },
    async getByExternal(storeId, source, externalId) {
      const r = await base(storeId).where('source', '=', source).where('external_id', '=', externalId).executeTakeFirst();
      return r ? toShipment(r) : null;
    },
    async listByOrder(storeId, orderId) {
      return (await base(storeId).where('order_id', '=', orderId).orderBy('id').execute()).map(toShipment);
    },
    async listByOrders(storeId, orderIds) {
      const out: Shipment[] = [];
      for (let i = 0; i < orderIds.length; i += 500) {
        out.push(...(await base(storeId).where('order_id', 'in', orderIds.slice(i, i + 500)).orderBy('id').execute()).map(toShipment));
      }
      return out;
    },
    async listByTrackingKeys(storeId, keys) {
      if (keys.length === 0) return [];
      return (await base(storeId).where('tracking_key', 'in', keys).orderBy('id').execute()).map(toShipment);
    },
    async deliveredSamples(storeId, carrier, limit) {
      const rows = await q
        .selectFrom('shipment')
        .innerJoin('order', (j) => j.onRef('order.id', '=', 'shipment.order_id').onRef('order.store_id', '=', 'shipment.store_id'))
        .select(['shipment.service', 'shipment.shipped_at', 'shipment.delivered_at', 'order.shipping_address'])
        .where('shipment.store_id', '=', storeId)
        .where('shipment.carrier', '=', carrier)
        .where('shipment.status', '=', 'delivered')
        .where('shipment.shipped_at', 'is not', null)
        .where('shipment.delivered_at', 'is not', null)
        .orderBy('shipment.delivered_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ service: r.service, shippedAt: r.shipped_at!, deliveredAt: r.delivered_at!, destination: fromJson(r.shipping_address, null) }));
    },
    async listNeedingAttention(storeId, limit, cursor) {
      const after = readCursor(cursor, 2);
      let sel = base(storeId).where('attention_since', 'is not', null).where('cancelled', '=', 0);
      if (after) {
        const [since, id] = after as [string, string];
        sel = sel.where((eb) => eb.or([eb('attention_since', '>', since), eb.and([eb('attention_since', '=', since), eb('id', '>', id)])]));
      }
      const rows = await sel.orderBy('attention_since').orderBy('id').limit(limit + 1).execute();
      const items = rows.slice(0, limit).map(toShipment);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.attention!.since, last.id]) : null };
    },
    async insert(s) {
      await q.insertInto('shipment').values(shipmentRow(s)).execute();
    },
    async update(s) {
      const { id, store_id, ...rest } = shipmentRow(s);
      await q.updateTable('shipment').set(rest).where('store_id', '=', store_id).where('id', '=', id).execute();
    },
    async updateMany(storeId, shipments) {
      // An upsert on the primary key is a bulk update both databases run as one statement.
      const rows = shipments.filter((s) => s.storeId === storeId).map(shipmentRow);
      for (let i = 0; i < rows.length; i += 200) {
        await q
          .insertInto('shipment')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) => Object.fromEntries(UPDATABLE.map((c) => [c, eb.ref(`excluded.${c}`)])) as never)
              .where('shipment.store_id', '=', storeId),
          )
          .execute();
      }
    },
  };
}

const toPickup = (r: PickupTable): Pickup => ({
  id: r.id,
  storeId: r.store_id,
  orderId: r.order_id,
  status: r.status as Pickup['status'],
  location: fromJson(r.location, {}),
  readyAt: r.ready_at,
  pickedUpAt: r.picked_up_at,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const pickupRow = (p: Pickup): PickupTable => ({
  id: p.id,
  store_id: p.storeId,
  order_id: p.orderId,
  status: p.status,
  location: toJson(p.location),
  ready_at: p.readyAt,
  picked_up_at: p.pickedUpAt,
  expires_at: p.expiresAt,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

export function pickupRepo(q: Q): PickupRepo {
  return {
    async getByOrder(storeId, orderId) {
      const r = await q.selectFrom('pickup').selectAll().where('store_id', '=', storeId).where('order_id', '=', orderId).executeTakeFirst();
      return r ? toPickup(r) : null;
    },
    async insert(p) {
      await q.insertInto('pickup').values(pickupRow(p)).execute();
    },
    async update(p) {
      const { id, store_id, ...rest } = pickupRow(p);
      await q.updateTable('pickup').set(rest).where('store_id', '=', store_id).where('id', '=', id).execute();
    },
  };
}
