import type { Kysely } from 'kysely';

/* Frozen: never edit a migration that has shipped; add a new one. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A product's variants are read with it (and for a page of products, in one query).
  await db.schema.createIndex('variant_product').on('variant').columns(['product_id']).execute();
  // The catalog list: a store's products newest first, all of them or one category.
  await db.schema.createIndex('product_list').on('product').columns(['store_id', 'id']).execute();
  await db.schema.createIndex('product_category').on('product').columns(['store_id', 'category', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['product_category', 'product_list', 'variant_product']) await db.schema.dropIndex(name).ifExists().execute();
}
