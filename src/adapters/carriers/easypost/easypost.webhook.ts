import { z } from 'zod';
import type { CarrierCode } from '../../../core/tracking/carriers.ts';
import { mapEasyPost } from '../../../core/tracking/status-map.ts';
import type { TrackingEventInput } from '../../../core/tracking/tracking-event.ts';
import { carrierFrom, clip, countryCode, finishEvents, header, hexDigestMatches, hmacSha256, location, parsePayload, providerDateTime, rawCode, text, toEstimate, toInstant } from '../shared.ts';
import type { CarrierWebhookAdapter } from '../types.ts';

/**
 * EasyPost webhooks.
 *
 * Signing (EasyPost "Webhooks Guide", HMAC validation; the official client libraries'
 * `validateWebhook`): header `X-Hmac-Signature: hmac-sha256-hex=<hex>`, the HMAC-SHA256 of the raw
 * body keyed by the webhook secret after Unicode NFKD normalisation of the secret.
 *
 * Payload: an Event `{ object: 'Event', id, description, result }`. `tracker.created` and
 * `tracker.updated` carry a Tracker in `result`: `tracking_code`, `carrier`, `status`,
 * `status_detail`, `est_delivery_date` and `tracking_details[]` (`datetime`, `status`,
 * `status_detail`, `message`, `tracking_location`). Other events (batches, refunds, payments…)
 * are acknowledged and ignored. EasyPost gives no id per tracking detail: ingest dedupes by content.
 */

export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';
const PREFIX = 'hmac-sha256-hex=';

const digest = (rawBody: Buffer | string, secret: string) => hmacSha256(Buffer.from(secret.normalize('NFKD'), 'utf8'), rawBody);

/** The `X-Hmac-Signature` value EasyPost sends for a body. */
export function signEasyPost(rawBody: Buffer | string, secret: string): string {
  return PREFIX + digest(rawBody, secret).toString('hex');
}

/** EasyPost carrier names (`USPS`, `UPS`, `FedEx`, `DHLExpress`…) → Otodoke carrier codes. */
const CARRIERS: Readonly<Record<string, CarrierCode>> = Object.freeze({
  usps: 'usps',
  ups: 'ups',
  upsdap: 'ups',
  fedex: 'fedex',
  fedexdefault: 'fedex',
  fedexsmartpost: 'fedex',
  dhlexpress: 'dhl',
  dhlecommerce: 'dhl',
  dhlglobalmail: 'dhl',
  ontrac: 'ontrac',
  lasership: 'lasership',
  amazonshipping: 'amazon',
  canadapost: 'canada_post',
  purolator: 'purolator',
});

const Detail = z.object({
  datetime: providerDateTime,
  status: text,
  status_detail: text,
  message: text,
  description: text,
  tracking_location: z.object({ city: text, state: text, zip: text, country: text }).nullish(),
});

const Tracker = z.object({
  tracking_code: z.string().trim().min(1).max(100),
  carrier: text,
  est_delivery_date: text,
  tracking_details: z.array(Detail).nullish(),
});

const Envelope = z.object({ description: z.string(), result: z.unknown() });
const TrackerEvent = z.object({ description: z.string(), result: Tracker });

const TRACKER_EVENTS = new Set(['tracker.created', 'tracker.updated']);

export const easypost: CarrierWebhookAdapter = {
  name: 'easypost',

  verify(headers, rawBody, secret) {
    if (!secret) return 'unsigned';
    const given = header(headers, EASYPOST_SIGNATURE_HEADER);
    if (!given) return 'missing';
    if (!given.toLowerCase().startsWith(PREFIX)) return 'invalid';
    return hexDigestMatches(given.slice(PREFIX.length), digest(rawBody, secret)) ? 'ok' : 'invalid';
  },

  parseWebhook(_headers, rawBody) {
    const { description } = parsePayload(Envelope, rawBody);
    if (!TRACKER_EVENTS.has(description)) return { events: [], ignored: `EasyPost event ${description} carries no scans` };
    const { result: tracker } = parsePayload(TrackerEvent, rawBody);
    const carrier = carrierFrom(CARRIERS, tracker.carrier);
    const events = (tracker.tracking_details ?? []).map((d): TrackingEventInput => {
      const mapped = mapEasyPost(d.status ?? '', d.status_detail);
      const place = d.tracking_location;
      return {
        trackingNumber: tracker.tracking_code,
        carrier,
        status: mapped?.status,
        substatus: mapped?.substatus,
        rawCode: rawCode(d.status, d.status_detail),
        message: clip(d.message ?? d.description, 1000),
        // EasyPost sends UTC instants; a zone-less one is read as UTC too.
        occurredAt: toInstant(d.datetime) ?? d.datetime,
        location: location({ city: place?.city, region: place?.state, postalCode: place?.zip, country: countryCode(place?.country) }),
      };
    });
    if (events.length === 0) return { events: [], ignored: 'the tracker has no tracking details yet' };
    return { events: finishEvents(events, toEstimate(tracker.est_delivery_date)) };
  },

  mapStatus: (status, detail) => mapEasyPost(status, detail),
};
