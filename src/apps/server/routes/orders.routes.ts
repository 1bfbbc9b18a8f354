import { z } from 'zod';
import { OrderInputSchema } from '../../../core/order/order.input.ts';
import { ORDER_STATUSES } from '../../../core/order/order.types.ts';
import { ShipmentInputSchema } from '../../../core/shipment/shipment.input.ts';
import { cancelOrder, confirmOrder, getOrder, listOrders, orderTimeline, upsertOrder } from '../../../app/orders.ts';
import { recordShipment } from '../../../app/shipments.ts';
import { stepPickup } from '../../../app/pickups.ts';
import { PICKUP_EVENTS } from '../../../core/pickup/pickup.machine.ts';
import type { Deps } from '../../../compose.ts';
import { presentEvent, presentOrder, presentPickup, presentShipment } from '../presenters.ts';
import { defineRoute } from '../route.ts';
import { IdParams, PageQuery } from './common.ts';

const CancelBody = z.object({
  reason: z.string().max(500).optional(),
  lineItems: z.array(z.object({ lineItemId: z.string().min(1), quantity: z.number().int().min(1) })).min(1).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

const ListQuery = PageQuery.extend({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(ORDER_STATUSES)))
    .optional(),
  number: z.string().max(100).optional(),
  email: z.string().max(320).optional(),
  customerId: z.string().max(100).optional(),
  placedFrom: z.iso.datetime({ offset: true }).optional(),
  placedTo: z.iso.datetime({ offset: true }).optional(),
});

export function orderRoutes(deps: Deps) {
  const full = async (storeId: string, id: string) => {
    const { order, shipments, pickup } = await getOrder(deps, storeId, id);
    return { ...presentOrder(order), shipments: shipments.map(presentShipment), pickup: presentPickup(pickup) };
  };
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/orders',
      tag: 'orders',
      summary: 'Create an order (409 ORDER_ALREADY_EXISTS if its externalId is known)',
      body: OrderInputSchema,
      status: 201,
      handler: async ({ store, body }) => {
        const r = await upsertOrder(deps, store.id, body, { source: 'api', actor: 'api' }, 'create');
        // A new order to ship has no shipments and no pickup yet: no need to read it back.
        if (r.order.deliveryMethod === 'ship') return { ...presentOrder(r.order), shipments: [], pickup: null };
        return full(store.id, r.order.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/orders/external/:externalId',
      tag: 'orders',
      summary: 'Create or update an order by its external id',
      params: z.object({ externalId: z.string().min(1).max(100) }),
      body: OrderInputSchema.omit({ externalId: true }),
      handler: async ({ store, params, body }, _req, reply) => {
        const r = await upsertOrder(deps, store.id, { ...body, externalId: params.externalId }, { source: 'api', actor: 'api' });
        reply.code(r.created ? 201 : 200);
        return full(store.id, r.order.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/orders',
      tag: 'orders',
      summary: 'List orders, newest first, with filters and cursor pagination',
      query: ListQuery,
      handler: async ({ store, query }) => {
        const { limit, cursor, ...filter } = query;
        const page = await listOrders(deps, store.id, filter, limit, cursor ?? null);
        return { items: page.items.map(presentOrder), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/orders/:id',
      tag: 'orders',
      summary: 'Get an order with its shipments and pickup',
      params: IdParams,
      handler: async ({ store, params }) => full(store.id, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/orders/:id/confirm',
      tag: 'orders',
      summary: 'Confirm a placed order',
      params: IdParams,
      handler: async ({ store, params }) => {
        await confirmOrder(deps, store.id, params.id, 'api');
        return full(store.id, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/orders/:id/cancel',
      tag: 'orders',
      summary: 'Cancel an order in full, or some of its lines in part, with a reason',
      params: IdParams,
      body: CancelBody,
      handler: async ({ store, params, body }) => {
        await cancelOrder(deps, store.id, params.id, body, 'api');
        return full(store.id, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/orders/:id/shipments',
      tag: 'shipments',
      summary: 'Add a shipment (a parcel with some or all of the items) to an order',
      params: IdParams,
      body: ShipmentInputSchema,
      status: 201,
      handler: async ({ store, params, body }) => {
        const r = await recordShipment(deps, store.id, params.id, body, { source: 'api', actor: 'api' });
        return presentShipment(r.shipment);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/orders/:id/pickup/:step',
      tag: 'pickups',
      summary: 'Move a pickup order: mark_ready, check_in, pick_up, expire or cancel',
      params: IdParams.extend({ step: z.enum(PICKUP_EVENTS) }),
      body: z.object({ holdDays: z.number().int().min(1).max(60).optional(), note: z.string().max(500).optional() }),
      handler: async ({ store, params, body }) => {
        await stepPickup(deps, store.id, params.id, params.step, body, 'api');
        return full(store.id, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/orders/:id/timeline',
      tag: 'timeline',
      summary: "The order's timeline: every event, oldest first",
      params: IdParams,
      query: PageQuery,
      handler: async ({ store, params, query }) => {
        const page = await orderTimeline(deps, store.id, params.id, query.limit, query.cursor ?? null);
        return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
      },
    }),
  ];
}
