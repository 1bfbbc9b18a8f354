import type { OrderInput } from '../../src/core/order/order.input.ts';

let seq = 1000;

/** A realistic Japanese order; override what a test cares about. */
export function makeOrder(overrides: Partial<OrderInput> = {}): OrderInput {
  seq += 1;
  return {
    externalId: `ext-${seq}`,
    number: `#${seq}`,
    placedAt: '2026-11-19T03:15:00.000Z',
    currency: 'JPY',
    locale: 'ja',
    customer: { email: `shopper${seq}@example.jp`, name: '山田 花子', phone: '090-1234-5678', locale: 'ja' },
    lineItems: [
      { externalId: `li-${seq}-1`, sku: 'TEA-001', title: '玉露 100g', quantity: 2, unitPrice: 1800 },
      { externalId: `li-${seq}-2`, sku: 'CUP-002', title: '有田焼 湯呑み', quantity: 1, unitPrice: 3200 },
    ],
    totals: { shipping: 600, tax: 680 },
    deliveryMethod: 'ship',
    shippingAddress: { name: '山田 花子', postalCode: '150-0001', region: '東京都', city: '渋谷区', line1: '神宮前1-2-3', country: 'JP' },
    requestedDeliveryDate: '2026-11-22',
    requestedTimeSlot: '14-16',
    ...overrides,
  };
}
