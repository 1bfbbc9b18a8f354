import { z } from 'zod';
import { AddressSchema, DELIVERY_METHODS, LOCALES } from './order.types.ts';

const iso = z.iso.datetime({ offset: true });
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const CustomerInputSchema = z.object({
  externalId: z.string().min(1).max(100).optional(),
  email: z.email().max(320).optional(),
  phone: z.string().min(3).max(40).optional(),
  name: z.string().max(200).optional(),
  locale: z.enum(LOCALES).optional(),
  consents: z
    .object({ email: z.boolean().optional(), sms: z.boolean().optional(), line: z.boolean().optional(), marketing: z.boolean().optional() })
    .optional(),
  lineUserId: z.string().max(100).optional(),
});
export type CustomerInput = z.infer<typeof CustomerInputSchema>;

export const LineItemInputSchema = z.object({
  externalId: z.string().min(1).max(100).optional(),
  sku: z.string().max(100).optional(),
  productExternalId: z.string().max(100).optional(),
  variantExternalId: z.string().max(100).optional(),
  title: z.string().min(1).max(500),
  variantTitle: z.string().max(500).optional(),
  quantity: z.number().int().min(1).max(100_000),
  unitPrice: minor,
  imageUrl: z.url().max(2000).optional(),
  category: z.string().max(200).optional(),
  tags: z.array(z.string().max(100)).max(100).optional(),
  finalSale: z.boolean().optional(),
  requiresShipping: z.boolean().optional(),
});
export type LineItemInput = z.infer<typeof LineItemInputSchema>;

/** An order as every intake (API, Shopify, CSV) hands it to the use case. */
export const OrderInputSchema = z.object({
  externalId: z.string().min(1).max(100).optional(),
  number: z.string().min(1).max(100),
  placedAt: iso,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as JPY'),
  locale: z.enum(LOCALES).optional(),
  customer: CustomerInputSchema.default({}),
  lineItems: z.array(LineItemInputSchema).min(1).max(500),
  totals: z
    .object({ subtotal: minor.optional(), shipping: minor.optional(), tax: minor.optional(), discount: minor.optional(), total: minor.optional() })
    .optional(),
  deliveryMethod: z.enum(DELIVERY_METHODS).default('ship'),
  shippingAddress: AddressSchema.optional(),
  pickupLocation: z.record(z.string(), z.unknown()).optional(),
  requestedDeliveryDate: z.iso.date().optional(),
  requestedTimeSlot: z.string().max(40).optional(),
  fulfillmentNote: z.string().max(1000).optional(),
  tags: z.array(z.string().max(100)).max(100).optional(),
  /** Orders from a platform arrive confirmed; one created by the API is confirmed unless told otherwise. */
  confirmed: z.boolean().default(true),
  cancelled: z.object({ at: iso.optional(), reason: z.string().max(500).optional() }).optional(),
});
export type OrderInput = z.input<typeof OrderInputSchema>;
export type ParsedOrderInput = z.output<typeof OrderInputSchema>;

/** Normalises an email for matching (case-insensitive). */
export const normalizeEmail = (email: string | undefined | null) => (email ? email.trim().toLowerCase() : null);

/**
 * Normalises a phone number for matching: digits and a leading +. Japanese numbers written
 * domestically (090-1234-5678) become +81 when the store's country is JP.
 */
export function normalizePhone(phone: string | undefined | null, defaultCountry: 'JP' | 'US' | null = null): string | null {
  if (!phone) return null;
  const ascii = phone.replace(/[０-９＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const digits = ascii.replace(/[^\d+]/g, '');
  if (!digits) return null;
  if (digits.startsWith('+')) return '+' + digits.slice(1).replace(/\+/g, '');
  if (digits.startsWith('00')) return '+' + digits.slice(2);
  if (defaultCountry === 'JP' && digits.startsWith('0')) return '+81' + digits.slice(1);
  if (defaultCountry === 'US' && digits.length === 10) return '+1' + digits;
  return digits;
}
