import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startHttpPeer, type HttpPeer, type PeerAnswer } from '../http-peer.test-support.ts';

/** The recorded Twilio payloads in `sms/fixtures/`. */
export const twilioFixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export const TWILIO_TEST = { accountSid: 'AC00000000000000000000000000000001', authToken: 'twilio-test-auth-token', from: '+15017122661' };

/** Numbers that steer the peer: an invalid one (21211), a rate-limited one (429), a failing one (503). */
export const TWILIO_NUMBERS = { ok: '+819012345678', invalid: '+15005550001', rateLimited: '+819000000429', failing: '+819000000503' };

/**
 * A local server speaking the Messages API wire format: Basic auth, form-encoded `To`/`From`/`Body`,
 * `201` with the message JSON. Like a compatible provider that honours idempotency tokens, it
 * answers a token it has seen with the same sid and does not count a second SMS.
 */
export async function startTwilioPeer(): Promise<HttpPeer & { sent: () => number }> {
  const sids = new Map<string, string>();
  let sent = 0;
  const expectedAuth = `Basic ${Buffer.from(`${TWILIO_TEST.accountSid}:${TWILIO_TEST.authToken}`).toString('base64')}`;
  const peer = await startHttpPeer((req): PeerAnswer => {
    if (req.method !== 'POST' || req.path !== `/2010-04-01/Accounts/${TWILIO_TEST.accountSid}/Messages.json`) return { status: 404, body: { code: 20404, message: 'The requested resource was not found', status: 404 } };
    if (req.headers.authorization !== expectedAuth) return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return { status: 400, body: { code: 21604, message: 'Bad body', status: 400 } };
    const form = new URLSearchParams(req.body);
    const to = form.get('To') ?? '';
    if (!form.get('Body') || (!form.get('From') && !form.get('MessagingServiceSid'))) return { status: 400, body: { code: 21602, message: 'Message body is required.', status: 400 } };
    if (to === TWILIO_NUMBERS.invalid) return { status: 400, body: twilioFixture('error-21211-invalid-to.json') };
    if (to === TWILIO_NUMBERS.rateLimited) return { status: 429, headers: { 'retry-after': '3' }, body: twilioFixture('error-20429-too-many-requests.json') };
    if (to === TWILIO_NUMBERS.failing) return { status: 503, body: { code: 20503, message: 'Service unavailable', status: 503 } };
    const token = String(req.headers['i-twilio-idempotency-token'] ?? '');
    let sid = token ? sids.get(token) : undefined;
    if (!sid) {
      sent += 1;
      sid = `SM${createHash('sha256').update(`${token}|${sent}`).digest('hex').slice(0, 32)}`;
      if (token) sids.set(token, sid);
    }
    const answer = { ...(JSON.parse(twilioFixture('message-created.json')) as Record<string, unknown>), sid, to, body: form.get('Body'), from: form.get('From') };
    return { status: 201, body: answer };
  });
  return { ...peer, sent: () => sent };
}
