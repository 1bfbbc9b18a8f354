import { z } from 'zod';
import type { ShipmentInput } from '../../../core/shipment/shipment.input.ts';
import type { ShipmentStatus } from '../../../core/shipment/shipment.types.ts';
import { parseInput } from '../../../core/shared/validate.ts';
import { text } from './order.mapper.ts';
import { ShopifyFulfillmentSchema } from './payloads.ts';

/** Shopify's tracking company names (as the admin offers them) to Otodoke carrier codes. */
const CARRIER_BY_NAME: Record<string, string> = {
  yamato: 'yamato',
  'yamato (ja)': 'yamato',
  'yamato (en)': 'yamato',
  'yamato transport': 'yamato',
  ヤマト運輸: 'yamato',
  sagawa: 'sagawa',
  'sagawa (ja)': 'sagawa',
  'sagawa (en)': 'sagawa',
  佐川急便: 'sagawa',
  'japan post': 'japan_post',
  'japan post (ja)': 'japan_post',
  'japan post (en)': 'japan_post',
  日本郵便: 'japan_post',
  seino: 'seino',
  西濃運輸: 'seino',
  fukuyama: 'fukuyama',
  福山通運: 'fukuyama',
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  'dhl express': 'dhl',
  dhl: 'dhl',
  'canada post': 'canada_post',
  purolator: 'purolator',
  ontrac: 'ontrac',
  lasership: 'lasership',
  amazon: 'amazon',
};

/** A carrier code from a tracking company name: the known names, else the name in lowercase snake case. */
export function carrierFromTrackingCompany(name: string | null | undefined): string | undefined {
  const t = name?.trim();
  if (!t) return undefined;
  const known = CARRIER_BY_NAME[t.toLowerCase().replace(/\s+/g, ' ')];
  if (known) return known;
  const snake = t
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return snake || t.slice(0, 50);
}

/** Shopify's fulfillment `shipment_status` to the canonical shipment status. */
const STATUS: Record<string, ShipmentStatus> = {
  label_printed: 'info_received',
  label_purchased: 'info_received',
  confirmed: 'info_received',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'attempt_failed',
  ready_for_pickup: 'available_for_pickup',
  picked_up: 'delivered',
  delivered: 'delivered',
  failure: 'exception',
};

export function shipmentStatusOf(shipmentStatus: string | null | undefined): ShipmentStatus | undefined {
  return shipmentStatus ? STATUS[shipmentStatus.trim().toLowerCase()] : undefined;
}

/** Fulfillment statuses meaning the fulfillment no longer stands. */
const CANCELLED = new Set(['cancelled', 'error', 'failure']);

const urlSchema = z.url().max(2000);

export interface ShopifyFulfillmentIntake {
  orderExternalId: string;
  shipment: ShipmentInput;
}

/**
 * Maps a fulfillments/create or fulfillments/update payload to a shipment of the order it belongs
 * to. The tracking number is kept as given, whether or not it is valid for the carrier; when a
 * fulfillment has several, the first is the shipment's and the others go unrecorded.
 */
export function mapShopifyFulfillment(payload: unknown): ShopifyFulfillmentIntake {
  const f = parseInput(ShopifyFulfillmentSchema, payload);
  const trackingNumber = text(f.tracking_number, 100) ?? text(f.tracking_numbers?.find((n) => n.trim()), 100);
  const url = text(f.tracking_url, 2000) ?? text(f.tracking_urls?.find((u) => u.trim()), 2000);
  const status = shipmentStatusOf(f.shipment_status);
  const shipment: ShipmentInput = {
    externalId: f.id,
    carrier: carrierFromTrackingCompany(f.tracking_company),
    trackingNumber,
    trackingUrl: url && urlSchema.safeParse(url).success ? url : undefined,
    status,
    items: (f.line_items ?? []).filter((l) => l.quantity >= 1).map((l) => ({ lineItemExternalId: l.id, quantity: l.quantity })),
    shippedAt: text(f.created_at),
    cancelled: CANCELLED.has(f.status?.trim().toLowerCase() ?? '') ? true : f.status ? false : undefined,
  };
  return {
    orderExternalId: f.order_id,
    shipment: Object.fromEntries(Object.entries(shipment).filter(([, v]) => v !== undefined)) as ShipmentInput,
  };
}
