import { z } from 'zod';
import type { OrderInput, LineItemInput } from '../../../core/order/order.input.ts';
import type { Address, DeliveryMethod, Locale } from '../../../core/order/order.types.ts';
import { parseDecimalToMinor } from '../../../core/shared/money.ts';
import { parseInput } from '../../../core/shared/validate.ts';
import { deliveryPreferences } from './delivery-preferences.ts';
import { ShopifyOrderSchema, type ShopifyAddress, type ShopifyOrder } from './payloads.ts';

/** Orders from Shopify are deduplicated by (store, 'shopify', order id). */
export const SHOPIFY_SOURCE = 'shopify';

const emailSchema = z.email().max(320);

/** Blank strings and nulls to undefined; trims; cuts to `max` characters. */
export function text(value: string | null | undefined, max = 500): string | undefined {
  const t = value?.trim();
  return t ? t.slice(0, max) : undefined;
}

export function validEmail(value: string | null | undefined): string | undefined {
  const t = text(value, 320);
  return t && emailSchema.safeParse(t).success ? t : undefined;
}

export function validPhone(value: string | null | undefined): string | undefined {
  const t = text(value, 40);
  return t && t.replace(/\D/g, '').length >= 3 ? t : undefined;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/** A person's name: Japanese names family name first (山田 花子), others given name first. */
export function personName(first: string | null | undefined, last: string | null | undefined, familyFirst = false): string | undefined {
  const f = text(first, 100);
  const l = text(last, 100);
  const japanese = familyFirst || CJK.test(`${f ?? ''}${l ?? ''}`);
  const parts = japanese ? [l, f] : [f, l];
  return text(parts.filter(Boolean).join(' '), 200);
}

export function localeOf(value: string | null | undefined): Locale | undefined {
  const l = value?.trim().toLowerCase();
  if (!l) return undefined;
  if (l === 'ja' || l.startsWith('ja-')) return 'ja';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return undefined;
}

export function mapAddress(a: ShopifyAddress | null | undefined, familyFirst: boolean): Address | undefined {
  if (!a) return undefined;
  const country = a.country_code?.trim().toUpperCase();
  const address: Address = {
    name: text(a.name, 200) ?? personName(a.first_name, a.last_name, familyFirst),
    company: text(a.company, 200),
    line1: text(a.address1, 300),
    line2: text(a.address2, 300),
    city: text(a.city, 200),
    region: text(a.province, 100),
    regionCode: text(a.province_code, 10),
    postalCode: text(a.zip, 20),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    phone: text(a.phone, 40),
  };
  const kept = Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined)) as Address;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

const PICKUP_CODE = /pick[\s_-]?up/i;
const PICKUP_TITLE = /local pick[\s_-]?up|in[\s-]store pick[\s_-]?up|店舗受取|店頭受取|店舗受け取り|店頭受け取り|店舗でお?受け?取り/i;
const CURBSIDE = /curbside/i;

/** Ship, pickup or curbside, from the shipping lines' delivery category, code, source or title. */
export function deliveryMethodOf(lines: ShopifyOrder['shipping_lines']): { method: DeliveryMethod; location?: Record<string, unknown> } {
  for (const l of lines ?? []) {
    const machine = [l.delivery_category, l.code, l.source].filter(Boolean).join(' ');
    const pickup = l.delivery_category === 'pickup' || l.delivery_category === 'local_pickup' || PICKUP_CODE.test(machine) || PICKUP_TITLE.test(l.title ?? '');
    if (!pickup && !CURBSIDE.test(machine)) continue;
    const location = Object.fromEntries(Object.entries({ name: text(l.title, 200), code: text(l.code, 200) }).filter(([, v]) => v !== undefined));
    return { method: CURBSIDE.test(`${machine} ${l.title ?? ''}`) ? 'curbside' : 'pickup', location };
  }
  return { method: 'ship' };
}

export function splitTags(tags: string | null | undefined): string[] | undefined {
  if (tags == null) return undefined;
  return tags
    .split(',')
    .map((t) => t.trim().slice(0, 100))
    .filter(Boolean)
    .slice(0, 100);
}

