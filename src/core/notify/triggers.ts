import { LOCALES, type Locale } from '../order/order.types.ts';

export { LOCALES, type Locale };

/** What a message is about: the events the journey engine turns into messages. */
export const TRIGGERS = [
  'order.confirmed',
  'order.cancelled',
  'pickup.ready',
  'pickup.reminder',
  'shipment.shipped',
  'shipment.arriving_tomorrow',
  'shipment.out_for_delivery',
  'shipment.delayed',
  'shipment.early',
  'shipment.attempt_failed',
  'shipment.delivered',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Where a message goes. A webhook carries the event and its context as JSON, not a template. */
export const CHANNELS = ['email', 'sms', 'line', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels whose content comes from a template the merchant can edit. */
export const TEMPLATE_CHANNELS = ['email', 'sms', 'line'] as const satisfies readonly Channel[];
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** Triggers whose LINE message also carries a Flex bubble (a card with a button), not only text. */
export const FLEX_TRIGGERS: readonly Trigger[] = Object.freeze(['shipment.shipped', 'shipment.delayed', 'shipment.delivered']);

export function isTrigger(value: unknown): value is Trigger {
  return typeof value === 'string' && (TRIGGERS as readonly string[]).includes(value);
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isTemplateChannel(value: unknown): value is TemplateChannel {
  return typeof value === 'string' && (TEMPLATE_CHANNELS as readonly string[]).includes(value);
}
