import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentChannelError, TransientChannelError, type Channel, type OutboundMessage } from '../../../core/notify/channel.ts';
import { createSmtpChannel, domainOf, messageIdFor } from './smtp.channel.ts';
import { decodeWords, headersOf, partOf, startSmtpSink, type SmtpSink } from './smtp-sink.test-support.ts';

let sink: SmtpSink;
let channel: Channel;

beforeAll(async () => {
  sink = await startSmtpSink();
  channel = createSmtpChannel({ smtpUrl: sink.url, from: '"お届けストア" <orders@shop.example>' });
});

afterAll(async () => {
  await channel.close?.();
  await sink.close();
});

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'msg_01JABCDEF',
  channel: 'email',
  to: 'hanako@example.jp',
  subject: 'ご注文の商品を発送しました（注文番号 #1001）',
  text: '山田 花子 様\nご注文の商品を発送しました。',
  html: '<p>山田 花子 様</p><p>ご注文の商品を<strong>発送</strong>しました。</p>',
  ...over,
});

describe('smtp channel', () => {
  it('delivers a multipart text + html message with a Message-ID derived from our id', async () => {
    const before = sink.mails.length;
    const result = await channel.send(message());
    expect(result.providerMessageId).toBe('<msg_01JABCDEF@shop.example>');
    const mail = sink.mails[before];
    expect(mail?.to).toEqual(['hanako@example.jp']);
    expect(mail?.from).toBe('orders@shop.example');
    const h = headersOf(mail?.raw ?? '');
    expect(h.get('message-id')).toEqual(['<msg_01JABCDEF@shop.example>']);
    expect(h.get('content-type')?.[0]).toMatch(/^multipart\/alternative/);
    expect(partOf(mail?.raw ?? '', 'text/plain')?.replace(/\r\n/g, '\n')).toBe('山田 花子 様\nご注文の商品を発送しました。');
    expect(partOf(mail?.raw ?? '', 'text/html')).toBe('<p>山田 花子 様</p><p>ご注文の商品を<strong>発送</strong>しました。</p>');
    expect(h.has('list-unsubscribe')).toBe(false);
  });

  it('encodes a Japanese subject and sender name as UTF-8 encoded words', async () => {
    const before = sink.mails.length;
    await channel.send(message({ id: 'msg_subject' }));
    const h = headersOf(sink.mails[before]?.raw ?? '');
    const subject = h.get('subject')?.[0] ?? '';
    expect(subject).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(subject).not.toMatch(/[^\x20-\x7e]/);
    expect(decodeWords(subject)).toBe('ご注文の商品を発送しました（注文番号 #1001）');
    expect(decodeWords(h.get('from')?.[0] ?? '')).toBe('お届けストア <orders@shop.example>');
  });

  it('adds RFC 8058 one-click unsubscribe headers', async () => {
    const before = sink.mails.length;
    await channel.send(message({ id: 'msg_unsub', unsubscribe: { url: 'https://shop.example/u/tok123', mailto: 'unsubscribe+tok123@shop.example' } }));
    const h = headersOf(sink.mails[before]?.raw ?? '');
    expect(h.get('list-unsubscribe')).toEqual(['<https://shop.example/u/tok123>, <mailto:unsubscribe+tok123@shop.example>']);
    expect(h.get('list-unsubscribe-post')).toEqual(['List-Unsubscribe=One-Click']);
  });

  it('keeps extra headers but never lets them replace the ones it owns', async () => {
    const before = sink.mails.length;
    await channel.send(message({ id: 'msg_headers', headers: { 'X-Otodoke-Trigger': 'shipment.shipped', 'Message-ID': '<evil@x>' } }));
    const h = headersOf(sink.mails[before]?.raw ?? '');
    expect(h.get('x-otodoke-trigger')).toEqual(['shipment.shipped']);
    expect(h.get('message-id')).toEqual(['<msg_headers@shop.example>']);
  });

  it('sends a retried message with the same Message-ID', async () => {
    const before = sink.mails.length;
    await channel.send(message({ id: 'msg_retry' }));
    await channel.send(message({ id: 'msg_retry' }));
    const ids = sink.mails.slice(before).map((m) => headersOf(m.raw).get('message-id')?.[0]);
    expect(ids).toEqual(['<msg_retry@shop.example>', '<msg_retry@shop.example>']);
  });

  it('maps a 550 rejection to a permanent error', async () => {
    const err = await channel.send(message({ to: 'reject@example.jp' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentChannelError);
    expect(err).toMatchObject({ reason: 'smtp_550', providerCode: 550 });
  });

  it('maps a 451 deferral to a transient error', async () => {
    const err = await channel.send(message({ to: 'defer@example.jp' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientChannelError);
    expect(err).toMatchObject({ reason: 'smtp_451', providerCode: 451 });
  });

  it('maps an unreachable server to a transient error', async () => {
    const dead = createSmtpChannel({ smtpUrl: 'smtp://127.0.0.1:1', from: 'orders@shop.example', transport: { connectionTimeout: 2000 } });
    const err = await dead.send(message()).catch((e: unknown) => e);
    await dead.close?.();
    expect(err).toBeInstanceOf(TransientChannelError);
  });

  it('refuses an URL that is not SMTP, and derives Message-IDs safely', () => {
    expect(() => createSmtpChannel({ smtpUrl: 'http://example.com', from: 'a@b.example' })).toThrow(/smtp:\/\//);
    expect(domainOf('"Shop" <orders@Shop.Example>')).toBe('shop.example');
    expect(messageIdFor('msg 1<x>', 'shop.example')).toBe('<msg_1_x_@shop.example>');
  });
});
