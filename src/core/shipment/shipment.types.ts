import type { ShipmentStatus } from '../tracking/statuses.ts';

export { SHIPMENT_STATUSES, type ShipmentStatus } from '../tracking/statuses.ts';

export const ATTENTION_REASONS = ['delayed', 'stalled', 'attempt_failed', 'exception', 'return_to_sender', 'expired'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export interface ShipmentItem {
  lineItemId: string;
  quantity: number;
}

export interface DeliveryEstimate {
  earliest: string;
  latest: string;
  confidence: number;
  source: 'carrier' | 'history' | 'rules' | 'promised';
}

export interface Shipment {
  id: string;
  storeId: string;
  orderId: string;
  source: string;
  externalId: string | null;
  carrier: string | null;
  service: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: ShipmentStatus;
  substatus: string | null;
  items: ShipmentItem[];
  shippedAt: string | null;
  deliveredAt: string | null;
  promisedDate: string | null;
  carrierEstimate: string | null;
  estimatedDelivery: DeliveryEstimate | null;
  lastEventAt: string | null;
  /** Why it needs attention (delayed, stalled, attempt_failed, exception, return_to_sender, expired), or null. */
  attention: { reason: AttentionReason; since: string } | null;
  /** A shipment cancelled by the merchant (e.g. a Shopify fulfillment cancelled) no longer counts. */
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
}
