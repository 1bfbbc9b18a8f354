import { z } from 'zod';
import { ShipmentPatchSchema } from '../../../core/shipment/shipment.input.ts';
import { findShipmentsByTrackingNumber, getShipment, updateShipment } from '../../../app/shipments.ts';
import type { Deps } from '../../../compose.ts';
import { presentShipment } from '../presenters.ts';
import { defineRoute } from '../route.ts';
import { IdParams } from './common.ts';

export function shipmentRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/shipments',
      tag: 'shipments',
      summary: 'Find shipments by tracking number',
      query: z.object({ trackingNumber: z.string().min(1).max(100) }),
      handler: async ({ store, query }) => ({ items: (await findShipmentsByTrackingNumber(deps, store.id, query.trackingNumber)).map(presentShipment) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/shipments/:id',
      tag: 'shipments',
      summary: 'Get a shipment',
      params: IdParams,
      handler: async ({ store, params }) => presentShipment(await getShipment(deps, store.id, params.id)),
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
  ];
}
