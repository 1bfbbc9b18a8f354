import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startHttpPeer, type HttpPeer, type PeerAnswer } from '../http-peer.test-support.ts';

/** The recorded LINE payloads in `line/fixtures/`. */
export const lineFixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export const LINE_TEST = { channelAccessToken: 'line-test-channel-access-token' };

/** User ids that steer the peer. */
export const LINE_USERS = {
  ok: 'U4af4980629e0d8c0a6b9d57f8b4b8b1c',
  invalid: 'U40000000000000000000000000000400',
  rateLimited: 'U42900000000000000000000000000429',
  failing: 'U50000000000000000000000000000500',
};

/**
 * A local server speaking the push API wire format: Bearer auth, JSON `{to, messages}`, `200` with
 * `sentMessages`; a retry key it has accepted before gets `409` with `x-line-accepted-request-id`
 * and the original `sentMessages`, and nothing is sent again.
 */
export async function startLinePeer(): Promise<HttpPeer & { sent: () => number }> {
  const accepted = new Map<string, { requestId: string; messageId: string }>();
  let sent = 0;
  const peer = await startHttpPeer((req): PeerAnswer => {
    const requestId = randomUUID();
    const headers = { 'x-line-request-id': requestId };
    if (req.method !== 'POST' || req.path !== '/v2/bot/message/push') return { status: 404, headers, body: { message: 'Not found' } };
    if (req.headers.authorization !== `Bearer ${LINE_TEST.channelAccessToken}`) return { status: 401, headers, body: { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' } };
    const body = JSON.parse(req.body) as { to?: string; messages?: Array<{ type?: string }> };
    if (!Array.isArray(body.messages) || body.messages.some((m) => !m.type) || body.to === LINE_USERS.invalid) return { status: 400, headers, body: lineFixture('push-400-invalid.json') };
    if (body.to === LINE_USERS.rateLimited) return { status: 429, headers, body: lineFixture('push-429.json') };
    if (body.to === LINE_USERS.failing) return { status: 500, headers, body: { message: 'An error occurred in the internal server.' } };
    const retryKey = String(req.headers['x-line-retry-key'] ?? '');
    const before = retryKey ? accepted.get(retryKey) : undefined;
    const ok = JSON.parse(lineFixture('push-ok.json')) as { sentMessages: Array<{ id: string; quoteToken: string }> };
    if (before) {
      const conflict = JSON.parse(lineFixture('push-409-retry-key-accepted.json')) as { sentMessages: Array<{ id: string }> };
      return { status: 409, headers: { ...headers, 'x-line-accepted-request-id': before.requestId }, body: { ...conflict, sentMessages: conflict.sentMessages.map((m) => ({ ...m, id: before.messageId })) } };
    }
    sent += 1;
    const messageId = String(461230966842064897n + BigInt(sent));
    if (retryKey) accepted.set(retryKey, { requestId, messageId });
    return { status: 200, headers, body: { sentMessages: ok.sentMessages.map((m) => ({ ...m, id: messageId })) } };
  });
  return { ...peer, sent: () => sent };
}
