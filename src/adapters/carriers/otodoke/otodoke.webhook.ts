import { isShipmentStatus, isShipmentSubstatus, statusOfSubstatus } from '../../../core/tracking/statuses.ts';
import { mapJapaneseStatusText } from '../../../core/tracking/status-map.ts';
import { TrackingBatchSchema } from '../../../core/tracking/tracking-event.ts';
import { header, hexDigestMatches, hmacSha256, parsePayload } from '../shared.ts';
import type { CarrierWebhookAdapter } from '../types.ts';

/**
 * Otodoke's own canonical feed: for merchants' carrier integrations and the carrier simulator.
 *
 * Signing: header `X-Otodoke-Signature: t=<unix seconds>,v1=<hex>` where the hex is the
 * HMAC-SHA256 of `"<t>.<raw body>"` keyed by the store's `otodoke` secret. Several `v1=` entries
 * may be sent while a secret is being rotated; one matching is enough. A timestamp more than five
 * minutes away from the server's clock is refused, so a captured request cannot be replayed later
 * (within the window, ingest's deduplication makes a replay harmless).
 *
 * Body: `{ events: TrackingEventInput[] }` (1 to 1,000 scans), exactly as
 * `POST /api/v1/tracking-events` takes it.
 */

export const OTODOKE_SIGNATURE_HEADER = 'x-otodoke-signature';
export const OTODOKE_TOLERANCE_SECONDS = 300;

const digest = (rawBody: Buffer | string, secret: string, t: string) => hmacSha256(secret, Buffer.concat([Buffer.from(`${t}.`, 'utf8'), Buffer.from(rawBody)]));

/** The `X-Otodoke-Signature` value for a body sent at `unixSeconds`. */
export function signOtodoke(rawBody: Buffer | string, secret: string, unixSeconds: number): string {
  const t = String(Math.floor(unixSeconds));
  return `t=${t},v1=${digest(rawBody, secret, t).toString('hex')}`;
}

function parseSignature(value: string): { t: string; v1: string[] } | null {
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === 't') t = val;
    else if (key === 'v1') v1.push(val);
  }
  return t !== undefined && /^\d{1,12}$/.test(t) && v1.length > 0 ? { t, v1 } : null;
}

export const otodoke: CarrierWebhookAdapter = {
  name: 'otodoke',

  verify(headers, rawBody, secret, ctx) {
    if (!secret) return 'unsigned';
    const given = header(headers, OTODOKE_SIGNATURE_HEADER);
    if (!given) return 'missing';
    const sig = parseSignature(given);
    if (!sig) return 'invalid';
    const age = Math.abs(ctx.now.getTime() / 1000 - Number(sig.t));
    if (age > OTODOKE_TOLERANCE_SECONDS) return 'invalid';
    const expected = digest(rawBody, secret, sig.t);
    // Check every candidate (no early exit) so timing does not tell which one matched.
    return sig.v1.map((v) => hexDigestMatches(v, expected)).includes(true) ? 'ok' : 'invalid';
  },

  parseWebhook(_headers, rawBody) {
    return { events: parsePayload(TrackingBatchSchema, rawBody).events };
  },

  /** A canonical status or substatus as is; anything else read as a Japanese carrier's words. */
  mapStatus(code) {
    const c = code.trim();
    if (isShipmentSubstatus(c)) return { status: statusOfSubstatus(c), substatus: c, raw: c };
    if (isShipmentStatus(c)) return { status: c, raw: c };
    return mapJapaneseStatusText(c);
  },
};
