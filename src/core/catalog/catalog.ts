import type { LineItem } from '../order/order.types.ts';
import type { VariantInput } from './product.input.ts';
import type { Variant, VariantMatch } from './product.types.ts';

/**
 * Which existing variant each incoming one updates: the one with its external id, else an
 * unclaimed one with its SKU (a variant that gained or changed its external id keeps its own id,
 * so order lines linked to it stay linked). Undefined: a new variant.
 */
export function pairVariants(previous: Variant[], inputs: VariantInput[]): Array<Variant | undefined> {
  const claimed = new Set<string>();
  const byExternal = new Map(previous.filter((v) => v.externalId !== null).map((v) => [v.externalId!, v]));
  const pairs = inputs.map((input) => {
    const v = input.externalId !== undefined ? byExternal.get(input.externalId) : undefined;
    if (v) claimed.add(v.id);
    return v;
  });
  return pairs.map((paired, i) => {
    const sku = inputs[i]!.sku;
    if (paired || sku === undefined) return paired;
    const v = previous.find((p) => p.sku === sku && !claimed.has(p.id));
    if (v) claimed.add(v.id);
    return v;
  });
}

/** What an order line says about the catalog variant it is. */
export interface LineKeys {
  variantExternalId?: string;
  sku?: string;
}

/**
 * Finds the variant an order line names among `matches` (the store's variants with any of the
 * order's variant ids or SKUs): by the variant's external id within the order's source, else by
 * SKU when exactly one variant has it (preferring the order's source). A SKU two variants share
 * names neither: a wrong link is worse than none.
 */
export function variantFinder(matches: VariantMatch[], source: string): (line: LineKeys) => VariantMatch | null {
  const byExternal = new Map<string, VariantMatch>();
  const bySku = new Map<string, VariantMatch[]>();
  for (const m of matches) {
    if (m.product.source === source && m.variant.externalId !== null) byExternal.set(m.variant.externalId, m);
    if (m.variant.sku !== null) bySku.set(m.variant.sku, [...(bySku.get(m.variant.sku) ?? []), m]);
  }
  return (line) => {
    const exact = line.variantExternalId ? byExternal.get(line.variantExternalId) : undefined;
    if (exact) return exact;
    const all = line.sku ? (bySku.get(line.sku) ?? []) : [];
    const own = all.filter((m) => m.product.source === source);
    const candidates = own.length > 0 ? own : all;
    return candidates.length === 1 ? candidates[0]! : null;
  };
}

/** The catalog facts an order line carries, besides what the order itself says. */
export type LineCatalogFacts = Pick<LineItem, 'productId' | 'variantId' | 'category' | 'tags' | 'imageUrl' | 'finalSale'>;

/**
 * Links an order line to the catalog. The product's facts are copied when the line is first
 * linked to a variant and kept after that: a later change to the catalog (a product becoming
 * final sale, a variant removed) does not rewrite orders placed before it. `before` is the line as
 * stored, when the order is being updated. Null when the line is not linked.
 */
export function linkLine(match: VariantMatch | null, before: LineItem | undefined): LineCatalogFacts | null {
  const kept = before?.variantId ? before : undefined;
  if (kept && (!match || match.variant.id === kept.variantId)) {
    return { productId: kept.productId, variantId: kept.variantId, category: kept.category, tags: [...kept.tags], imageUrl: kept.imageUrl, finalSale: kept.finalSale };
  }
  if (!match) return null;
  const { product, variant } = match;
  return {
    productId: product.id,
    variantId: variant.id,
    category: product.category,
    tags: [...product.tags],
    imageUrl: variant.imageUrl ?? product.imageUrl,
    finalSale: product.finalSale,
  };
}
