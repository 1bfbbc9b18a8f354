import { readFileSync } from 'node:fs';
import { otodoke } from '../../carriers/otodoke/otodoke.webhook.ts';
import { startHttpPeer, type HttpPeer, type PeerAnswer } from '../http-peer.test-support.ts';

/** The recorded webhook bodies in `webhook/fixtures/`. */
export const webhookFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as unknown;

export const MERCHANT_SECRET = 'whsec_merchant_test_secret';

/**
 * A merchant's endpoint: it verifies `X-Otodoke-Signature` with Otodoke's own inbound verifier
 * (401 when it does not match), dedupes by `X-Otodoke-Delivery`, and answers by path:
 * `/gone` 410, `/bad` 400, `/fail` 503, `/slow` after 2 s, `/moved` 301.
 */
export async function startMerchantPeer(): Promise<HttpPeer & { delivered: () => string[] }> {
  const delivered: string[] = [];
  const peer = await startHttpPeer((req): PeerAnswer => {
    if (req.path === '/gone') return { status: 410 };
    if (req.path === '/bad') return { status: 400, body: { error: 'unexpected payload' } };
    if (req.path === '/fail') return { status: 503, headers: { 'retry-after': '30' } };
    if (req.path === '/slow') return { status: 200, delayMs: 2000 };
    if (req.path === '/moved') return { status: 301, headers: { location: '/hooks' } };
    const verdict = otodoke.verify(req.headers, Buffer.from(req.body, 'utf8'), MERCHANT_SECRET, { now: new Date(), query: {} });
    if (verdict !== 'ok') return { status: 401, body: { error: `signature ${verdict}` } };
    const id = String(req.headers['x-otodoke-delivery'] ?? '');
    if (!delivered.includes(id)) delivered.push(id);
    return { status: 200, body: { ok: true } };
  });
  return { ...peer, delivered: () => [...delivered] };
}
