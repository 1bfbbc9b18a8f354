import { sql } from 'kysely';
import type { Product, ProductHeader, Variant, VariantMatch } from '../../../core/catalog/product.types.ts';
import type { ProductRepo } from '../../../core/ports.ts';
import { bool, encodeCursor, fromJson, toJson } from '../json.ts';
import type { ProductTable, VariantTable } from '../schema.ts';
import { readCursor } from './cursor.ts';
import type { Q } from './types.ts';

const toHeader = (r: ProductTable): ProductHeader => ({
  id: r.id,
  storeId: r.store_id,
  source: r.source,
  externalId: r.external_id,
  title: r.title,
  category: r.category,
  tags: fromJson(r.tags, []),
  imageUrl: r.image_url,
  returnable: Boolean(r.returnable),
  finalSale: Boolean(r.final_sale),
  consumptionDays: r.consumption_days === null ? null : Number(r.consumption_days),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const productRow = (p: Product): ProductTable => ({
  id: p.id,
  store_id: p.storeId,
  source: p.source,
  external_id: p.externalId,
  title: p.title,
  category: p.category,
  tags: toJson(p.tags),
  image_url: p.imageUrl,
  returnable: bool(p.returnable),
  final_sale: bool(p.finalSale),
  consumption_days: p.consumptionDays,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

const toVariant = (r: VariantTable): Variant => ({
  id: r.id,
  productId: r.product_id,
  externalId: r.external_id,
  sku: r.sku,
  title: r.title,
  price: Number(r.price),
  currency: r.currency,
  imageUrl: r.image_url,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const variantRow = (p: Product, v: Variant): VariantTable => ({
  id: v.id,
  store_id: p.storeId,
  product_id: p.id,
  source: p.source,
  external_id: v.externalId,
  sku: v.sku,
  title: v.title,
  price: v.price,
  currency: v.currency,
  image_url: v.imageUrl,
  created_at: v.createdAt,
  updated_at: v.updatedAt,
});

/** The product columns of a variant-with-product row, prefixed so they do not clash with the variant's. */
const PRODUCT_COLUMNS = ['id', 'store_id', 'source', 'external_id', 'title', 'category', 'tags', 'image_url', 'returnable', 'final_sale', 'consumption_days', 'created_at', 'updated_at'] as const;

export function productRepo(q: Q): ProductRepo {
  async function withVariants(rows: ProductTable[]): Promise<Product[]> {
    if (rows.length === 0) return [];
    const variants = await q
      .selectFrom('variant')
      .selectAll()
      .where('store_id', '=', rows[0]!.store_id)
      .where(
        'product_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    const byProduct = new Map<string, Variant[]>();
    for (const v of variants) byProduct.set(v.product_id, [...(byProduct.get(v.product_id) ?? []), toVariant(v)]);
    return rows.map((r) => ({ ...toHeader(r), variants: byProduct.get(r.id) ?? [] }));
  }
  async function writeVariants(p: Product) {
    if (p.variants.length === 0) return;
    await q
      .insertInto('variant')
      .values(p.variants.map((v) => variantRow(p, v)))
      .execute();
  }

  return {
    async get(storeId, id) {
      const r = await q.selectFrom('product').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
      return r ? ((await withVariants([r]))[0] ?? null) : null;
    },
    async getByExternal(storeId, source, externalId) {
      const r = await q
        .selectFrom('product')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('source', '=', source)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return r ? ((await withVariants([r]))[0] ?? null) : null;
    },
    async findVariants(storeId, source, { externalIds, skus }) {
      if (externalIds.length === 0 && skus.length === 0) return [];
      const rows = await q
        .selectFrom('variant as v')
        .innerJoin('product as p', (j) => j.onRef('p.id', '=', 'v.product_id').onRef('p.store_id', '=', 'v.store_id'))
        .selectAll('v')
        .select(PRODUCT_COLUMNS.map((c) => `p.${c} as p_${c}` as const))
        .where('v.store_id', '=', storeId)
        .where((eb) =>
          eb.or([
            ...(externalIds.length > 0 ? [eb.and([eb('v.source', '=', source), eb('v.external_id', 'in', externalIds)])] : []),
            ...(skus.length > 0 ? [eb('v.sku', 'in', skus)] : []),
          ]),
        )
        .orderBy('v.id')
        .execute();
      return rows.map((r): VariantMatch => {
        const product = Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, r[`p_${c}`]])) as unknown as ProductTable;
        return { variant: toVariant(r), product: toHeader(product) };
      });
    },
    async insert(p) {
      await q.insertInto('product').values(productRow(p)).execute();
      await writeVariants(p);
    },
    async update(p) {
      const { id, store_id, ...rest } = productRow(p);
      await q.updateTable('product').set(rest).where('store_id', '=', store_id).where('id', '=', id).execute();
      // A product has few variants: replace them, keeping their ids.
      await q.deleteFrom('variant').where('store_id', '=', store_id).where('product_id', '=', id).execute();
      await writeVariants(p);
    },
    async list(storeId, filter, limit, cursor) {
      const after = readCursor(cursor, 1);
      let s = q.selectFrom('product').selectAll().where('store_id', '=', storeId);
      if (filter.category) s = s.where('category', '=', filter.category);
      if (filter.q) {
        const prefix = filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
        s = s.where(sql<boolean>`lower(title) like ${prefix} escape '\\'`);
      }
      if (after) s = s.where('id', '<', after[0]!);
      const rows = await s.orderBy('id', 'desc').limit(limit + 1).execute();
      const items = await withVariants(rows.slice(0, limit));
      return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1]!.id]) : null };
    },
  };
}
