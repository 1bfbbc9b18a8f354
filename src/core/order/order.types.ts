import { z } from 'zod';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DELIVERY_METHODS = ['ship', 'pickup', 'curbside'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const ORDER_STATUSES = [
  'placed',
  'confirmed',
  'partially_fulfilled',
  'fulfilled',
  'partially_delivered',
  'delivered',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A postal address. Japanese addresses use prefecture (都道府県), city (市区町村) and address lines. */
export const AddressSchema = z.object({
  name: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  line1: z.string().max(300).optional(),
  line2: z.string().max(300).optional(),
  city: z.string().max(200).optional(),
  /** State, province or prefecture (e.g. 東京都 or CA). */
  region: z.string().max(100).optional(),
  regionCode: z.string().max(10).optional(),
  postalCode: z.string().max(20).optional(),
  country: z.string().length(2).toUpperCase().optional(),
  phone: z.string().max(40).optional(),
});
export type Address = z.infer<typeof AddressSchema>;

export interface ChannelConsents {
  email?: boolean;
  sms?: boolean;
  line?: boolean;
  marketing?: boolean;
}

export interface Customer {
  id: string;
  storeId: string;
  source: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: Locale | null;
  consents: ChannelConsents;
  lineUserId: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface LineItem {
  id: string;
  externalId: string | null;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  cancelledQuantity: number;
  unitPrice: number;
  imageUrl: string | null;
  category: string | null;
  tags: string[];
  finalSale: boolean;
  requiresShipping: boolean;
}

export interface OrderTotals {
  subtotal: number;
  shipping: number;
  tax: number;
  discount: number;
  total: number;
}

export interface Order {
  id: string;
  storeId: string;
  number: string;
  source: string;
  externalId: string | null;
  customerId: string | null;
  email: string | null;
  phone: string | null;
  locale: Locale | null;
  status: OrderStatus;
  placedAt: string;
  currency: string;
  totals: OrderTotals;
  deliveryMethod: DeliveryMethod;
  shippingAddress: Address | null;
  requestedDeliveryDate: string | null;
  requestedTimeSlot: string | null;
  /** Backorder or pre-order notice shown to the shopper. */
  fulfillmentNote: string | null;
  tags: string[];
  cancelledAt: string | null;
  cancelReason: string | null;
  lineItems: LineItem[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Japanese delivery time slots (配達時間帯) as carriers offer them, plus free-form ranges. */
export const JP_TIME_SLOTS = ['午前中', '12-14', '14-16', '16-18', '18-20', '19-21', '20-21'] as const;
