import { z } from 'zod';
import { SHIPMENT_STATUSES, type ShipmentStatus } from './statuses.ts';

const iso = z.iso.datetime({ offset: true });

/**
 * One carrier scan, in Otodoke's canonical form. Every source — aggregator webhooks, carrier
 * feeds, the simulator, the REST API — is turned into these before ingest.
 */
export const TrackingEventInputSchema = z.object({
  trackingNumber: z.string().min(1).max(100),
  carrier: z.string().regex(/^[a-z0-9_]+$/).max(50).optional(),
  /** Canonical status; when absent the raw code or message is mapped by the carrier's words. */
  status: z.enum(SHIPMENT_STATUSES).optional(),
  substatus: z.string().max(100).optional(),
  rawCode: z.string().max(200).optional(),
  message: z.string().max(1000).optional(),
  occurredAt: iso,
  location: z
    .object({
      city: z.string().max(200).optional(),
      region: z.string().max(200).optional(),
      postalCode: z.string().max(20).optional(),
      country: z.string().max(2).optional(),
      facility: z.string().max(200).optional(),
    })
    .optional(),
  /** The carrier's expected delivery, as a date or an instant. */
  estimatedDelivery: z.union([z.iso.date(), iso]).optional(),
  /** The provider's own id for this checkpoint, when it has one (a stronger dedupe key). */
  eventId: z.string().max(200).optional(),
});
export type TrackingEventInput = z.input<typeof TrackingEventInputSchema>;

export const TrackingBatchSchema = z.object({ events: z.array(TrackingEventInputSchema).min(1).max(1000) });

/** A stored scan. */
export interface TrackingEvent {
  id: string;
  storeId: string;
  shipmentId: string | null;
  trackingKey: string;
  trackingNumber: string;
  carrier: string | null;
  source: string;
  dedupeKey: string;
  status: ShipmentStatus | null;
  substatus: string | null;
  rawCode: string | null;
  message: string | null;
  location: Record<string, string> | null;
  occurredAt: string;
  receivedAt: string;
  estimatedDelivery: string | null;
}
