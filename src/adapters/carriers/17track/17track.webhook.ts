import { createHash } from 'node:crypto';
import { z } from 'zod';
import { map17Track } from '../../../core/tracking/status-map.ts';
import type { TrackingEventInput } from '../../../core/tracking/tracking-event.ts';
import { clip, countryCode, finishEvents, header, hexDigestMatches, location, offsetForCountry, parsePayload, providerDateTime, rawCode, text, toEstimate, toInstant } from '../shared.ts';
import type { CarrierWebhookAdapter } from '../types.ts';

/**
 * 17TRACK Tracking API v2 webhooks.
 *
 * Signing (17TRACK API v2 docs, WebHook): header `sign` is the lowercase hex SHA-256 — a plain
 * hash, not an HMAC — of the raw request body, a `/`, and the account's security key:
 * `sha256("<raw body>/<key>")`. (API v1 signed `event/data/key` inside the body; that form is not
 * accepted here.) The store's `17track` secret is that key.
 *
 * Payload: `{ event, data }`. `TRACKING_UPDATED` carries `data.number`, `data.carrier` (17TRACK's
 * numeric carrier key) and `data.track_info` with `latest_status`, `time_metrics` and
 * `tracking.providers[].events[]` (`time_iso`, `time_utc`, `description`, `location`, `stage`,
 * `sub_status`, `address`). `TRACKING_STOPPED` (17TRACK stopped following the number) and other
 * events are acknowledged and ignored.
 *
 * No carrier is set on the scans: 17TRACK's carrier keys are its own numbers, and an international
 * parcel lists the origin and the destination carrier as separate providers of the same number, so
 * the tracking number alone attaches the scans to their shipment.
 */

export const TRACK17_SIGNATURE_HEADER = 'sign';

const digest = (rawBody: Buffer | string, secret: string) => createHash('sha256').update(rawBody).update(`/${secret}`, 'utf8').digest();

/** The `sign` header 17TRACK sends for a body. */
export function sign17Track(rawBody: Buffer | string, secret: string): string {
  return digest(rawBody, secret).toString('hex');
}

/**
 * An event's milestone `stage` (`PickedUp`, `Departure`, `Arrival`, `Returning`…) when it has no
 * sub-status: the sub-status it stands for. Stages that are main statuses map by themselves.
 */
const STAGE_SUB_STATUS: Readonly<Record<string, string>> = Object.freeze({
  pickedup: 'InTransit_PickedUp',
  departure: 'InTransit_Departure',
  arrival: 'InTransit_Arrival',
  returning: 'Exception_Returning',
  returned: 'Exception_Returned',
});

function mapEvent(stage: string | null | undefined, subStatus: string | null | undefined) {
  const bySub = subStatus ? map17Track(subStatus.split('_')[0] ?? '', subStatus) : null;
  if (bySub) return bySub;
  const stageKey = stage?.trim().toLowerCase() ?? '';
  const stageSub = Object.hasOwn(STAGE_SUB_STATUS, stageKey) ? STAGE_SUB_STATUS[stageKey] : undefined;
  return map17Track(stage ?? '', stageSub);
}

const Event = z
  .object({
    time_iso: providerDateTime.nullish(),
    time_utc: providerDateTime.nullish(),
    description: text,
    location: text,
    stage: text,
    sub_status: text,
    address: z.object({ country: text, state: text, city: text, postal_code: text }).nullish(),
  })
  .refine((e) => e.time_utc || e.time_iso, { message: 'time_utc or time_iso is required', path: ['time_iso'] });

const TrackInfo = z.object({
  number: z.string().trim().min(1).max(100),
  track_info: z
    .object({
      time_metrics: z.object({ estimated_delivery_date: z.object({ from: text, to: text }).nullish() }).nullish(),
      tracking: z.object({ providers: z.array(z.object({ events: z.array(Event).nullish() })).nullish() }).nullish(),
    })
    .nullish(),
});

const Envelope = z.object({ event: z.string(), data: z.unknown() });
const Updated = z.object({ event: z.string(), data: TrackInfo });

export const track17: CarrierWebhookAdapter = {
  name: '17track',

  verify(headers, rawBody, secret) {
    if (!secret) return 'unsigned';
    const given = header(headers, TRACK17_SIGNATURE_HEADER);
    if (!given) return 'missing';
    return hexDigestMatches(given, digest(rawBody, secret)) ? 'ok' : 'invalid';
  },

  parseWebhook(_headers, rawBody) {
    const { event } = parsePayload(Envelope, rawBody);
    if (event === 'TRACKING_STOPPED') return { events: [], ignored: '17TRACK stopped tracking this number' };
    if (event !== 'TRACKING_UPDATED') return { events: [], ignored: `17TRACK event ${event} carries no scans` };
    const { data } = parsePayload(Updated, rawBody);
    const providers = data.track_info?.tracking?.providers ?? [];
    const events = providers.flatMap((p) =>
      (p.events ?? []).map((e): TrackingEventInput => {
        const country = countryCode(e.address?.country);
        const mapped = mapEvent(e.stage, e.sub_status);
        const when = e.time_utc ? toInstant(e.time_utc) : toInstant(e.time_iso ?? '', offsetForCountry(country));
        return {
          trackingNumber: data.number,
          status: mapped?.status,
          substatus: mapped?.substatus,
          rawCode: rawCode(e.stage, e.sub_status),
          message: clip(e.description, 1000),
          occurredAt: when ?? e.time_utc ?? e.time_iso ?? '',
          location: location({ city: e.address?.city, region: e.address?.state, postalCode: e.address?.postal_code, country, facility: e.location }),
        };
      }),
    );
    if (events.length === 0) return { events: [], ignored: 'the number has no scans yet' };
    const window = data.track_info?.time_metrics?.estimated_delivery_date;
    return { events: finishEvents(events, toEstimate(window?.to) ?? toEstimate(window?.from)) };
  },

  mapStatus: (status, subStatus) => map17Track(status, subStatus),
};
