import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/shared/errors.ts';
import { shopifyFixture } from './fixtures.test-support.ts';
import { mapShopifyWebhook, parseShopifyBody } from './webhook.ts';

describe('mapShopifyWebhook', () => {
  const order = parseShopifyBody(shopifyFixture('orders-create.ja.json'));

  it('routes each topic to its intake', () => {
    expect(mapShopifyWebhook('orders/create', order).kind).toBe('order');
    expect(mapShopifyWebhook('orders/updated', order).kind).toBe('order');
    const cancelled = mapShopifyWebhook('orders/cancelled', order);
    expect(cancelled.kind === 'order' && cancelled.order.cancelled).toBeTruthy();
    expect(mapShopifyWebhook('fulfillments/create', parseShopifyBody(shopifyFixture('fulfillments-create.yamato.json'))).kind).toBe('fulfillment');
    expect(mapShopifyWebhook('fulfillments/update', parseShopifyBody(shopifyFixture('fulfillments-create.yamato.json'))).kind).toBe('fulfillment');
    expect(mapShopifyWebhook('refunds/create', parseShopifyBody(shopifyFixture('refunds-create.ja.json'))).kind).toBe('refund');
  });

  it('ignores other topics without reading the payload', () => {
    expect(mapShopifyWebhook('customers/create', { nothing: true })).toEqual({ kind: 'ignored' });
    expect(mapShopifyWebhook('', null)).toEqual({ kind: 'ignored' });
  });

  it('reports a body that is not JSON as INVALID_JSON', () => {
    const codeOf = (raw: string) => {
      try {
        parseShopifyBody(Buffer.from(raw));
        return null;
      } catch (e) {
        return e instanceof AppError ? e.code : 'not an AppError';
      }
    };
    expect(codeOf('{"id":')).toBe('INVALID_JSON');
    expect(codeOf('nope')).toBe('INVALID_JSON');
    expect(codeOf('{"id":1}')).toBeNull();
  });
});
