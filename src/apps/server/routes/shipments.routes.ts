import { z } from 'zod';
import { ShipmentPatchSchema } from '../../../core/shipment/shipment.input.ts';
import { TrackingBatchSchema } from '../../../core/tracking/tracking-event.ts';
import { findShipmentsByTrackingNumber, getShipment, updateShipment } from '../../../app/shipments.ts';
import { ingestTrackingEvents, shipmentWithEvents } from '../../../app/tracking.ts';
import type { Deps } from '../../../compose.ts';
import { presentShipment } from '../presenters.ts';
import { defineRoute } from '../route.ts';
import { IdParams, PageQuery } from './common.ts';

export function shipmentRoutes(deps: Deps) {
  const withEvents = async (storeId: string, s: Awaited<ReturnType<typeof getShipment>>) => presentShipment(await shipmentWithEvents(deps, storeId, s));
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/shipments',
      tag: 'shipments',
      summary: 'Find shipments by tracking number (written any way) with their scans, or list the exceptions queue (needsAttention=true)',
      query: PageQuery.extend({ trackingNumber: z.string().min(1).max(100).optional(), needsAttention: z.enum(['true']).optional() }).refine(
        (q) => Boolean(q.trackingNumber) !== Boolean(q.needsAttention),
        'give either trackingNumber, or needsAttention=true for the exceptions queue',
      ),
      handler: async ({ store, query }) => {
        if (query.needsAttention) {
          // The exceptions queue: delayed, stalled, failed, in exception or returned; oldest first.
          const page = await deps.persistence.read.shipments.listNeedingAttention(store.id, query.limit, query.cursor ?? null);
          return { items: page.items.map((s) => ({ ...presentShipment(s), reason: s.attention!.reason, since: s.attention!.since })), nextCursor: page.nextCursor };
        }
        const found = await findShipmentsByTrackingNumber(deps, store.id, query.trackingNumber!);
        return { items: await Promise.all(found.map((s) => withEvents(store.id, s))) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/shipments/:id',
      tag: 'shipments',
      summary: 'Get a shipment with its scans, newest first',
      params: IdParams,
      handler: async ({ store, params }) => withEvents(store.id, await getShipment(deps, store.id, params.id)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/shipments/:id',
      tag: 'shipments',
      summary: 'Update a shipment: carrier, tracking, status, dates',
      params: IdParams,
      body: ShipmentPatchSchema,
      handler: async ({ store, params, body }) => presentShipment(await updateShipment(deps, store.id, params.id, body, 'api')),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/tracking-events',
      tag: 'tracking',
      summary: "Send carrier scans in Otodoke's canonical format (up to 1,000 per call); duplicates are stored once",
      body: TrackingBatchSchema,
      handler: async ({ store, body }) => ingestTrackingEvents(deps, store.id, body.events, { source: 'api', actor: 'api' }),
    }),
  ];
}
