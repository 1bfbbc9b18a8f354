import { pairVariants } from '../core/catalog/catalog.ts';
import { ProductInputSchema, type ParsedProductInput, type ProductInput } from '../core/catalog/product.input.ts';
import type { Product, Variant } from '../core/catalog/product.types.ts';
import type { ProductFilter, Repos } from '../core/ports.ts';
import { AppError } from '../core/shared/errors.ts';
import { newId } from '../core/shared/ids.ts';
import { parseInput } from '../core/shared/validate.ts';
import type { AppDeps } from './deps.ts';

/**
 * The catalog. Catalog changes append no timeline events: the event log is the customer's
 * timeline (every event belongs to an order or a customer), and a catalog load of thousands of
 * products would fill it with rows no timeline shows. A product carries its own created and
 * updated times.
 */

export interface CatalogContext {
  /** Where the product comes from (`api`, `shopify`…): with its external id, the deduplication key. */
  source: string;
  actor: string;
}

export interface ProductUpsertResult {
  product: Product;
  created: boolean;
  changed: boolean;
}

/** What a variant says, without its times: two variants alike here are the same. */
const variantContent = (v: Variant) => JSON.stringify([v.id, v.externalId, v.sku, v.title, v.price, v.currency, v.imageUrl]);

/** What a product says, without its times. */
const productContent = (p: Product) =>
  JSON.stringify([p.id, p.source, p.externalId, p.title, p.category, p.tags, p.imageUrl, p.returnable, p.finalSale, p.consumptionDays, p.variants.map(variantContent)]);

function buildVariants(productId: string, input: ParsedProductInput, previous: Variant[], now: Date): Variant[] {
  const at = now.toISOString();
  const pairs = pairVariants(previous, input.variants);
  const variants = input.variants.map((v, i): Variant => {
    const before = pairs[i];
    const next: Variant = {
      id: before?.id ?? newId('variant', now),
      productId,
      externalId: v.externalId ?? null,
      sku: v.sku ?? null,
      title: v.title ?? null,
      price: v.price,
      currency: v.currency,
      imageUrl: v.imageUrl ?? null,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    if (before && variantContent(next) === variantContent(before)) next.updatedAt = before.updatedAt;
    return next;
  });
  // Variants are kept in the order they were created (ids sort by creation), as reads return them.
  return variants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Creates a product, or updates the one with the same source and external id. The variants given
 * are the product's variants from now on: each updates the existing variant with its external id
 * (else its SKU); the others are new, and existing variants not given are removed from the
 * catalog. Order lines linked to a removed variant keep their link and what they copied.
 */
export async function upsertProduct(deps: AppDeps, storeId: string, raw: ProductInput, ctx: CatalogContext, mode: 'create' | 'upsert' = 'upsert'): Promise<ProductUpsertResult> {
  const input = parseInput(ProductInputSchema, raw);
  const now = deps.clock.now();
  return deps.persistence.transaction((r) => upsertProductIn(r, now, storeId, input, ctx, mode));
}

/** upsertProduct inside a transaction the caller holds. */
export async function upsertProductIn(
  r: Repos,
  now: Date,
  storeId: string,
  input: ParsedProductInput,
  ctx: CatalogContext,
  mode: 'create' | 'upsert' = 'upsert',
): Promise<ProductUpsertResult> {
  const at = now.toISOString();
  if (!(await r.stores.get(storeId))) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId });
  const existing = input.externalId ? await r.products.getByExternal(storeId, ctx.source, input.externalId) : null;
  if (existing && mode === 'create') {
    throw new AppError('PRODUCT_ALREADY_EXISTS', `Product ${input.externalId} from ${ctx.source} exists already; use PUT to update it.`, { id: existing.id });
  }
  const externalIds = input.variants.flatMap((v) => (v.externalId ? [v.externalId] : []));
  if (externalIds.length > 0) {
    const taken = (await r.products.findVariants(storeId, ctx.source, { externalIds, skus: [] })).filter((m) => m.product.id !== existing?.id);
    if (taken.length > 0) {
      throw new AppError('VARIANT_EXTERNAL_ID_TAKEN', `Variant ${taken[0]!.variant.externalId} from ${ctx.source} belongs to another product.`, {
        externalIds: taken.map((m) => m.variant.externalId),
        productId: taken[0]!.product.id,
      });
    }
  }

  const id = existing?.id ?? newId('product', now);
  const product: Product = {
    id,
    storeId,
    source: ctx.source,
    externalId: input.externalId ?? null,
    title: input.title,
    category: input.category ?? null,
    tags: input.tags,
    imageUrl: input.imageUrl ?? null,
    returnable: input.returnable,
    finalSale: input.finalSale,
    consumptionDays: input.consumptionDays ?? null,
    variants: buildVariants(id, input, existing?.variants ?? [], now),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  if (!existing) {
    await r.products.insert(product);
    return { product, created: true, changed: true };
  }
  if (productContent(product) === productContent(existing)) return { product: existing, created: false, changed: false };
  await r.products.update(product);
  return { product, created: false, changed: true };
}

export async function getProduct(deps: AppDeps, storeId: string, id: string): Promise<Product> {
  const product = await deps.persistence.read.products.get(storeId, id);
  if (!product) throw new AppError('PRODUCT_NOT_FOUND', 'No product with that id in this store.', { id });
  return product;
}

export async function listProducts(deps: AppDeps, storeId: string, filter: ProductFilter, limit: number, cursor: string | null) {
  return deps.persistence.read.products.list(storeId, filter, limit, cursor);
}
