import { createHash } from 'node:crypto';
import { PermanentChannelError, TransientChannelError, type Channel, type ChannelResult, type OutboundMessage } from '../../../core/notify/channel.ts';
import { httpError, postOnce, summarize, systemNow, tryJson } from '../http.ts';

/**
 * LINE Messaging API push: `POST {base}/v2/bot/message/push` with
 * `Authorization: Bearer {channel access token}` and JSON `{ to, messages }` (up to 5 message
 * objects; without `line.messages` the message's `text` goes as one text message).
 *
 * Idempotency: every request carries `X-Line-Retry-Key`, a UUID derived from our message id (the
 * same on every attempt). LINE executes a request with a given retry key once: a retry after the
 * first was accepted answers `409` (with `x-line-accepted-request-id` and, where present, the
 * original `sentMessages`), which this channel reports as success with `duplicate: true`. So a crash
 * between LINE's `200` and our record cannot send twice (LINE keeps retry keys for a limited time,
 * so retries must happen within hours, not days).
 *
 * Errors: 400 (bad message, unknown user), 401, 403 and other 4xx are permanent; 429 and 5xx,
 * timeouts and network failures are transient.
 */

export interface LinePushOptions {
  /** `https://api.line.me` unless testing. */
  baseUrl?: string;
  channelAccessToken: string;
  timeoutMs?: number;
  now?: () => Date;
}

export const LINE_RETRY_KEY_HEADER = 'X-Line-Retry-Key';

/** A fixed namespace for retry keys, so one message id always gives one UUID. */
const RETRY_KEY_NAMESPACE = Buffer.from('6f0d2b7c3a9e4c1f8b5d2e7a9c4f1b3d', 'hex');

/** A name-based (version 5, SHA-1) UUID of our message id: deterministic, as LINE's retry key needs. */
export function retryKeyFor(messageId: string): string {
  const hash = createHash('sha1').update(RETRY_KEY_NAMESPACE).update(messageId, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** User (U…), group (C…) or room (R…) ids: a letter and 32 hex digits. */
const LINE_TARGET = /^[UCR][0-9a-f]{32}$/;

interface PushAnswer {
  message?: unknown;
  sentMessages?: Array<{ id?: unknown }>;
}

function sentMessageId(json: PushAnswer | undefined): string | undefined {
  const id = Array.isArray(json?.sentMessages) ? json.sentMessages[0]?.id : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

export function createLinePushChannel(options: LinePushOptions): Channel {
  const endpoint = `${(options.baseUrl ?? 'https://api.line.me').replace(/\/+$/, '')}/v2/bot/message/push`;
  const now = options.now ?? systemNow;
  const timeoutMs = options.timeoutMs ?? 15_000;

  return {
    name: 'line',

    async send(message: OutboundMessage): Promise<ChannelResult> {
      const to = message.to.trim();
      if (!LINE_TARGET.test(to)) throw new PermanentChannelError(`"${to}" is not a LINE user, group or room id`, { reason: 'invalid_address' });
      const messages = message.line?.messages ?? [{ type: 'text', text: message.text }];
      if (messages.length < 1 || messages.length > 5) throw new PermanentChannelError(`LINE push takes 1 to 5 messages, not ${messages.length}`, { reason: 'invalid_message' });
      const retryKey = retryKeyFor(message.id);

      const res = await postOnce({
        url: endpoint,
        headers: {
          authorization: `Bearer ${options.channelAccessToken}`,
          'content-type': 'application/json',
          [LINE_RETRY_KEY_HEADER]: retryKey,
        },
        body: JSON.stringify({ to, messages }),
        timeoutMs,
      });
      const json = tryJson(res.text) as PushAnswer | undefined;
      const requestId = res.headers.get('x-line-request-id') ?? undefined;

      if (res.status >= 200 && res.status < 300) {
        const id = sentMessageId(json) ?? requestId;
        if (!id) throw new TransientChannelError(`LINE answered ${res.status} without a message or request id: ${summarize(res.text)}`, { reason: 'bad_answer', providerCode: res.status });
        return { providerMessageId: id };
      }
      if (res.status === 409) {
        // The retry key was accepted before: the message went out then. Nothing is sent now.
        const id = sentMessageId(json) ?? res.headers.get('x-line-accepted-request-id') ?? requestId ?? `retry-key:${retryKey}`;
        return { providerMessageId: id, duplicate: true };
      }
      const detail = typeof json?.message === 'string' ? json.message : undefined;
      throw httpError(res, now(), detail ? `LINE (${detail})` : 'LINE');
    },
  };
}
