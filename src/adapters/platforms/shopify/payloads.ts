import { z } from 'zod';

/**
 * The parts of Shopify's webhook payloads (REST resource shapes: Order, Fulfillment, Refund) that
 * Otodoke reads. Shopify sends `null` for absent values, so every optional field is nullish;
 * unknown fields are dropped.
 */

/**
 * A Shopify id. Ids are 64-bit and exceed 2^53, so they must reach us as strings (see
 * parseJsonKeepingLargeIntegers); a number that is not a safe integer has lost digits already.
 */
export const ShopifyIdSchema = z
  .union([
    z.string().regex(/^\d{1,20}$/, 'a numeric Shopify id'),
    z.number().int().nonnegative().refine(Number.isSafeInteger, 'an id above 2^53 that has lost precision: parse the body keeping large integers as strings'),
  ])
  .transform(String);

/** A decimal amount: Shopify sends strings ("1200.00"); numbers are accepted too. */
export const ShopifyMoneySchema = z.union([z.string(), z.number()]);

const str = z.string().nullish();

export const ShopifyAddressSchema = z.object({
  first_name: str,
  last_name: str,
  name: str,
  company: str,
  address1: str,
  address2: str,
  city: str,
  province: str,
  province_code: str,
  zip: str,
  country_code: str,
  phone: str,
});
export type ShopifyAddress = z.infer<typeof ShopifyAddressSchema>;

export const ShopifyCustomerSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  email: str,
  first_name: str,
  last_name: str,
  phone: str,
  locale: str,
});

export const ShopifyLineItemSchema = z.object({
  id: ShopifyIdSchema,
  variant_id: ShopifyIdSchema.nullish(),
  product_id: ShopifyIdSchema.nullish(),
  sku: str,
  title: str,
  name: str,
  variant_title: str,
  quantity: z.number().int(),
  price: ShopifyMoneySchema.nullish(),
  requires_shipping: z.boolean().nullish(),
  fulfillable_quantity: z.number().int().nullish(),
});

export const ShopifyShippingLineSchema = z.object({
  title: str,
  code: str,
  source: str,
  price: ShopifyMoneySchema.nullish(),
  delivery_category: str,
});

const MoneySetSchema = z.object({ shop_money: z.object({ amount: ShopifyMoneySchema, currency_code: str }).nullish() }).nullish();

export const ShopifyOrderSchema = z.object({
  id: ShopifyIdSchema,
  name: str,
  order_number: z.union([z.number(), z.string()]).nullish(),
  email: str,
  contact_email: str,
  phone: str,
  created_at: z.string(),
  processed_at: str,
  updated_at: str,
  currency: z.string(),
  total_price: ShopifyMoneySchema.nullish(),
  current_total_price: ShopifyMoneySchema.nullish(),
  subtotal_price: ShopifyMoneySchema.nullish(),
  total_tax: ShopifyMoneySchema.nullish(),
  total_discounts: ShopifyMoneySchema.nullish(),
  total_shipping_price_set: MoneySetSchema,
  customer: ShopifyCustomerSchema.nullish(),
  customer_locale: str,
  line_items: z.array(ShopifyLineItemSchema),
  shipping_address: ShopifyAddressSchema.nullish(),
  billing_address: ShopifyAddressSchema.nullish(),
  shipping_lines: z.array(ShopifyShippingLineSchema).nullish(),
  note: str,
  note_attributes: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]).nullish() })).nullish(),
  tags: str,
  cancelled_at: str,
  cancel_reason: str,
  confirmed: z.boolean().nullish(),
});
export type ShopifyOrder = z.infer<typeof ShopifyOrderSchema>;

export const ShopifyFulfillmentSchema = z.object({
  id: ShopifyIdSchema,
  order_id: ShopifyIdSchema,
  status: str,
  created_at: str,
  updated_at: str,
  service: str,
  tracking_company: str,
  tracking_number: str,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: str,
  tracking_urls: z.array(z.string()).nullish(),
  shipment_status: str,
  line_items: z.array(z.object({ id: ShopifyIdSchema, quantity: z.number().int() })).nullish(),
});
export type ShopifyFulfillment = z.infer<typeof ShopifyFulfillmentSchema>;

export const ShopifyRefundSchema = z.object({
  id: ShopifyIdSchema,
  order_id: ShopifyIdSchema,
  created_at: str,
  processed_at: str,
  note: str,
  refund_line_items: z
    .array(
      z.object({
        line_item_id: ShopifyIdSchema,
        quantity: z.number().int(),
        subtotal: ShopifyMoneySchema.nullish(),
        total_tax: ShopifyMoneySchema.nullish(),
      }),
    )
    .nullish(),
  transactions: z
    .array(
      z.object({
        amount: ShopifyMoneySchema,
        kind: str,
        status: str,
        currency: str,
      }),
    )
    .nullish(),
});
export type ShopifyRefund = z.infer<typeof ShopifyRefundSchema>;
