/**
 * The channel port: how a rendered message leaves Otodoke. Adapters (email over SMTP, SMS through a
 * Twilio-compatible API, LINE push, signed webhooks, and "none") implement it; the journey engine
 * calls `send` from a job and records the outcome.
 *
 * Exactly-once from the shopper's view: `OutboundMessage.id` is our deterministic message id and
 * doubles as the idempotency key every adapter puts on the wire (SMTP `Message-ID`, Twilio
 * idempotency token, LINE `X-Line-Retry-Key`, `X-Otodoke-Delivery`), so a send retried after a
 * crash carries the same key as the first attempt. Whether the provider collapses the duplicate
 * depends on the provider: each adapter documents what it guarantees.
 */

export const CHANNEL_KINDS = ['email', 'sms', 'line', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface OutboundMessage {
  /** Our message id: stable across retries, also the idempotency key. */
  id: string;
  channel: ChannelKind;
  /** An email address, an E.164 phone number, a LINE user id, or a URL (webhook). */
  to: string;
  subject?: string;
  html?: string;
  /** The plain-text body: the email text part, the SMS body, the fallback for LINE. */
  text: string;
  /** LINE message objects (text, flex…) as the Messaging API takes them; without it, `text` is sent. */
  line?: { messages: unknown[] };
  /** Extra headers (email only). */
  headers?: Record<string, string>;
  /** For webhooks: the event name and the JSON body to post. */
  webhook?: { event: string; body: unknown };
  /** For email: one-click unsubscribe (RFC 8058) target, and an optional mailto alternative. */
  unsubscribe?: { url: string; mailto?: string };
}

export interface ChannelResult {
  /** The provider's id for the message (SMTP Message-ID, Twilio SID, LINE sent message id, delivery id). */
  providerMessageId: string;
  /** True when the provider said it had accepted this idempotency key before (e.g. LINE 409). */
  duplicate?: boolean;
}

export const DELIVERY_STATUSES = ['delivered', 'bounced', 'failed', 'opened', 'clicked', 'unsubscribed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryUpdate {
  providerMessageId: string;
  status: DeliveryStatus;
  /** ISO-8601 UTC. */
  at: string;
  detail?: string;
}

/** Headers as Node gives them: lower-case names, a value or several. */
export type ChannelHeaders = Record<string, string | string[] | undefined>;

/** A provider's delivery callback as received: the full URL it called (signatures may cover it). */
export interface DeliveryWebhookRequest {
  url: string;
  headers: ChannelHeaders;
  rawBody: Buffer;
}

export interface Channel {
  readonly name: string;
  /** Sends once. Throws TransientChannelError (retry later) or PermanentChannelError (give up). */
  send(message: OutboundMessage): Promise<ChannelResult>;
  /** Checks a delivery callback's signature; call it before parsing. */
  verifyDeliveryWebhook?(request: DeliveryWebhookRequest): boolean;
  /** A provider's delivery callback as status updates (unknown or interim statuses give none). */
  parseDeliveryWebhook?(headers: ChannelHeaders, rawBody: Buffer): DeliveryUpdate[];
  /** Releases pooled connections. */
  close?(): Promise<void>;
}

export interface ChannelErrorDetails {
  /** A short stable reason: `smtp_451`, `http_503`, `timeout`, `invalid_address`, `not_configured`… */
  reason: string;
  /** The provider's status or error code, when it gave one. */
  providerCode?: string | number;
}

/** Worth trying again later, with backoff (timeouts, 5xx, 429, SMTP 4xx). */
export class TransientChannelError extends Error {
  readonly transient = true as const;
  readonly reason: string;
  readonly providerCode: string | number | undefined;
  /** How long the provider asked us to wait (429 / 503 Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ChannelErrorDetails & { retryAfterMs?: number }, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientChannelError';
    this.reason = details.reason;
    this.providerCode = details.providerCode;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Trying again will not help (invalid address, 4xx, SMTP 5xx, blocked): fail visibly. */
export class PermanentChannelError extends Error {
  readonly transient = false as const;
  readonly reason: string;
  readonly providerCode: string | number | undefined;

  constructor(message: string, details: ChannelErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentChannelError';
    this.reason = details.reason;
    this.providerCode = details.providerCode;
  }
}

/** No channel is configured for this kind: the message is logged as "not sent: no channel configured". */
export class ChannelNotConfiguredError extends PermanentChannelError {
  readonly channel: ChannelKind | undefined;

  constructor(channel?: ChannelKind) {
    super(channel ? `not sent: no ${channel} channel configured` : 'not sent: no channel configured', { reason: 'not_configured' });
    this.name = 'ChannelNotConfiguredError';
    this.channel = channel;
  }
}

export const isTransientChannelError = (e: unknown): e is TransientChannelError => e instanceof TransientChannelError;
export const isPermanentChannelError = (e: unknown): e is PermanentChannelError => e instanceof PermanentChannelError;
export const isChannelNotConfigured = (e: unknown): e is ChannelNotConfiguredError => e instanceof ChannelNotConfiguredError;

/** The channels a store's messages leave through (a "none" channel where nothing is configured). */
export interface ChannelRegistry {
  get(storeId: string, channel: ChannelKind): Channel;
  /** Releases every channel's connections. */
  close(): Promise<void>;
}
