import { z } from 'zod';
import { getCustomer, listCustomers } from '../../../app/customers.ts';
import { customerTimeline } from '../../../app/orders.ts';
import type { Deps } from '../../../compose.ts';
import { presentCustomer, presentEvent } from '../presenters.ts';
import { defineRoute } from '../route.ts';
import { IdParams, PageQuery } from './common.ts';

export function customerRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/customers',
      tag: 'customers',
      summary: 'List customers, newest first',
      query: PageQuery.extend({ email: z.string().max(320).optional() }),
      handler: async ({ store, query }) => {
        const page = await listCustomers(deps, store.id, { email: query.email }, query.limit, query.cursor ?? null);
        return { items: page.items.map(presentCustomer), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/customers/:id',
      tag: 'customers',
      summary: 'Get a customer',
      params: IdParams,
      handler: async ({ store, params }) => presentCustomer(await getCustomer(deps, store.id, params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/customers/:id/timeline',
      tag: 'timeline',
      summary: "The customer's timeline across all their orders, oldest first",
      params: IdParams,
      query: PageQuery,
      handler: async ({ store, params, query }) => {
        const page = await customerTimeline(deps, store.id, params.id, query.limit, query.cursor ?? null);
        return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
      },
    }),
  ];
}
