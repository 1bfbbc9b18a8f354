import { z } from 'zod';
import { SHIPMENT_STATUSES } from './shipment.types.ts';

const iso = z.iso.datetime({ offset: true });

export const ShipmentItemInputSchema = z
  .object({
    lineItemId: z.string().min(1).max(100).optional(),
    lineItemExternalId: z.string().min(1).max(100).optional(),
    quantity: z.number().int().min(1).max(100_000),
  })
  .refine((i) => i.lineItemId || i.lineItemExternalId, 'name the line item by lineItemId or lineItemExternalId');

export const ShipmentInputSchema = z.object({
  externalId: z.string().min(1).max(100).optional(),
  carrier: z.string().min(1).max(50).optional(),
  service: z.string().max(100).optional(),
  /** Kept as given even when it does not validate for the carrier. */
  trackingNumber: z.string().min(1).max(100).optional(),
  trackingUrl: z.url().max(2000).optional(),
  status: z.enum(SHIPMENT_STATUSES).default('info_received'),
  substatus: z.string().max(100).optional(),
  items: z.array(ShipmentItemInputSchema).max(500).default([]),
  shippedAt: iso.optional(),
  promisedDate: z.iso.date().optional(),
  carrierEstimate: z.union([z.iso.date(), iso]).optional(),
  cancelled: z.boolean().optional(),
});
export type ShipmentInput = z.input<typeof ShipmentInputSchema>;

export const ShipmentPatchSchema = ShipmentInputSchema.omit({ externalId: true, items: true })
  .extend({ status: z.enum(SHIPMENT_STATUSES), deliveredAt: iso })
  .partial()
  .strict();
export type ShipmentPatch = z.input<typeof ShipmentPatchSchema>;
