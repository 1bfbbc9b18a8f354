import { describe, expect, it } from 'vitest';
import type { LineItem } from '../order/order.types.ts';
import { linkLine, pairVariants, variantFinder } from './catalog.ts';
import type { ProductHeader, Variant, VariantMatch } from './product.types.ts';

const at = '2026-11-20T00:00:00.000Z';
const variant = (id: string, externalId: string | null, sku: string | null, extra: Partial<Variant> = {}): Variant => ({
  id,
  productId: 'prd_1',
  externalId,
  sku,
  title: null,
  price: 1800,
  currency: 'JPY',
  imageUrl: null,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const product = (id: string, source: string, extra: Partial<ProductHeader> = {}): ProductHeader => ({
  id,
  storeId: 'sto_1',
  source,
  externalId: null,
  title: '玉露',
  category: 'tea',
  tags: ['gift'],
  imageUrl: 'https://cdn.example.jp/gyokuro.png',
  returnable: true,
  finalSale: true,
  consumptionDays: 30,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
const match = (v: Variant, p: ProductHeader): VariantMatch => ({ variant: { ...v, productId: p.id }, product: p });

describe('pairVariants', () => {
  it('pairs by external id first, then by SKU among the variants not paired yet', () => {
    const a = variant('var_a', 'A', 'S1');
    const b = variant('var_b', 'B', 'S2');
    const c = variant('var_c', null, 'S3');
    // `S1` is a's SKU, but a is claimed by external id A below: the SKU pairs nothing.
    const pairs = pairVariants([a, b, c], [
      { externalId: 'X', sku: 'S1', price: 1, currency: 'JPY' },
      { externalId: 'A', sku: 'S9', price: 1, currency: 'JPY' },
      { externalId: 'C', sku: 'S3', price: 1, currency: 'JPY' },
      { sku: 'S2', price: 1, currency: 'JPY' },
      { price: 1, currency: 'JPY' },
    ]);
    expect(pairs.map((p) => p?.id)).toEqual([undefined, 'var_a', 'var_c', 'var_b', undefined]);
  });

  it('pairs each existing variant once', () => {
    const a = variant('var_a', null, 'S1');
    expect(pairVariants([a], [{ externalId: 'N1', sku: 'S1', price: 1, currency: 'JPY' }, { externalId: 'N2', sku: 'S1', price: 1, currency: 'JPY' }]).map((p) => p?.id)).toEqual([
      'var_a',
      undefined,
    ]);
  });
});

describe('variantFinder', () => {
  const shopify = product('prd_s', 'shopify');
  const api = product('prd_a', 'api');
  const vs = match(variant('var_s', '111', 'TEA-1'), shopify);
  const va = match(variant('var_a', '111', 'CUP-1'), api);
  const dupA = match(variant('var_d1', null, 'DUP'), api);
  const dupB = match(variant('var_d2', null, 'DUP'), api);
  const crossA = match(variant('var_x1', null, 'X'), shopify);
  const crossB = match(variant('var_x2', null, 'X'), api);
  const find = variantFinder([vs, va, dupA, dupB, crossA, crossB], 'shopify');

  it("finds a variant by its external id within the order's source", () => {
    expect(find({ variantExternalId: '111' })?.variant.id).toBe('var_s');
    expect(variantFinder([vs, va], 'api')({ variantExternalId: '111' })?.variant.id).toBe('var_a');
    expect(variantFinder([vs], 'csv')({ variantExternalId: '111' })).toBeNull();
  });

  it('falls back to the SKU, of any source, when the external id is unknown or absent', () => {
    expect(find({ variantExternalId: '999', sku: 'CUP-1' })?.variant.id).toBe('var_a');
    expect(find({ sku: 'TEA-1' })?.variant.id).toBe('var_s');
    expect(find({ variantExternalId: '111', sku: 'CUP-1' })?.variant.id).toBe('var_s');
  });

  it("links no line by a SKU two variants share, unless one is the order's source", () => {
    expect(find({ sku: 'DUP' })).toBeNull();
    expect(find({ sku: 'X' })?.variant.id).toBe('var_x1');
    expect(variantFinder([crossA, crossB], 'csv')({ sku: 'X' })).toBeNull();
    expect(find({ sku: 'NOPE' })).toBeNull();
    expect(find({})).toBeNull();
  });
});

describe('linkLine', () => {
  const p = product('prd_1', 'api');
  const m = match(variant('var_1', 'V1', 'TEA-1', { imageUrl: 'https://cdn.example.jp/v1.png' }), p);
  const line = (extra: Partial<LineItem>): LineItem => ({
    id: 'li_1',
    externalId: 'l1',
    productId: null,
    variantId: null,
    sku: null,
    title: '玉露',
    variantTitle: null,
    quantity: 1,
    cancelledQuantity: 0,
    unitPrice: 1800,
    imageUrl: null,
    category: null,
    tags: [],
    finalSale: false,
    requiresShipping: true,
    ...extra,
  });

  it("copies the product's facts, the variant's image before the product's", () => {
    expect(linkLine(m, undefined)).toEqual({ productId: 'prd_1', variantId: 'var_1', category: 'tea', tags: ['gift'], imageUrl: 'https://cdn.example.jp/v1.png', finalSale: true });
    expect(linkLine(match(variant('var_2', null, null), p), undefined)?.imageUrl).toBe('https://cdn.example.jp/gyokuro.png');
  });

  it('leaves a line no variant matches unlinked', () => {
    expect(linkLine(null, undefined)).toBeNull();
    expect(linkLine(null, line({}))).toBeNull();
  });

  it('keeps what a linked line copied when the catalog changes or loses the variant', () => {
    const stored = line({ productId: 'prd_1', variantId: 'var_1', category: 'old', tags: ['t'], finalSale: false });
    const kept = { productId: 'prd_1', variantId: 'var_1', category: 'old', tags: ['t'], imageUrl: null, finalSale: false };
    expect(linkLine(m, stored)).toEqual(kept);
    expect(linkLine(null, stored)).toEqual(kept);
  });

  it('links afresh a line that was unlinked or named another variant', () => {
    expect(linkLine(m, line({}))?.variantId).toBe('var_1');
    expect(linkLine(m, line({ productId: 'prd_0', variantId: 'var_0', category: 'old' }))).toMatchObject({ variantId: 'var_1', category: 'tea', finalSale: true });
  });
});
