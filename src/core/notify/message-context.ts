import type { DeliveryMethod, OrderTotals } from '../order/order.types.ts';
import type { Locale, Trigger } from './triggers.ts';

/**
 * The data a message template sees, the same for every trigger and channel. Templates refer to
 * it by these names (`{{ order.number }}`, `{{ shipment.trackingNumber }}`), so renaming a field
 * breaks merchants' templates: add, don't rename.
 *
 * Money is in minor units of `order.currency` (JPY has none); timestamps are ISO-8601 UTC and
 * dates `YYYY-MM-DD`; the `money`, `date` and `time_slot` filters format them for `locale` and
 * `store.timezone`. Shopper-supplied text (names, notes) is escaped in HTML by the renderer.
 */
export interface MessageContext {
  trigger: Trigger;
  locale: Locale;
  store: MessageStore;
  customer: { name: string | null };
  order: MessageOrder;
  /** The shipment the message is about (shipment.* triggers), else null. */
  shipment: MessageShipment | null;
  /** The pickup location and instructions (pickup orders), else null. */
  pickup: MessagePickup | null;
  links: MessageLinks;
  /** What was cancelled and refunded (order.cancelled), else null. */
  cancellation: MessageCancellation | null;
}

export interface MessageStore {
  name: string;
  /** IANA time zone dates and times are shown in, e.g. Asia/Tokyo. */
  timezone: string;
  brand: {
    logoUrl: string | null;
    /** `#rrggbb` (validated by the store settings schema). */
    primaryColor: string;
    accentColor: string;
  };
  support: {
    email: string | null;
    phone: string | null;
    url: string | null;
    lineId: string | null;
  };
  /** The store's own words on cancellations and returns, shown in the confirmation. */
  policies: {
    cancellation: string | null;
    returns: string | null;
    returnsUrl: string | null;
  };
}

export interface MessageItem {
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Minor units of the order currency. */
  unitPrice: number;
  imageUrl: string | null;
  /** Final sale: cannot be returned or exchanged. */
  finalSale: boolean;
}

export interface MessageOrder {
  number: string;
  placedAt: string;
  currency: string;
  items: MessageItem[];
  totals: OrderTotals;
  deliveryMethod: DeliveryMethod;
  /** `YYYY-MM-DD` the shopper asked for (配達希望日), or null. */
  requestedDeliveryDate: string | null;
  /** A slot such as `午前中` or `14-16` (配達時間帯), or null. */
  requestedTimeSlot: string | null;
  /** Backorder or pre-order notice, or null. */
  fulfillmentNote: string | null;
  /** Business days before the order leaves, or null when unknown. */
  processingDays: number | null;
  /** When the order is expected to arrive (`YYYY-MM-DD` or ISO timestamp), or null. */
  estimatedDelivery: string | null;
  /** True when at least one item is a final sale (saves templates a loop). */
  hasFinalSale: boolean;
}

export interface MessageShipment {
  carrierName: string | null;
  trackingNumber: string | null;
  /** The carrier's own page; the store's tracking page is `links.trackingPage`. */
  trackingUrl: string | null;
  estimatedDelivery: string | null;
  /** The estimate before this change (shipment.delayed, shipment.early), or null. */
  previousEstimate: string | null;
  /** The carrier's page for asking for a redelivery, or null when it has none. */
  redeliveryUrl: string | null;
  /** The shopper-facing label of the current status, in the message's locale. */
  statusLabel: string;
  /** Items in this shipment (a partial shipment lists only its own). */
  items: MessageItem[];
}

export interface MessagePickup {
  location: { name: string; address: string; phone: string | null };
  hours: string | null;
  directions: string | null;
  parking: string | null;
  whatToBring: string | null;
  /** Until when the order is held (ISO timestamp or `YYYY-MM-DD`), or null. */
  holdUntil: string | null;
  onMyWayUrl: string | null;
  /** A `data:image/png;base64,...` QR code staff scan at the counter, or null. */
  qrCodeDataUrl: string | null;
}

export interface MessageLinks {
  trackingPage: string | null;
  preferences: string | null;
  unsubscribe: string | null;
}

export interface MessageCancellation {
  items: MessageItem[];
  /** Minor units of the order currency. */
  refundAmount: number;
  /** When the refund should arrive (`YYYY-MM-DD`), or null. */
  refundEta: string | null;
  reason: string | null;
  goodwillCode: string | null;
  /** What the code gives, in the message's locale (e.g. 次回10%OFF), or null. */
  goodwillOffer: string | null;
}
