import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWords, headersOf, startSmtpSink, type SmtpSink } from '../src/adapters/channels/email/smtp-sink.test-support.ts';
import { sendMessage } from '../src/app/messages.ts';
import { registerHandlers } from '../src/apps/worker/handlers.ts';
import { Worker } from '../src/apps/worker/worker.ts';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const MINUTE = 60_000;

interface ApiMessage {
  id: string;
  trigger: string;
  channel: string | null;
  recipient: string | null;
  status: string;
  reason: string | null;
  subject: string | null;
  text: string | null;
  shipmentId: string | null;
  sentAt: string | null;
}

describe(`journeys end to end: events to messages to SMTP (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let sink: SmtpSink;
  let auth: { authorization: string };
  let storeId: string;
  let worker: Worker;
  let seq = 0;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await testContext({ SMTP_URL: sink.url, MAIL_FROM: 'Kotoyori <orders@kotoyori.example.jp>' });
    const s = await t.store('こより');
    auth = s.auth;
    storeId = s.id;
    worker = registerHandlers(new Worker(t.deps.queue, t.clock, { concurrency: 2, pollMs: 10 }), t.deps);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const email = (local = 'shopper') => `${local}-${++seq}-${Date.now().toString(36)}@example.jp`;
  const order = async (overrides: Parameters<typeof makeOrder>[0] = {}, headers = auth) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload: makeOrder(overrides) });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; number: string; email: string; customerId: string };
  };
  const shopper = (address: string, extra: object = {}) => ({ customer: { email: address, name: '山田 花子', locale: 'ja' as const, ...extra } });
  const messages = async (orderId: string, headers = auth): Promise<ApiMessage[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/messages?orderId=${orderId}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const mailsTo = (address: string) => sink.mails.filter((m) => m.to.includes(address));
  const subjectOf = (raw: string) => decodeWords(headersOf(raw).get('subject')?.[0] ?? '');
  const run = async () => {
    await worker.drain();
    await worker.drain();
  };
  const jp = () => {
    const body = String(6000_0000_000 + ++seq);
    return body + String(Number(body) % 7);
  };
  const ship = async (orderId: string) => {
    const tn = jp();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/shipments`, headers: auth, payload: { carrier: 'yamato', trackingNumber: tn } });
    expect(res.statusCode).toBe(201);
    return { id: res.json().id as string, tn };
  };
  const scan = async (tn: string, message: string, occurredAt: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tracking-events', headers: auth, payload: { events: [{ trackingNumber: tn, message, occurredAt }] } });
    expect(res.statusCode).toBeLessThan(300);
  };

  it('sends the order confirmation by email, in Japanese, with the order number in the subject', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email();
    const o = await order(shopper(to));
    const [m] = await messages(o.id);
    expect(m).toMatchObject({ trigger: 'order.confirmed', channel: 'email', recipient: to, status: 'scheduled' });
    await run();
    const mails = mailsTo(to);
    expect(mails).toHaveLength(1);
    expect(subjectOf(mails[0]!.raw)).toContain(`注文番号 ${o.number}`);
    const [sent] = await messages(o.id);
    expect(sent).toMatchObject({ status: 'sent', reason: null, sentAt: '2026-11-20T01:00:00.000Z' });
    expect(sent!.subject).toContain(o.number);
    expect(sent!.text).toContain(o.number);
    // The customer's timeline shows the message.
    const tl = (await t.app.inject({ method: 'GET', url: `/api/v1/customers/${o.customerId}/timeline`, headers: auth })).json().items;
    expect(tl.map((e: { type: string }) => e.type)).toContain('message.sent');
  });

  it('sends one "shipped" and one "delivered" email for a parcel with 20 in-transit scans', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email();
    const o = await order(shopper(to));
    const s = await ship(o.id);
    for (let i = 0; i < 20; i++) await scan(s.tn, i % 2 ? '作業店通過' : '輸送中', new Date(Date.parse('2026-11-20T01:00:00.000Z') + i * MINUTE).toISOString());
    await scan(s.tn, '配達完了', '2026-11-20T01:30:00.000Z');
    t.clock.set('2026-11-20T01:45:00.000Z');
    await run();
    const list = await messages(o.id);
    const of = (trigger: string) => list.filter((m) => m.trigger === trigger);
    expect(of('shipment.shipped')).toHaveLength(1);
    expect(of('shipment.delivered')).toHaveLength(1);
    expect(list.every((m) => m.status === 'sent')).toBe(true);
    const subjects = mailsTo(to).map((m) => subjectOf(m.raw));
    expect(subjects.filter((x) => x.includes('発送いたしました'))).toHaveLength(1);
    expect(subjects.filter((x) => x.includes('お届けいたしました'))).toHaveLength(1);
    expect(subjects).toHaveLength(list.length);
  });

  it('collapses two shipments of one order shipped together into one digest message', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email();
    const o = await order(shopper(to));
    const a = await ship(o.id);
    const b = await ship(o.id);
    t.clock.set('2026-11-20T01:11:00.000Z');
    await run();
    const shipped = (await messages(o.id)).filter((m) => m.trigger === 'shipment.shipped');
    expect(shipped.map((m) => m.shipmentId).sort()).toEqual([a.id, b.id].sort());
    expect(shipped.map((m) => m.status).sort()).toEqual(['cancelled', 'sent']);
    expect(shipped.find((m) => m.status === 'cancelled')!.reason).toMatch(/^merged_into_digest: msg_/);
    expect(mailsTo(to).filter((m) => subjectOf(m.raw).includes('発送いたしました'))).toHaveLength(1);
  });

  it('drops a pending confirmation when the order is cancelled before it goes, and sends the cancellation', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email();
    const o = await order(shopper(to));
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/cancel`, headers: auth, payload: { reason: '在庫切れのため' } });
    expect(res.statusCode).toBeLessThan(300);
    await run();
    const list = await messages(o.id);
    expect(list.find((m) => m.trigger === 'order.confirmed')).toMatchObject({ status: 'cancelled', reason: 'cancelled_by: order.cancelled' });
    expect(list.find((m) => m.trigger === 'order.cancelled')).toMatchObject({ status: 'sent' });
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('logs a message the shopper cannot receive as suppressed, with the reason', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email();
    const o = await order(shopper(to, { consents: { email: false } }));
    await run();
    const [m] = await messages(o.id);
    expect(m).toMatchObject({ trigger: 'order.confirmed', status: 'suppressed' });
    expect(m!.reason).toMatch(/^unreachable \(/);
    expect(m!.reason).toContain('email: no_consent');
    expect(mailsTo(to)).toHaveLength(0);
  });

  it('sends once when the send job runs twice, and resumes a send interrupted by a crash', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email();
    const o = await order(shopper(to));
    const [m] = await messages(o.id);
    // A crash after the claim: the message was left `sending`.
    await t.deps.persistence.transaction(async (r) => {
      const row = (await r.messages.get(storeId, m!.id))!;
      await r.messages.update({ ...row, status: 'sending', attempts: 1 });
    });
    await run();
    expect(await sendMessage(t.deps, storeId, m!.id)).toBe('skipped');
    await run();
    expect(mailsTo(to)).toHaveLength(1);
    expect(headersOf(mailsTo(to)[0]!.raw).get('message-id')?.[0]).toContain(m!.id);
    expect((await messages(o.id))[0]).toMatchObject({ status: 'sent' });
  });

  it('retries a 451 with backoff and sends once', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email('flaky');
    const o = await order(shopper(to));
    await run();
    expect((await messages(o.id))[0]).toMatchObject({ status: 'scheduled', reason: 'retrying: smtp_451' });
    expect(mailsTo(to)).toHaveLength(0);
    t.clock.advance(6_000);
    await run();
    expect((await messages(o.id))[0]).toMatchObject({ status: 'sent', reason: null });
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('fails a 550 visibly, with the reason', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const to = email('reject');
    const o = await order(shopper(to));
    await run();
    const [m] = await messages(o.id);
    expect(m!.status).toBe('failed');
    expect(m!.reason).toMatch(/^smtp_550: /);
    expect(mailsTo(to)).toHaveLength(0);
  });

  it("shows one store's messages to that store only", async () => {
    const o = await order(shopper(email()));
    const other = await t.store('Other');
    expect(await messages(o.id)).not.toHaveLength(0);
    expect(await messages(o.id, other.auth)).toEqual([]);
    const byCustomer = await t.app.inject({ method: 'GET', url: `/api/v1/messages?customerId=${o.customerId}`, headers: other.auth });
    expect(byCustomer.json().items).toEqual([]);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/messages', headers: auth });
    expect(none.statusCode).toBe(422);
  });
});

describe(`journeys without a channel configured (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(async () => t.close());

  it('renders the message and keeps it in the log as not sent: no channel configured', async () => {
    t.clock.set('2026-11-20T01:00:00.000Z');
    const { auth } = await t.store('No SMTP');
    const o = (await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: makeOrder() })).json();
    await registerHandlers(new Worker(t.deps.queue, t.clock, { concurrency: 2, pollMs: 10 }), t.deps).drain();
    const [m] = (await t.app.inject({ method: 'GET', url: `/api/v1/messages?orderId=${o.id}`, headers: auth })).json().items;
    expect(m).toMatchObject({ trigger: 'order.confirmed', channel: 'email', status: 'suppressed', reason: 'no_channel_configured' });
    expect(m.subject).toContain(o.number);
    expect(m.text).toContain(o.number);
  });
});
