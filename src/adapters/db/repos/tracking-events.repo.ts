import type { TrackingEventRepo } from '../../../core/ports.ts';
import type { TrackingEvent } from '../../../core/tracking/tracking-event.ts';
import { fromJson, toJson } from '../json.ts';
import type { TrackingEventTable } from '../schema.ts';
import type { Q } from './types.ts';

const toEvent = (r: TrackingEventTable): TrackingEvent => ({
  id: r.id,
  storeId: r.store_id,
  shipmentId: r.shipment_id,
  trackingKey: r.tracking_key,
  trackingNumber: r.tracking_number,
  carrier: r.carrier,
  source: r.source,
  dedupeKey: r.dedupe_key,
  status: r.status as TrackingEvent['status'],
  substatus: r.substatus,
  rawCode: r.raw_code,
  message: r.message,
  location: fromJson(r.location, null),
  occurredAt: r.occurred_at,
  receivedAt: r.received_at,
  estimatedDelivery: r.estimated_delivery,
});

const toRow = (e: TrackingEvent): TrackingEventTable => ({
  id: e.id,
  store_id: e.storeId,
  shipment_id: e.shipmentId,
  tracking_key: e.trackingKey,
  tracking_number: e.trackingNumber,
  carrier: e.carrier,
  source: e.source,
  dedupe_key: e.dedupeKey,
  status: e.status,
  substatus: e.substatus,
  raw_code: e.rawCode,
  message: e.message,
  location: e.location ? toJson(e.location) : null,
  occurred_at: e.occurredAt,
  received_at: e.receivedAt,
  estimated_delivery: e.estimatedDelivery,
});

/** Rows per INSERT: 16 columns each stays far below both databases' parameter limits. */
const CHUNK = 500;

export function trackingEventRepo(q: Q): TrackingEventRepo {
  return {
    async insertNew(events) {
      const inserted = new Set<string>();
      for (let i = 0; i < events.length; i += CHUNK) {
        const rows = await q
          .insertInto('tracking_event')
          .values(events.slice(i, i + CHUNK).map(toRow))
          .onConflict((oc) => oc.columns(['store_id', 'dedupe_key']).doNothing())
          .returning('id')
          .execute();
        for (const r of rows) inserted.add(r.id);
      }
      return events.filter((e) => inserted.has(e.id));
    },
    async listByShipments(storeId, shipmentIds) {
      if (shipmentIds.length === 0) return [];
      const rows = await q
        .selectFrom('tracking_event')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('shipment_id', 'in', shipmentIds)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute();
      return rows.map(toEvent);
    },
    async attachOrphans(storeId, trackingKey, shipmentId) {
      const res = await q
        .updateTable('tracking_event')
        .set({ shipment_id: shipmentId })
        .where('store_id', '=', storeId)
        .where('tracking_key', '=', trackingKey)
        .where('shipment_id', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}
