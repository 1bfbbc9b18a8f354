import { z } from 'zod';
import { getProduct, listProducts, upsertProduct } from '../../../app/products.ts';
import { ProductInputSchema } from '../../../core/catalog/product.input.ts';
import type { Deps } from '../../../compose.ts';
import { presentProduct } from '../presenters.ts';
import { defineRoute } from '../route.ts';
import { IdParams, PageQuery } from './common.ts';

const ListQuery = PageQuery.extend({
  category: z.string().min(1).max(200).optional(),
  q: z.string().min(1).max(200).optional(),
});

/** The platform a product comes from: `api` (default), or e.g. `shopify` so Shopify orders link to it. */
const SourceQuery = z.object({
  source: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a lowercase platform name such as shopify')
    .default('api'),
});

export function productRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/products',
      tag: 'products',
      summary: 'Create a product with its variants (409 PRODUCT_ALREADY_EXISTS if its externalId is known)',
      body: ProductInputSchema,
      status: 201,
      handler: async ({ store, body }) => presentProduct((await upsertProduct(deps, store.id, body, { source: 'api', actor: 'api' }, 'create')).product),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/products/external/:externalId',
      tag: 'products',
      summary:
        'Create or update a product by its external id; the variants given replace its variants (matched by externalId, then sku). ' +
        '`?source=shopify` loads a Shopify product (its id and variant ids as external ids) so Shopify orders link to it; default `api`.',
      params: z.object({ externalId: z.string().min(1).max(100) }),
      query: SourceQuery,
      body: ProductInputSchema.omit({ externalId: true }),
      handler: async ({ store, params, query, body }, _req, reply) => {
        const r = await upsertProduct(deps, store.id, { ...body, externalId: params.externalId }, { source: query.source, actor: 'api' });
        reply.code(r.created ? 201 : 200);
        return presentProduct(r.product);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/products',
      tag: 'products',
      summary: 'List products, newest first, by category or title prefix (q), with cursor pagination',
      query: ListQuery,
      handler: async ({ store, query }) => {
        const { limit, cursor, ...filter } = query;
        const page = await listProducts(deps, store.id, filter, limit, cursor ?? null);
        return { items: page.items.map(presentProduct), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/products/:id',
      tag: 'products',
      summary: 'Get a product with its variants',
      params: IdParams,
      handler: async ({ store, params }) => presentProduct(await getProduct(deps, store.id, params.id)),
    }),
  ];
}
