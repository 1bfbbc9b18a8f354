import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentChannelError, TransientChannelError, type Channel, type OutboundMessage } from '../../../core/notify/channel.ts';
import { signOtodoke } from '../../carriers/otodoke/otodoke.webhook.ts';
import { createSignedWebhookChannel } from './webhook.channel.ts';
import { MERCHANT_SECRET, startMerchantPeer, webhookFixture } from './merchant-peer.test-support.ts';

let peer: Awaited<ReturnType<typeof startMerchantPeer>>;
let channel: Channel;
const now = new Date();

beforeAll(async () => {
  peer = await startMerchantPeer();
  channel = createSignedWebhookChannel({ secret: MERCHANT_SECRET, now: () => now });
});
afterAll(() => peer.close());

const hook = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'msg_01JABCDEF0WEBHOOK',
  channel: 'webhook',
  to: `${peer.url}/hooks`,
  text: '',
  webhook: { event: 'shipment.shipped', body: webhookFixture('shipment-shipped.json') },
  ...over,
});

describe('signed webhook channel', () => {
  it('posts the JSON body with event, delivery id and a signature the merchant verifies', async () => {
    const before = peer.requests.length;
    const result = await channel.send(hook());
    expect(result).toEqual({ providerMessageId: 'msg_01JABCDEF0WEBHOOK' });
    const req = peer.requests[before];
    expect(req?.headers['x-otodoke-event']).toBe('shipment.shipped');
    expect(req?.headers['x-otodoke-delivery']).toBe('msg_01JABCDEF0WEBHOOK');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual(webhookFixture('shipment-shipped.json'));
    expect(req?.headers['x-otodoke-signature']).toBe(signOtodoke(req?.body ?? '', MERCHANT_SECRET, now.getTime() / 1000));
    expect(peer.delivered()).toContain('msg_01JABCDEF0WEBHOOK');
  });

  it('is refused by the merchant when signed with another secret', async () => {
    const wrong = createSignedWebhookChannel({ secret: 'not-the-secret' });
    await expect(wrong.send(hook())).rejects.toMatchObject({ name: 'PermanentChannelError', reason: 'http_401' });
  });

  it('classifies failures', async () => {
    await expect(channel.send(hook({ to: `${peer.url}/gone` }))).rejects.toMatchObject({ name: 'PermanentChannelError', reason: 'endpoint_gone' });
    await expect(channel.send(hook({ to: `${peer.url}/bad` }))).rejects.toMatchObject({ name: 'PermanentChannelError', reason: 'http_400' });
    await expect(channel.send(hook({ to: `${peer.url}/moved` }))).rejects.toMatchObject({ name: 'PermanentChannelError', reason: 'redirect' });
    const fail = await channel.send(hook({ to: `${peer.url}/fail` })).catch((e: unknown) => e);
    expect(fail).toBeInstanceOf(TransientChannelError);
    expect(fail).toMatchObject({ reason: 'http_503', retryAfterMs: 30_000 });
    const quick = createSignedWebhookChannel({ secret: MERCHANT_SECRET, timeoutMs: 200 });
    await expect(quick.send(hook({ to: `${peer.url}/slow` }))).rejects.toMatchObject({ name: 'TransientChannelError', reason: 'timeout' });
    await expect(channel.send(hook({ to: 'ftp://example.com/x' }))).rejects.toBeInstanceOf(PermanentChannelError);
    await expect(channel.send(hook({ webhook: undefined }))).rejects.toMatchObject({ reason: 'invalid_message' });
  });
});
