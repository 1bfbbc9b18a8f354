import { z } from 'zod';
import type { CarrierCode } from '../../../core/tracking/carriers.ts';
import { mapShippo } from '../../../core/tracking/status-map.ts';
import type { TrackingEventInput } from '../../../core/tracking/tracking-event.ts';
import { carrierFrom, clip, countryCode, finishEvents, header, location, parsePayload, providerDateTime, rawCode, scopedEventId, text, toEstimate, toInstant, tokensMatch } from '../shared.ts';
import type { CarrierWebhookAdapter, WebhookHeaders } from '../types.ts';

/**
 * Shippo `track_updated` webhooks.
 *
 * Authentication. Shippo does not sign webhooks by default. Its "Webhook security" guide offers an
 * IP allowlist, a self-generated token appended to the webhook URL (`?token=…`, sent back verbatim
 * on every POST), and HMAC enabled per account through Shippo's account managers (not publicly
 * specified, so not implemented here). Otodoke uses the token: the store's `shippo` secret is the
 * token the merchant appends to the webhook URL, compared in constant time with
 * - the `token` query parameter (what Shippo sends), else
 * - an `X-Shippo-Token` header, else `Authorization: Bearer <token>` (for a proxy that moves the
 *   token out of the URL so it stays out of access logs).
 * The first of these present is the one checked. A token proves the sender knows the secret; it
 * does not protect the body from tampering in transit, so the endpoint must be served over HTTPS.
 *
 * Payload (Shippo "Webhooks", Track object): `{ event, test, data }` with `data.tracking_number`,
 * `carrier`, `eta`, `tracking_status` and `tracking_history[]`, each status
 * `{ object_id, status, substatus: { code }, status_details, status_date, location }`. The current
 * `tracking_status` is normally the last entry of the history too: it is added only when it is not.
 * A status's `object_id` (prefixed with the tracking number) becomes the scan's eventId.
 */

export const SHIPPO_TOKEN_HEADER = 'x-shippo-token';

/** Shippo carrier tokens → Otodoke carrier codes. */
const CARRIERS: Readonly<Record<string, CarrierCode>> = Object.freeze({
  usps: 'usps',
  ups: 'ups',
  fedex: 'fedex',
  dhl_express: 'dhl',
  dhl_ecommerce: 'dhl',
  dhl_germany: 'dhl',
  ontrac: 'ontrac',
  lasership: 'lasership',
  canada_post: 'canada_post',
  purolator: 'purolator',
  amazon: 'amazon',
});

const Status = z.object({
  object_id: text,
  status: text,
  substatus: z.object({ code: text, text: text }).nullish(),
  status_details: text,
  /** Null on an `UNKNOWN` status that has no scan behind it. */
  status_date: providerDateTime.nullish(),
  location: z.object({ city: text, state: text, zip: text, country: text }).nullish(),
});
type ShippoStatus = z.output<typeof Status>;

const Track = z.object({
  tracking_number: z.string().trim().min(1).max(100),
  carrier: text,
  eta: text,
  tracking_status: Status.nullish(),
  tracking_history: z.array(Status).nullish(),
});

const Envelope = z.object({ event: z.string(), data: z.unknown() });
const TrackUpdated = z.object({ event: z.string(), data: Track });

function presentedToken(headers: WebhookHeaders, query: Readonly<Record<string, string | undefined>>): string | undefined {
  const fromQuery = query.token?.trim();
  if (fromQuery) return fromQuery;
  const fromHeader = header(headers, SHIPPO_TOKEN_HEADER);
  if (fromHeader) return fromHeader;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(headers, 'authorization') ?? '');
  return bearer?.[1];
}

/** The same scan, in the history and as the current status. */
const sameScan = (a: ShippoStatus, b: ShippoStatus) =>
  a.object_id && b.object_id
    ? a.object_id === b.object_id
    : a.status === b.status && (a.substatus?.code ?? null) === (b.substatus?.code ?? null) && a.status_date === b.status_date;

export const shippo: CarrierWebhookAdapter = {
  name: 'shippo',

  verify(headers, _rawBody, secret, ctx) {
    if (!secret) return 'unsigned';
    const token = presentedToken(headers, ctx.query);
    if (!token) return 'missing';
    return tokensMatch(token, secret) ? 'ok' : 'invalid';
  },

  parseWebhook(_headers, rawBody) {
    const { event } = parsePayload(Envelope, rawBody);
    if (event !== 'track_updated') return { events: [], ignored: `Shippo event ${event} carries no scans` };
    const { data } = parsePayload(TrackUpdated, rawBody);
    const history = [...(data.tracking_history ?? [])];
    const current = data.tracking_status;
    if (current && !history.some((h) => sameScan(h, current))) history.push(current);
    const carrier = carrierFrom(CARRIERS, data.carrier);
    const events = history.flatMap((s): TrackingEventInput[] => {
      if (!s.status_date) return [];
      const mapped = mapShippo(s.status ?? '', s.substatus?.code);
      const place = s.location;
      return [
        {
          trackingNumber: data.tracking_number,
          carrier,
          status: mapped?.status,
          substatus: mapped?.substatus,
          rawCode: rawCode(s.status, s.substatus?.code),
          message: clip(s.status_details ?? s.substatus?.text, 1000),
          occurredAt: toInstant(s.status_date) ?? s.status_date,
          location: location({ city: place?.city, region: place?.state, postalCode: place?.zip, country: countryCode(place?.country) }),
          eventId: scopedEventId(data.tracking_number, s.object_id),
        },
      ];
    });
    if (events.length === 0) return { events: [], ignored: 'the track has no dated status yet' };
    return { events: finishEvents(events, toEstimate(data.eta)) };
  },

  mapStatus: (status, substatus) => mapShippo(status, substatus),
};
