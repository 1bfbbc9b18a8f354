import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentChannelError, TransientChannelError, type Channel, type OutboundMessage } from '../../../core/notify/channel.ts';
import { computeTwilioSignature, createTwilioSmsChannel, verifyTwilioSignature } from './twilio.channel.ts';
import { startTwilioPeer, TWILIO_NUMBERS, TWILIO_TEST, twilioFixture } from './twilio-peer.test-support.ts';

let peer: Awaited<ReturnType<typeof startTwilioPeer>>;
let channel: Channel;
const now = new Date('2025-06-01T09:30:00Z');

beforeAll(async () => {
  peer = await startTwilioPeer();
  channel = createTwilioSmsChannel({ baseUrl: peer.url, ...TWILIO_TEST, now: () => now });
});
afterAll(() => peer.close());

const sms = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({ id: 'msg_sms_1', channel: 'sms', to: TWILIO_NUMBERS.ok, text: 'ご注文の商品を発送しました。追跡: https://t.example/a', ...over });

describe('twilio sms channel', () => {
  it('posts a form-encoded message with Basic auth and the idempotency token, and returns the sid', async () => {
    const before = peer.requests.length;
    const result = await channel.send(sms());
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const req = peer.requests[before];
    expect(req?.headers['i-twilio-idempotency-token']).toBe('msg_sms_1');
    const form = new URLSearchParams(req?.body);
    expect(Object.fromEntries(form)).toEqual({ To: TWILIO_NUMBERS.ok, From: TWILIO_TEST.from, Body: 'ご注文の商品を発送しました。追跡: https://t.example/a' });
  });

  it('sends a messaging service instead of From, and a status callback when configured', async () => {
    const svc = createTwilioSmsChannel({ baseUrl: peer.url, accountSid: TWILIO_TEST.accountSid, authToken: TWILIO_TEST.authToken, messagingServiceSid: 'MG00000000000000000000000000000001', statusCallbackUrl: 'https://otodoke.example/webhooks/sms' });
    const before = peer.requests.length;
    await svc.send(sms({ id: 'msg_sms_svc' }));
    const form = new URLSearchParams(peer.requests[before]?.body);
    expect(form.get('MessagingServiceSid')).toBe('MG00000000000000000000000000000001');
    expect(form.has('From')).toBe(false);
    expect(form.get('StatusCallback')).toBe('https://otodoke.example/webhooks/sms');
  });

  it('repeats the same token when a message is sent again (the peer does not send twice)', async () => {
    const sent = peer.sent();
    const a = await channel.send(sms({ id: 'msg_sms_retry' }));
    const b = await channel.send(sms({ id: 'msg_sms_retry' }));
    expect(b.providerMessageId).toBe(a.providerMessageId);
    expect(peer.sent()).toBe(sent + 1);
  });

  it('classifies failures', async () => {
    await expect(channel.send(sms({ to: TWILIO_NUMBERS.invalid }))).rejects.toMatchObject({ name: 'PermanentChannelError', reason: 'invalid_address', providerCode: 21211 });
    const limited = await channel.send(sms({ to: TWILIO_NUMBERS.rateLimited })).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(TransientChannelError);
    expect(limited).toMatchObject({ reason: 'http_429', retryAfterMs: 3000, providerCode: 20429 });
    await expect(channel.send(sms({ to: TWILIO_NUMBERS.failing }))).rejects.toBeInstanceOf(TransientChannelError);
    await expect(channel.send(sms({ to: '090-1234-5678' }))).rejects.toMatchObject({ reason: 'invalid_address' });
    const wrongToken = createTwilioSmsChannel({ baseUrl: peer.url, ...TWILIO_TEST, authToken: 'wrong' });
    await expect(wrongToken.send(sms())).rejects.toBeInstanceOf(PermanentChannelError);
  });

  it('computes the documented signature example', () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    expect(computeTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(verifyTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
    expect(verifyTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=3', params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
  });

  it('verifies and parses status callbacks', () => {
    const url = 'https://otodoke.example/webhooks/sms/str_1';
    const raw = Buffer.from(twilioFixture('status-callback-delivered.form'));
    const signature = computeTwilioSignature(TWILIO_TEST.authToken, url, new URLSearchParams(raw.toString()));
    expect(channel.verifyDeliveryWebhook?.({ url, headers: { 'x-twilio-signature': signature }, rawBody: raw })).toBe(true);
    expect(channel.verifyDeliveryWebhook?.({ url, headers: { 'x-twilio-signature': signature }, rawBody: Buffer.from(raw.toString().replace('delivered', 'failed')) })).toBe(false);
    expect(channel.verifyDeliveryWebhook?.({ url, headers: {}, rawBody: raw })).toBe(false);

    expect(channel.parseDeliveryWebhook?.({}, raw)).toEqual([{ providerMessageId: 'SM00000000000000000000000000000000', status: 'delivered', at: '2023-08-24T05:02:00.000Z' }]);
    expect(channel.parseDeliveryWebhook?.({}, Buffer.from(twilioFixture('status-callback-undelivered.form')))).toEqual([
      { providerMessageId: 'SM00000000000000000000000000000000', status: 'bounced', at: now.toISOString(), detail: 'ErrorCode 30003' },
    ]);
    expect(channel.parseDeliveryWebhook?.({}, Buffer.from(twilioFixture('status-callback-sent.form')))).toEqual([]);
  });
});
