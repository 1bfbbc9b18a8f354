import { z } from 'zod';
import type { CarrierCode } from '../../../core/tracking/carriers.ts';
import { mapAfterShip } from '../../../core/tracking/status-map.ts';
import type { TrackingEventInput } from '../../../core/tracking/tracking-event.ts';
import {
  bytesMatch,
  carrierFrom,
  clip,
  countryCode,
  finishEvents,
  header,
  hmacSha256,
  location,
  offsetForCountry,
  parsePayload,
  providerDateTime,
  rawCode,
  scopedEventId,
  text,
  toEstimate,
  toInstant,
} from '../shared.ts';
import type { CarrierWebhookAdapter } from '../types.ts';

/**
 * AfterShip Tracking webhooks.
 *
 * Signing (AfterShip docs, "Webhook Signature"): header `aftership-hmac-sha256` carries the
 * base64 HMAC-SHA256 of the raw request body, keyed by the account's webhook secret.
 *
 * Payload ("Webhook Specifications"): `{ event, event_id, ts, msg }` where `msg` is the Tracking
 * object: `tracking_number`, `slug`, `tag`, `subtag`, the expected delivery and `checkpoints[]`.
 * `tracking_update` (a new status) and `edd_revise` (a new expected delivery) carry checkpoints;
 * other events (`tracking_pending_time`…) are acknowledged and ignored. Field names of older and
 * newer API versions are both read (`zip`/`postal_code`, `country_iso3`/`country_region`); a
 * checkpoint's `id` or, since 2026-07, its `hash` becomes the scan's eventId (prefixed with the
 * tracking number). Checkpoints are scanned by the tracking's courier: `msg.slug` sets the carrier.
 */

export const AFTERSHIP_SIGNATURE_HEADER = 'aftership-hmac-sha256';

/** base64 HMAC-SHA256 of the raw body, as AfterShip signs it. */
export function signAfterShip(rawBody: Buffer | string, secret: string): string {
  return hmacSha256(secret, rawBody).toString('base64');
}

/** AfterShip courier slugs → Otodoke carrier codes (AfterShip "couriers" list). */
const SLUGS: Readonly<Record<string, CarrierCode>> = Object.freeze({
  'taqbin-jp': 'yamato', // "Yamato Japan"
  yamato: 'yamato',
  sagawa: 'sagawa',
  'japan-post': 'japan_post',
  seino: 'seino',
  ups: 'ups',
  'ups-api': 'ups',
  fedex: 'fedex',
  usps: 'usps',
  'usps-webhook': 'usps',
  dhl: 'dhl',
  'dhl-api': 'dhl',
  ontrac: 'ontrac',
  lasership: 'lasership',
  amazon: 'amazon',
  'canada-post': 'canada_post',
  purolator: 'purolator',
});

const Checkpoint = z.object({
  id: text,
  hash: text,
  checkpoint_time: providerDateTime,
  tag: text,
  subtag: text,
  subtag_message: text,
  message: text,
  location: text,
  city: text,
  state: text,
  zip: text,
  postal_code: text,
  country_iso3: text,
  country_region: text,
});

const Tracking = z.object({
  tracking_number: z.string().trim().min(1).max(100),
  slug: text,
  expected_delivery: text,
  courier_estimated_delivery_date: z.object({ estimated_delivery_date: text }).nullish(),
  latest_estimated_delivery: z.object({ datetime: text }).nullish(),
  checkpoints: z.array(Checkpoint).nullish(),
});

const Envelope = z.object({ event: z.string(), msg: z.unknown() });
const Update = z.object({ event: z.string(), msg: Tracking });

const CHECKPOINT_EVENTS = new Set(['tracking_update', 'edd_revise']);

export const aftership: CarrierWebhookAdapter = {
  name: 'aftership',

  verify(headers, rawBody, secret) {
    if (!secret) return 'unsigned';
    const given = header(headers, AFTERSHIP_SIGNATURE_HEADER);
    if (!given) return 'missing';
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(given)) return 'invalid';
    return bytesMatch(Buffer.from(given, 'base64'), hmacSha256(secret, rawBody)) ? 'ok' : 'invalid';
  },

  parseWebhook(_headers, rawBody) {
    const { event } = parsePayload(Envelope, rawBody);
    if (!CHECKPOINT_EVENTS.has(event)) return { events: [], ignored: `AfterShip event ${event} carries no scans` };
    const { msg } = parsePayload(Update, rawBody);
    const carrier = carrierFrom(SLUGS, msg.slug);
    const events = (msg.checkpoints ?? []).map((cp): TrackingEventInput => {
      const country = countryCode(cp.country_iso3 ?? cp.country_region);
      const mapped = mapAfterShip(cp.tag ?? '', cp.subtag);
      return {
        trackingNumber: msg.tracking_number,
        carrier,
        status: mapped?.status,
        substatus: mapped?.substatus,
        rawCode: rawCode(cp.tag, cp.subtag),
        message: clip(cp.message ?? cp.subtag_message, 1000),
        // A checkpoint time without a zone (older API versions) is local to where the scan was made.
        occurredAt: toInstant(cp.checkpoint_time, offsetForCountry(country)) ?? cp.checkpoint_time,
        location: location({ city: cp.city, region: cp.state, postalCode: cp.zip ?? cp.postal_code, country, facility: cp.location }),
        eventId: scopedEventId(msg.tracking_number, cp.id ?? cp.hash),
      };
    });
    if (events.length === 0) return { events: [], ignored: 'the tracking has no checkpoints yet' };
    const estimate =
      toEstimate(msg.expected_delivery) ?? toEstimate(msg.courier_estimated_delivery_date?.estimated_delivery_date) ?? toEstimate(msg.latest_estimated_delivery?.datetime);
    return { events: finishEvents(events, estimate) };
  },

  mapStatus: (tag, subtag) => mapAfterShip(tag, subtag),
};
