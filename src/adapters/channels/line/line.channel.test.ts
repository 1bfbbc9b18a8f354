import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentChannelError, TransientChannelError, type Channel, type OutboundMessage } from '../../../core/notify/channel.ts';
import { createLinePushChannel, retryKeyFor } from './line.channel.ts';
import { LINE_TEST, LINE_USERS, startLinePeer } from './line-peer.test-support.ts';

let peer: Awaited<ReturnType<typeof startLinePeer>>;
let channel: Channel;

beforeAll(async () => {
  peer = await startLinePeer();
  channel = createLinePushChannel({ baseUrl: peer.url, ...LINE_TEST });
});
afterAll(() => peer.close());

const line = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({ id: 'msg_line_1', channel: 'line', to: LINE_USERS.ok, text: 'ご注文の商品を発送しました。', ...over });

describe('line push channel', () => {
  it('derives one UUID retry key per message id', () => {
    expect(retryKeyFor('msg_line_1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retryKeyFor('msg_line_1')).toBe(retryKeyFor('msg_line_1'));
    expect(retryKeyFor('msg_line_2')).not.toBe(retryKeyFor('msg_line_1'));
  });

  it('pushes text with Bearer auth and the retry key, and returns the sent message id', async () => {
    const before = peer.requests.length;
    const result = await channel.send(line());
    expect(result).toEqual({ providerMessageId: expect.stringMatching(/^\d+$/) as unknown });
    const req = peer.requests[before];
    expect(req?.headers['x-line-retry-key']).toBe(retryKeyFor('msg_line_1'));
    expect(JSON.parse(req?.body ?? '')).toEqual({ to: LINE_USERS.ok, messages: [{ type: 'text', text: 'ご注文の商品を発送しました。' }] });
  });

  it('pushes the given message objects (Flex) as they are', async () => {
    const flex = { type: 'flex', altText: '発送のお知らせ', contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [] } } };
    const before = peer.requests.length;
    await channel.send(line({ id: 'msg_line_flex', line: { messages: [flex] } }));
    expect((JSON.parse(peer.requests[before]?.body ?? '') as { messages: unknown[] }).messages).toEqual([flex]);
  });

  it('treats 409 (retry key already accepted) as success without sending again', async () => {
    const sent = peer.sent();
    const first = await channel.send(line({ id: 'msg_line_retry' }));
    const second = await channel.send(line({ id: 'msg_line_retry' }));
    expect(second).toEqual({ providerMessageId: first.providerMessageId, duplicate: true });
    expect(peer.sent()).toBe(sent + 1);
  });

  it('classifies failures', async () => {
    await expect(channel.send(line({ to: LINE_USERS.invalid }))).rejects.toMatchObject({ name: 'PermanentChannelError', reason: 'http_400' });
    await expect(channel.send(line({ to: LINE_USERS.rateLimited }))).rejects.toMatchObject({ name: 'TransientChannelError', reason: 'http_429' });
    await expect(channel.send(line({ to: LINE_USERS.failing }))).rejects.toBeInstanceOf(TransientChannelError);
    await expect(channel.send(line({ to: 'not-a-line-id' }))).rejects.toMatchObject({ reason: 'invalid_address' });
    await expect(channel.send(line({ line: { messages: [] } }))).rejects.toMatchObject({ reason: 'invalid_message' });
    const badToken = createLinePushChannel({ baseUrl: peer.url, channelAccessToken: 'wrong' });
    await expect(badToken.send(line())).rejects.toBeInstanceOf(PermanentChannelError);
  });
});
