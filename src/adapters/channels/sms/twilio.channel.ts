import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  PermanentChannelError,
  TransientChannelError,
  type Channel,
  type ChannelHeaders,
  type ChannelResult,
  type DeliveryUpdate,
  type DeliveryWebhookRequest,
  type OutboundMessage,
} from '../../../core/notify/channel.ts';
import { headerValue, httpError, postOnce, summarize, systemNow, tryJson } from '../http.ts';

/**
 * SMS through a Twilio-compatible Messages API.
 *
 * Send: `POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded `To`, `Body`,
 * `From` (or `MessagingServiceSid`) and optionally `StatusCallback`, HTTP Basic auth
 * `AccountSid:AuthToken`; the answer is JSON with the message `sid`.
 *
 * Idempotency: the request carries `I-Twilio-Idempotency-Token: <our message id>`. Twilio documents
 * that header on the webhooks it sends, not as a promise about the Messages API, so with Twilio
 * itself a crash between its `201` and our record can still produce a second SMS on retry;
 * compatible providers that honour the token collapse the retry. Either way the token is the same
 * on every attempt of one message.
 *
 * Errors: 400 with Twilio code 21211 / 21614 (invalid or non-mobile number) is `invalid_address`,
 * 21610 (the shopper replied STOP) is `unsubscribed`; any other 4xx is permanent; 429 and 5xx,
 * timeouts and network failures are transient.
 *
 * Status callbacks: Twilio POSTs form-encoded `MessageSid`, `MessageStatus` (…, `delivered`,
 * `undelivered`, `failed`, `read`) and `ErrorCode`, signed with `X-Twilio-Signature`: base64
 * HMAC-SHA1, keyed by the auth token, over the full callback URL followed by every POST parameter
 * as name + value, sorted by name. Verify with `verifyDeliveryWebhook` (or `verifyTwilioSignature`)
 * before parsing.
 */

export interface TwilioSmsOptions {
  /** `https://api.twilio.com` unless a compatible provider is used. */
  baseUrl?: string;
  accountSid: string;
  authToken: string;
  /** The sender number (E.164) or alphanumeric sender id; or use a messaging service. */
  from?: string;
  messagingServiceSid?: string;
  /** Where the provider should send status callbacks. */
  statusCallbackUrl?: string;
  timeoutMs?: number;
  now?: () => Date;
}

export const TWILIO_IDEMPOTENCY_HEADER = 'I-Twilio-Idempotency-Token';
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

const E164 = /^\+[1-9]\d{6,14}$/;
const INVALID_NUMBER_CODES = new Set([21211, 21614, 21217, 21401, 21407, 21408, 21612]);
const UNSUBSCRIBED_CODE = 21610;

/** Twilio's request signature: base64 HMAC-SHA1 (auth token) of the URL + sorted name/value pairs. */
export function computeTwilioSignature(authToken: string, url: string, params: URLSearchParams | Record<string, string>): string {
  const pairs = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const data = url + pairs.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Checks `X-Twilio-Signature` in constant time. */
export function verifyTwilioSignature(authToken: string, url: string, params: URLSearchParams | Record<string, string>, signature: string | undefined): boolean {
  if (!signature) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(computeTwilioSignature(authToken, url, params)), digest(signature.trim()));
}

const STATUS: Record<string, DeliveryUpdate['status']> = {
  delivered: 'delivered',
  undelivered: 'bounced',
  failed: 'failed',
  read: 'opened',
};

/** Twilio's `RawDlrDoneDate` (`YYMMDDhhmm`, UTC) as ISO-8601, when present and sound. */
function dlrDate(value: string | null): string | undefined {
  const m = value ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!m) return undefined;
  const d = new Date(Date.UTC(2000 + Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function createTwilioSmsChannel(options: TwilioSmsOptions): Channel {
  if (!options.from && !options.messagingServiceSid) throw new Error('Twilio SMS needs a From number or a MessagingServiceSid');
  const base = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`, 'utf8').toString('base64')}`;
  const now = options.now ?? systemNow;
  const timeoutMs = options.timeoutMs ?? 15_000;

  return {
    name: 'twilio-sms',

    async send(message: OutboundMessage): Promise<ChannelResult> {
      const to = message.to.trim();
      if (!E164.test(to)) throw new PermanentChannelError(`"${to}" is not an E.164 phone number`, { reason: 'invalid_address' });
      const form = new URLSearchParams({ To: to, Body: message.text });
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      else if (options.from) form.set('From', options.from);
      if (options.statusCallbackUrl) form.set('StatusCallback', options.statusCallbackUrl);

      const res = await postOnce({
        url: endpoint,
        headers: {
          authorization: auth,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          [TWILIO_IDEMPOTENCY_HEADER]: message.id,
        },
        body: form.toString(),
        timeoutMs,
      });
      const json = tryJson(res.text) as { sid?: unknown; code?: unknown; message?: unknown } | undefined;
      if (res.status >= 200 && res.status < 300) {
        if (typeof json?.sid !== 'string' || !json.sid) throw new TransientChannelError(`Twilio answered ${res.status} without a sid: ${summarize(res.text)}`, { reason: 'bad_answer', providerCode: res.status });
        return { providerMessageId: json.sid };
      }
      const code = typeof json?.code === 'number' ? json.code : undefined;
      const text = typeof json?.message === 'string' ? json.message : summarize(res.text);
      if (res.status >= 400 && res.status < 500 && res.status !== 429 && code !== undefined) {
        if (INVALID_NUMBER_CODES.has(code)) throw new PermanentChannelError(`Twilio refused the number: ${text}`, { reason: 'invalid_address', providerCode: code });
        if (code === UNSUBSCRIBED_CODE) throw new PermanentChannelError(`The recipient has opted out (STOP): ${text}`, { reason: 'unsubscribed', providerCode: code });
      }
      throw httpError(res, now(), 'Twilio', code);
    },

    verifyDeliveryWebhook(request: DeliveryWebhookRequest): boolean {
      const params = new URLSearchParams(request.rawBody.toString('utf8'));
      return verifyTwilioSignature(options.authToken, request.url, params, headerValue(request.headers, TWILIO_SIGNATURE_HEADER));
    },

    parseDeliveryWebhook(_headers: ChannelHeaders, rawBody: Buffer): DeliveryUpdate[] {
      const params = new URLSearchParams(rawBody.toString('utf8'));
      const sid = params.get('MessageSid') ?? params.get('SmsSid');
      const status = STATUS[params.get('MessageStatus') ?? params.get('SmsStatus') ?? ''];
      if (!sid || !status) return [];
      const errorCode = params.get('ErrorCode');
      return [
        {
          providerMessageId: sid,
          status,
          at: dlrDate(params.get('RawDlrDoneDate')) ?? now().toISOString(),
          ...(errorCode ? { detail: `ErrorCode ${errorCode}` } : {}),
        },
      ];
    },
  };
}