/** A decimal amount in minor units of `currency`; undefined when absent, negative or not a number. */
export function minorOf(value: string | number | null | undefined, currency: string): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const m = parseDecimalToMinor(value, currency);
  return m !== null && m >= 0 ? m : undefined;
}

export interface MapOrderOptions {
  /** `orders/cancelled`: the order is cancelled even if the payload forgot to say when. */
  cancelled?: boolean;
}

/**
 * Maps a Shopify order (webhook or REST shape) to the normalised order every intake produces.
 * Totals are the order's original ones (`total_price`, not `current_total_price`), so they agree
 * with the line items, which Shopify keeps at their ordered quantities; refunds are recorded
 * separately, as timeline events. The shopper's note is not copied (it is a message to the
 * merchant); it is only read for a delivery date or time slot.
 */
export function mapShopifyOrder(payload: unknown, opts: MapOrderOptions = {}): OrderInput {
  const o = parseInput(ShopifyOrderSchema, payload);
  const currency = o.currency.trim().toUpperCase();
  const money = (v: string | number | null | undefined) => minorOf(v, currency);
  const locale = localeOf(o.customer_locale) ?? localeOf(o.customer?.locale);
  const familyFirst = locale === 'ja';
  const lineItems: LineItemInput[] = o.line_items
    .filter((l) => l.quantity >= 1)
    .map((l) => ({
      externalId: l.id,
      sku: text(l.sku, 100),
      productExternalId: l.product_id ?? undefined,
      variantExternalId: l.variant_id ?? undefined,
      title: text(l.title, 500) ?? text(l.name, 500) ?? 'Item',
      variantTitle: text(l.variant_title, 500),
      quantity: l.quantity,
      unitPrice: money(l.price) ?? 0,
      requiresShipping: l.requires_shipping ?? undefined,
    }));
  const shippingFromLines = (o.shipping_lines ?? []).reduce<number | undefined>((sum, l) => {
    const p = money(l.price);
    return p === undefined ? sum : (sum ?? 0) + p;
  }, undefined);
  const delivery = deliveryMethodOf(o.shipping_lines);
  const prefs = deliveryPreferences(
    (o.note_attributes ?? []).map((a) => ({ name: a.name, value: a.value == null ? '' : String(a.value) })),
    o.note,
  );
  const customerName = personName(o.customer?.first_name, o.customer?.last_name, familyFirst) ?? text(o.billing_address?.name, 200) ?? text(o.shipping_address?.name, 200);
  const cancelledAt = text(o.cancelled_at) ?? (opts.cancelled ? text(o.updated_at) : undefined);
  const input: OrderInput = {
    externalId: o.id,
    number: text(o.name, 100) ?? (o.order_number != null ? `#${o.order_number}` : o.id),
    placedAt: text(o.processed_at) ?? o.created_at,
    currency,
    locale,
    customer: {
      externalId: o.customer?.id ?? undefined,
      email: validEmail(o.email) ?? validEmail(o.contact_email) ?? validEmail(o.customer?.email),
      phone: validPhone(o.phone) ?? validPhone(o.customer?.phone),
      name: customerName,
      locale,
    },
    lineItems,
    totals: {
      subtotal: money(o.subtotal_price),
      shipping: money(o.total_shipping_price_set?.shop_money?.amount) ?? shippingFromLines,
      tax: money(o.total_tax),
      discount: money(o.total_discounts),
      total: money(o.total_price) ?? money(o.current_total_price),
    },
    deliveryMethod: delivery.method,
    shippingAddress: mapAddress(o.shipping_address, familyFirst),
    pickupLocation: delivery.location,
    requestedDeliveryDate: prefs.requestedDeliveryDate,
    requestedTimeSlot: prefs.requestedTimeSlot,
    tags: splitTags(o.tags),
    confirmed: o.confirmed ?? true,
    cancelled: cancelledAt || opts.cancelled ? { at: cancelledAt, reason: text(o.cancel_reason) } : undefined,
  };
  return dropUndefined(input);
}

/** Removes undefined properties (one level, and inside customer and totals) to keep inputs tidy. */
function dropUndefined(input: OrderInput): OrderInput {
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const out = clean(input);
  if (out.customer) out.customer = clean(out.customer);
  if (out.totals) out.totals = clean(out.totals);
  out.lineItems = out.lineItems.map(clean);
  return out;
}
