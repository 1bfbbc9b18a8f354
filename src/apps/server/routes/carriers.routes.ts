import { z } from 'zod';
import type { Deps } from '../../../compose.ts';
import { listCarriers, redeliveryUrl } from '../../../core/tracking/carriers.ts';
import { detectCarriers } from '../../../core/tracking/detect.ts';
import { deliversOnWeekends } from '../../../core/tracking/predict.ts';
import type { Locale } from '../../../core/tracking/statuses.ts';
import { defineRoute } from '../route.ts';

const LabelSchema = z.object({ ja: z.string(), en: z.string() });

export const DetectionSchema = z.object({
  trackingNumber: z.string().describe('The number as carriers expect it: full-width characters, spaces and hyphens normalised'),
  matches: z.array(
    z.object({
      carrier: z.string(),
      name: LabelSchema,
      trackingUrl: z.string(),
      redeliveryUrl: z.string().nullable(),
      format: z.string().describe('Which number format matched'),
    }),
  ),
});
export type DetectionBody = z.infer<typeof DetectionSchema>;

export const CarrierListSchema = z.object({
  carriers: z.array(
    z.object({
      code: z.string(),
      name: LabelSchema,
      country: z.string(),
      detectable: z.boolean().describe('Whether detection recognises its numbers'),
      trackingUrlTemplate: z.object({ ja: z.string(), en: z.string() }).nullable().describe('`{number}` stands for the tracking number'),
      redelivery: z.object({ url: z.string(), viaTrackingPage: z.boolean() }).nullable(),
      deliversOnWeekends: z.boolean(),
      preferred: z.boolean().describe("Listed in the store's carriers"),
    }),
  ),
});
export type CarrierListBody = z.infer<typeof CarrierListSchema>;

/** Detection as the API and the CLI present it, the preferred carriers ranked first. */
export function presentDetection(trackingNumber: string, opts: { preferred?: readonly string[]; locale?: Locale; destinationCountry?: string } = {}): DetectionBody {
  const d = detectCarriers(trackingNumber, opts);
  return {
    trackingNumber: d.trackingNumber,
    matches: d.matches.map((m) => ({
      carrier: m.carrier,
      name: m.name,
      trackingUrl: m.trackingUrl,
      redeliveryUrl: redeliveryUrl(m.carrier, d.trackingNumber),
      format: m.format,
    })),
  };
}

/** The carrier registry, in registry order, with the store's carriers marked. */
export function presentCarrierList(preferred: readonly string[] = []): CarrierListBody {
  return {
    carriers: listCarriers().map((c) => ({
      code: c.code,
      name: c.name,
      country: c.country,
      detectable: c.detectable,
      trackingUrlTemplate: c.trackingUrl.ja ? { ja: c.trackingUrl.ja, en: c.trackingUrl.en ?? c.trackingUrl.ja } : null,
      redelivery: c.redelivery ? { url: redeliveryUrl(c.code) ?? c.redelivery.url, viaTrackingPage: c.redelivery.viaTrackingPage } : null,
      deliversOnWeekends: deliversOnWeekends(c.code),
      preferred: preferred.includes(c.code),
    })),
  };
}

const DetectQuery = z.object({
  trackingNumber: z.string().trim().min(1, 'a tracking number is required').max(100),
  locale: z.enum(['ja', 'en']).optional().describe("Language of the tracking pages (default: the store's locale)"),
  destinationCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code')
    .optional()
    .describe('Destination country, to offer the delivering postal operator of international items'),
});

export function carrierRoutes(_deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/carriers',
      tag: 'carriers',
      summary: "The carrier registry: names, tracking and redelivery pages, the store's carriers marked",
      response: CarrierListSchema,
      handler: async ({ store }) => presentCarrierList(store.settings.carriers),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/carriers/detect',
      tag: 'carriers',
      summary: "Which carriers a tracking number can belong to, most likely first (the store's carriers first)",
      query: DetectQuery,
      response: DetectionSchema,
      handler: async ({ store, query }) =>
        presentDetection(query.trackingNumber, {
          preferred: store.settings.carriers,
          locale: query.locale ?? store.locale,
          destinationCountry: query.destinationCountry,
        }),
    }),
  ];
}
