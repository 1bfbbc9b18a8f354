import { describe, expect, it } from 'vitest';
import { OrderInputSchema } from '../../../core/order/order.input.ts';
import { AppError } from '../../../core/shared/errors.ts';
import { shopifyFixture } from './fixtures.test-support.ts';
import { parseJsonKeepingLargeIntegers } from './json.ts';
import { deliveryMethodOf, mapShopifyOrder, personName } from './order.mapper.ts';

const load = (name: string) => parseJsonKeepingLargeIntegers(shopifyFixture(name)) as Record<string, unknown>;

describe('mapShopifyOrder', () => {
  it('maps a Japanese order with exact ids, yen totals, address and delivery preferences', () => {
    const input = mapShopifyOrder(load('orders-create.ja.json'));
    expect(OrderInputSchema.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({
      externalId: '5764607523034234881',
      number: '#1001',
      placedAt: '2026-11-19T12:15:00+09:00',
      currency: 'JPY',
      locale: 'ja',
      customer: { externalId: '7460188612345678901', email: 'hanako.yamada@example.jp', phone: '+819012345678', name: '山田 花子', locale: 'ja' },
      totals: { subtotal: 6800, shipping: 600, tax: 672, discount: 0, total: 7400 },
      deliveryMethod: 'ship',
      shippingAddress: { name: '山田 花子', line1: '神宮前1-2-3', city: '渋谷区', region: '東京都', regionCode: 'JP-13', postalCode: '150-0001', country: 'JP', phone: '090-1234-5678' },
      requestedDeliveryDate: '2026-11-22',
      requestedTimeSlot: '14-16',
      tags: ['ギフト', 'リピーター'],
      confirmed: true,
    });
    expect(input.shippingAddress).not.toHaveProperty('line2'); // "" is absent, not an empty line
    expect(input.cancelled).toBeUndefined();
    expect(input.lineItems).toEqual([
      { externalId: '9007199254740993', sku: 'TEA-GYOKURO-100', productExternalId: '8123456789012345678', variantExternalId: '4611686018427387911', title: '玉露', variantTitle: '100g', quantity: 2, unitPrice: 1800, requiresShipping: true },
      { externalId: '9007199254740995', sku: 'CUP-ARITA-01', productExternalId: '8123456789012345679', variantExternalId: '4611686018427387913', title: '有田焼 湯呑み', quantity: 1, unitPrice: 3200, requiresShipping: true },
    ]);
  });

  it('maps an English order that arrives cancelled, in cents', () => {
    const input = mapShopifyOrder(load('orders-create.en-cancelled.json'));
    expect(input).toMatchObject({
      externalId: '820982911946154508',
      number: '#9999',
      currency: 'USD',
      locale: 'en',
      customer: { externalId: '207119551', name: 'Jon Snow', email: 'jon@example.com' },
      totals: { subtotal: 39800, shipping: 1000, tax: 1194, discount: 2000, total: 40994 },
      requestedDeliveryDate: '2026-11-24',
      requestedTimeSlot: '12-14',
      tags: ['wholesale', 'rush'],
      cancelled: { at: '2026-11-18T09:30:00-05:00', reason: 'inventory' },
    });
    expect(input.lineItems[0]).toMatchObject({ externalId: '466157049', unitPrice: 19900, quantity: 2 });
  });

  it('cancels on orders/cancelled even without cancelled_at', () => {
    const o = load('orders-create.ja.json');
    expect(mapShopifyOrder(o, { cancelled: true }).cancelled).toEqual({ at: '2026-11-19T12:15:02+09:00' });
    expect(mapShopifyOrder(load('orders-cancelled.ja.json')).cancelled).toEqual({ at: '2026-11-19T18:00:00+09:00', reason: 'customer' });
  });

  it('detects local pickup and keeps the location', () => {
    expect(deliveryMethodOf([{ title: '店舗受取（京都本店）', code: 'Kyoto Honten', source: 'shopify' }])).toEqual({ method: 'pickup', location: { name: '店舗受取（京都本店）', code: 'Kyoto Honten' } });
    expect(deliveryMethodOf([{ title: 'Store', code: 'pickup', source: 'shopify' }]).method).toBe('pickup');
    expect(deliveryMethodOf([{ title: 'Main St', code: 'x', delivery_category: 'pickup' }]).method).toBe('pickup');
    expect(deliveryMethodOf([{ title: 'Curbside pickup', code: 'curbside', source: 'shopify' }]).method).toBe('curbside');
    expect(deliveryMethodOf([{ title: 'ヤマト運輸 宅急便', code: 'standard', source: 'shopify' }]).method).toBe('ship');
    const o = load('orders-create.ja.json');
    o.shipping_lines = [{ title: '店舗受取', code: 'Local Pickup', source: 'shopify', price: '0' }];
    o.shipping_address = null;
    const input = mapShopifyOrder(o);
    expect(input.deliveryMethod).toBe('pickup');
    expect(input.shippingAddress).toBeUndefined();
  });

  it('drops what would fail validation instead of refusing the order (bad email, zero quantity)', () => {
    const o = load('orders-create.ja.json');
    o.email = 'not-an-email';
    o.contact_email = null;
    (o.customer as Record<string, unknown>).email = null;
    (o.line_items as Array<Record<string, unknown>>).push({ id: 1, title: 'removed', quantity: 0, price: '10' });
    const input = mapShopifyOrder(o);
    expect(input.customer?.email).toBeUndefined();
    expect(input.lineItems).toHaveLength(2);
    expect(OrderInputSchema.safeParse(input).success).toBe(true);
  });

  it('refuses an id that JSON.parse has already rounded, and a payload without line items', () => {
    const lossy = JSON.parse(shopifyFixture('orders-create.ja.json'));
    expect(() => mapShopifyOrder(lossy)).toThrow(/lost precision/);
    const o = load('orders-create.ja.json');
    delete o.line_items;
    try {
      mapShopifyOrder(o);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify((e as AppError).details)).toContain('line_items');
    }
  });

  it('orders names family name first for Japanese', () => {
    expect(personName('花子', '山田')).toBe('山田 花子');
    expect(personName('Hanako', 'Yamada', true)).toBe('Yamada Hanako');
    expect(personName('Jon', 'Snow')).toBe('Jon Snow');
    expect(personName(null, '  ')).toBeUndefined();
  });
});
