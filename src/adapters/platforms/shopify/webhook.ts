import type { OrderInput } from '../../../core/order/order.input.ts';
import { AppError } from '../../../core/shared/errors.ts';
import { mapShopifyFulfillment, type ShopifyFulfillmentIntake } from './fulfillment.mapper.ts';
import { parseJsonKeepingLargeIntegers } from './json.ts';
import { mapShopifyOrder } from './order.mapper.ts';
import { mapShopifyRefund, type ShopifyRefundIntake } from './refund.mapper.ts';

/** The webhook topics Otodoke subscribes to. Others are acknowledged and ignored. */
export const SHOPIFY_TOPICS = ['orders/create', 'orders/updated', 'orders/cancelled', 'fulfillments/create', 'fulfillments/update', 'refunds/create'] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

export const isShopifyTopic = (topic: string): topic is ShopifyTopic => (SHOPIFY_TOPICS as readonly string[]).includes(topic);

/** What a webhook asks Otodoke to do, in Otodoke's terms. */
export type ShopifyWebhookIntake =
  | { kind: 'order'; order: OrderInput }
  | ({ kind: 'fulfillment' } & ShopifyFulfillmentIntake)
  | ({ kind: 'refund' } & ShopifyRefundIntake)
  | { kind: 'ignored' };

/** Parses the raw body keeping 64-bit ids exact. */
export function parseShopifyBody(raw: Buffer | string): unknown {
  const textBody = typeof raw === 'string' ? raw : raw.toString('utf8');
  try {
    return parseJsonKeepingLargeIntegers(textBody);
  } catch {
    throw new AppError('INVALID_JSON', 'The webhook body is not valid JSON.');
  }
}

/** Maps a verified webhook's payload by topic. Throws VALIDATION_FAILED when the payload lacks what the topic needs. */
export function mapShopifyWebhook(topic: string, payload: unknown): ShopifyWebhookIntake {
  if (!isShopifyTopic(topic)) return { kind: 'ignored' };
  switch (topic) {
    case 'orders/create':
    case 'orders/updated':
      return { kind: 'order', order: mapShopifyOrder(payload) };
    case 'orders/cancelled':
      return { kind: 'order', order: mapShopifyOrder(payload, { cancelled: true }) };
    case 'fulfillments/create':
    case 'fulfillments/update':
      return { kind: 'fulfillment', ...mapShopifyFulfillment(payload) };
    case 'refunds/create':
      return { kind: 'refund', ...mapShopifyRefund(payload) };
  }
}
