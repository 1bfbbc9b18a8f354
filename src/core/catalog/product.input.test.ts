import { describe, expect, it } from 'vitest';
import { MAX_PRICE, ProductInputSchema } from './product.input.ts';

const variant = { price: 1800, currency: 'JPY' };
const issuesOf = (value: unknown) => {
  const r = ProductInputSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('product input', () => {
  it('accepts a minimal product and fills defaults', () => {
    const p = ProductInputSchema.parse({ title: '玉露', variants: [variant] });
    expect(p).toEqual({ title: '玉露', tags: [], returnable: true, finalSale: false, variants: [variant] });
  });

  it('refuses negative or fractional prices, bad currencies and prices past the column', () => {
    expect(issuesOf({ title: 'x', variants: [{ price: -1, currency: 'JPY' }, { price: 1.5, currency: 'JPY' }, { price: 1, currency: 'yen' }, { price: MAX_PRICE + 1, currency: 'USD' }] })).toEqual([
      'variants.0.price',
      'variants.1.price',
      'variants.2.currency',
      'variants.3.price',
    ]);
    expect(issuesOf({ title: 'x', variants: [{ price: MAX_PRICE, currency: 'USD' }] })).toEqual([]);
  });

  it('needs 1 to 250 variants', () => {
    expect(issuesOf({ title: 'x', variants: [] })).toEqual(['variants']);
    expect(issuesOf({ title: 'x', variants: Array.from({ length: 251 }, () => variant) })).toEqual(['variants']);
    expect(issuesOf({ title: 'x', variants: Array.from({ length: 250 }, () => variant) })).toEqual([]);
  });

  it('keeps consumption days whole and between 1 and 3650', () => {
    expect(issuesOf({ title: 'x', consumptionDays: 0, variants: [variant] })).toEqual(['consumptionDays']);
    expect(issuesOf({ title: 'x', consumptionDays: 3651, variants: [variant] })).toEqual(['consumptionDays']);
    expect(issuesOf({ title: 'x', consumptionDays: 2.5, variants: [variant] })).toEqual(['consumptionDays']);
    expect(ProductInputSchema.parse({ title: 'x', consumptionDays: 30, variants: [variant] }).consumptionDays).toBe(30);
  });

  it('refuses two variants with one external id or one SKU, and image URLs that are not http(s)', () => {
    const twice = [
      { ...variant, externalId: '1', sku: 'A' },
      { ...variant, externalId: '1', sku: 'B' },
      { ...variant, externalId: '2', sku: 'A' },
    ];
    expect(issuesOf({ title: 'x', variants: twice })).toEqual(['variants.1.externalId', 'variants.2.sku']);
    expect(issuesOf({ title: 'x', imageUrl: 'javascript:alert(1)', variants: [{ ...variant, imageUrl: 'ftp://example.jp/a.png' }] })).toEqual(['imageUrl', 'variants.0.imageUrl']);
    expect(issuesOf({ title: 'x', imageUrl: 'https://cdn.example.jp/a.png', variants: [variant] })).toEqual([]);
  });
});
