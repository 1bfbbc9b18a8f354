import { PermanentChannelError, type Channel, type ChannelResult, type OutboundMessage } from '../../../core/notify/channel.ts';
import { signOtodoke } from '../../carriers/otodoke/otodoke.webhook.ts';
import { httpError, postOnce, systemNow } from '../http.ts';

/**
 * Signed outbound webhooks to a merchant's endpoint (`message.to`): `POST` of
 * `message.webhook.body` as JSON with
 * - `X-Otodoke-Event`: the event name (`shipment.shipped`…),
 * - `X-Otodoke-Delivery`: our message id, the same on every retry: receivers dedupe by it,
 * - `X-Otodoke-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed by the
 *   merchant's secret: the scheme Otodoke itself accepts inbound (carriers/otodoke), so a merchant
 *   can verify with the same code. `t` is the time of this attempt, so a retry is signed afresh.
 *
 * Outcome: 2xx is success; 410 (endpoint gone) and other 4xx are permanent, and so is a redirect
 * (not followed: the merchant should register the final URL); 5xx, 408, 429, timeouts (10 s) and
 * network failures are transient. A timed-out attempt may still have been processed: the delivery
 * id is what lets the merchant drop the retry.
 */

export interface SignedWebhookOptions {
  /** The merchant's signing secret. */
  secret: string;
  timeoutMs?: number;
  now?: () => Date;
  userAgent?: string;
}

export const WEBHOOK_EVENT_HEADER = 'X-Otodoke-Event';
export const WEBHOOK_DELIVERY_HEADER = 'X-Otodoke-Delivery';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Otodoke-Signature';

export function createSignedWebhookChannel(options: SignedWebhookOptions): Channel {
  const now = options.now ?? systemNow;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    name: 'webhook',

    async send(message: OutboundMessage): Promise<ChannelResult> {
      if (!message.webhook) throw new PermanentChannelError('A webhook message needs an event and a body', { reason: 'invalid_message' });
      let url: URL;
      try {
        url = new URL(message.to);
      } catch {
        throw new PermanentChannelError(`"${message.to}" is not a URL`, { reason: 'invalid_address' });
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PermanentChannelError(`Webhook URLs must be http(s), not ${url.protocol}`, { reason: 'invalid_address' });

      const body = JSON.stringify(message.webhook.body);
      const res = await postOnce({
        url: url.toString(),
        headers: {
          'content-type': 'application/json',
          'user-agent': options.userAgent ?? 'Otodoke-Webhooks/1',
          [WEBHOOK_EVENT_HEADER]: message.webhook.event,
          [WEBHOOK_DELIVERY_HEADER]: message.id,
          [WEBHOOK_SIGNATURE_HEADER]: signOtodoke(body, options.secret, now().getTime() / 1000),
        },
        body,
        timeoutMs,
        redirect: 'manual',
      });
      if (res.status >= 200 && res.status < 300) return { providerMessageId: message.id };
      if (res.status === 410) throw new PermanentChannelError('The webhook endpoint is gone (410)', { reason: 'endpoint_gone', providerCode: 410 });
      if (res.status >= 300 && res.status < 400) {
        throw new PermanentChannelError(`The webhook endpoint redirects (${res.status}); register the final URL`, { reason: 'redirect', providerCode: res.status });
      }
      throw httpError(res, now(), 'The webhook endpoint');
    },
  };
}
