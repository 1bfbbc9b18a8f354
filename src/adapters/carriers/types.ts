import type { SecretName } from '../../core/store/store.types.ts';
import type { MappedStatus } from '../../core/tracking/status-map.ts';
import type { TrackingEventInput } from '../../core/tracking/tracking-event.ts';

/** The providers that post tracking webhooks to `/webhooks/carriers/:provider/:storeId`. */
export const CARRIER_WEBHOOK_PROVIDERS = ['aftership', 'easypost', 'shippo', '17track', 'otodoke'] as const;
export type CarrierWebhookProvider = (typeof CARRIER_WEBHOOK_PROVIDERS)[number] & SecretName;

/** Request headers as Node gives them: names in lower case, a repeated header as an array. */
export type WebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The outcome of checking a delivery against the store's secret:
 * - `ok`: the signature (or token) matches the raw body;
 * - `missing`: the request carries no signature at all;
 * - `invalid`: it carries one that does not match, is malformed, or is too old to accept;
 * - `unsigned`: the store has no secret for this provider, so nothing can be checked.
 */
export type VerifyResult = 'ok' | 'missing' | 'invalid' | 'unsigned';

/** What a check needs beyond headers and body. */
export interface VerifyContext {
  /** The current time, from the deps clock: replay windows are measured against it. */
  readonly now: Date;
  /** Query parameters of the webhook URL (Shippo carries its token there). */
  readonly query: Readonly<Record<string, string | undefined>>;
}

/** Scans in Otodoke's canonical form, or why the delivery carries nothing to ingest. */
export interface ParsedWebhook {
  events: TrackingEventInput[];
  /** Set when the delivery is understood but has nothing to ingest (another event type, no scans). */
  ignored?: string;
}

/**
 * A carrier or aggregator that posts tracking updates. Every adapter of this kind passes the
 * contract test in `contract.test.ts` with its recorded fixtures.
 *
 * `verify` runs on the raw bytes BEFORE anything is parsed; `parseWebhook` then turns a verified
 * delivery into canonical scans, throwing `INVALID_JSON`, or `VALIDATION_FAILED` with the path of
 * the first fields that do not fit the provider's documented shape.
 */
export interface CarrierWebhookAdapter {
  /** The provider: also the name of the store secret it is verified with, and the ingest source. */
  readonly name: CarrierWebhookProvider;
  verify(headers: WebhookHeaders, rawBody: Buffer, secret: string | undefined, ctx: VerifyContext): VerifyResult;
  parseWebhook(headers: WebhookHeaders, rawBody: Buffer): ParsedWebhook;
  /** The provider's own status code (and detail code) → canonical status; null when unknown. */
  mapStatus(code: string, detail?: string | null): MappedStatus | null;
}
