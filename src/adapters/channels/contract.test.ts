import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentChannelError, TransientChannelError, type Channel, type ChannelKind, type OutboundMessage } from '../../core/notify/channel.ts';
import { createSmtpChannel } from './email/smtp.channel.ts';
import { headersOf, startSmtpSink } from './email/smtp-sink.test-support.ts';
import { createLinePushChannel, retryKeyFor } from './line/line.channel.ts';
import { LINE_TEST, LINE_USERS, startLinePeer } from './line/line-peer.test-support.ts';
import { createTwilioSmsChannel } from './sms/twilio.channel.ts';
import { startTwilioPeer, TWILIO_NUMBERS, TWILIO_TEST } from './sms/twilio-peer.test-support.ts';
import { createSignedWebhookChannel } from './webhook/webhook.channel.ts';
import { MERCHANT_SECRET, startMerchantPeer, webhookFixture } from './webhook/merchant-peer.test-support.ts';

/**
 * The contract every sending channel passes against its local peer (a real SMTP server, or a local
 * HTTP server speaking the provider's wire format): a message is accepted with a provider message
 * id; a transient failure is a TransientChannelError and a permanent one a PermanentChannelError;
 * the same message id sent twice puts the same idempotency key on the wire both times. (The "none"
 * channel sends nothing by design: see none.test.ts.)
 */

interface Running {
  channel: Channel;
  /** The idempotency keys the peer saw, in order. */
  wireKeys(): string[];
  close(): Promise<void>;
}

interface Kit {
  kind: ChannelKind;
  start(): Promise<Running>;
  /** Where the peer accepts, answers a transient failure, answers a permanent refusal. */
  to: { ok: string; transient: string; permanent: string };
  /** The key a message id must become on the wire. */
  expectedKey(id: string): string;
}

const KITS: Kit[] = [
  {
    kind: 'email',
    async start() {
      const sink = await startSmtpSink();
      const channel = createSmtpChannel({ smtpUrl: sink.url, from: 'orders@shop.example' });
      return {
        channel,
        wireKeys: () => sink.mails.map((m) => headersOf(m.raw).get('message-id')?.[0] ?? ''),
        close: async () => {
          await channel.close?.();
          await sink.close();
        },
      };
    },
    to: { ok: 'hanako@example.jp', transient: 'defer@example.jp', permanent: 'reject@example.jp' },
    expectedKey: (id) => `<${id}@shop.example>`,
  },
  {
    kind: 'sms',
    async start() {
      const peer = await startTwilioPeer();
      return { channel: createTwilioSmsChannel({ baseUrl: peer.url, ...TWILIO_TEST }), wireKeys: () => peer.requests.map((r) => String(r.headers['i-twilio-idempotency-token'])), close: peer.close };
    },
    to: { ok: TWILIO_NUMBERS.ok, transient: TWILIO_NUMBERS.failing, permanent: TWILIO_NUMBERS.invalid },
    expectedKey: (id) => id,
  },
  {
    kind: 'line',
    async start() {
      const peer = await startLinePeer();
      return { channel: createLinePushChannel({ baseUrl: peer.url, ...LINE_TEST }), wireKeys: () => peer.requests.map((r) => String(r.headers['x-line-retry-key'])), close: peer.close };
    },
    to: { ok: LINE_USERS.ok, transient: LINE_USERS.rateLimited, permanent: LINE_USERS.invalid },
    expectedKey: (id) => retryKeyFor(id),
  },
  {
    kind: 'webhook',
    async start() {
      const peer = await startMerchantPeer();
      const channel = createSignedWebhookChannel({ secret: MERCHANT_SECRET });
      // The kit's addresses are paths: the peer's origin is only known once it listens.
      const withOrigin: Channel = { name: channel.name, send: (m) => channel.send({ ...m, to: `${peer.url}${m.to}` }) };
      return { channel: withOrigin, wireKeys: () => peer.requests.map((r) => String(r.headers['x-otodoke-delivery'])), close: peer.close };
    },
    to: { ok: '/hooks', transient: '/fail', permanent: '/gone' },
    expectedKey: (id) => id,
  },
];

function messageFor(kind: ChannelKind, id: string, to: string): OutboundMessage {
  return {
    id,
    channel: kind,
    to,
    subject: 'ご注文の商品を発送しました',
    text: 'ご注文の商品を発送しました。',
    html: '<p>ご注文の商品を発送しました。</p>',
    ...(kind === 'webhook' ? { webhook: { event: 'shipment.shipped', body: webhookFixture('shipment-shipped.json') } } : {}),
  };
}

describe.each(KITS)('channel contract: $kind', (kit) => {
  let running: Running;
  beforeAll(async () => {
    running = await kit.start();
  });
  afterAll(() => running.close());

  it('sends to its peer and gets a provider message id', async () => {
    const result = await running.channel.send(messageFor(kit.kind, 'msg_contract_ok', kit.to.ok));
    expect(typeof result.providerMessageId).toBe('string');
    expect(result.providerMessageId.length).toBeGreaterThan(0);
  });

  it('maps a transient failure to TransientChannelError', async () => {
    await expect(running.channel.send(messageFor(kit.kind, 'msg_contract_transient', kit.to.transient))).rejects.toBeInstanceOf(TransientChannelError);
  });

  it('maps a permanent failure to PermanentChannelError', async () => {
    const err = await running.channel.send(messageFor(kit.kind, 'msg_contract_permanent', kit.to.permanent)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentChannelError);
    expect(err).not.toBeInstanceOf(TransientChannelError);
  });

  it('puts the same idempotency key on the wire when a message id is sent twice', async () => {
    const before = running.wireKeys().length;
    await running.channel.send(messageFor(kit.kind, 'msg_contract_twice', kit.to.ok));
    await running.channel.send(messageFor(kit.kind, 'msg_contract_twice', kit.to.ok));
    expect(running.wireKeys().slice(before)).toEqual([kit.expectedKey('msg_contract_twice'), kit.expectedKey('msg_contract_twice')]);
  });
});
