import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../src/apps/worker/worker.ts';
import { registerHandlers } from '../src/apps/worker/handlers.ts';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const HOUR = 3_600_000;

describe(`variance timers and the exceptions queue (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  let worker: Worker;
  let seq = 0;
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Timers')).auth;
    worker = registerHandlers(new Worker(t.deps.queue, t.clock, { concurrency: 4, pollMs: 10 }), t.deps);
  });
  afterAll(async () => t.close());

  const jp = () => {
    const body = String(5000_0000_000 + ++seq);
    return body + String(Number(body) % 7);
  };
  const setup = async (extra: object = {}) => {
    const o = (await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: makeOrder() })).json();
    const tn = jp();
    const s = (await t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/shipments`, headers: auth, payload: { carrier: 'yamato', trackingNumber: tn, ...extra } })).json();
    return { o, s, tn };
  };
  const scan = (tn: string, message: string, occurredAt: string, extra: object = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/tracking-events', headers: auth, payload: { events: [{ trackingNumber: tn, message, occurredAt, ...extra }] } });
  const types = async (orderId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}/timeline?limit=200`, headers: auth })).json().items.map((e: { type: string }) => e.type);
  const count = (list: string[], type: string) => list.filter((x) => x === type).length;

  it('tells "arriving tomorrow" and "arriving today" once each, at the right local hours', async () => {
    t.clock.set('2026-11-18T00:00:00.000Z');
    const { o, tn } = await setup();
    await scan(tn, '輸送中', '2026-11-18T00:00:00.000Z', { estimatedDelivery: '2026-11-20' });
    t.clock.set('2026-11-19T07:59:00.000Z'); // 16:59 in Tokyo the day before
    await worker.drain();
    expect(await types(o.id)).not.toContain('shipment.arriving_tomorrow');
    t.clock.set('2026-11-19T08:00:00.000Z');
    await worker.drain();
    await worker.drain();
    expect(count(await types(o.id), 'shipment.arriving_tomorrow')).toBe(1);
    t.clock.set('2026-11-19T23:00:00.000Z'); // 08:00 on the day in Tokyo
    await worker.drain();
    expect(count(await types(o.id), 'shipment.arriving_today')).toBe(1);
  });

  it('drops "arriving today" for a parcel delivered before the morning', async () => {
    t.clock.set('2026-11-18T00:00:00.000Z');
    const { o, tn } = await setup();
    await scan(tn, '輸送中', '2026-11-18T00:00:00.000Z', { estimatedDelivery: '2026-11-20' });
    await scan(tn, '配達完了', '2026-11-19T12:00:00.000Z');
    t.clock.set('2026-11-20T00:00:00.000Z');
    await worker.drain();
    const list = await types(o.id);
    expect(list).not.toContain('shipment.arriving_today');
    expect(list).not.toContain('shipment.arriving_tomorrow');
  });

  it('says a parcel is delayed once its expected day has passed, and puts it in the exceptions queue', async () => {
    t.clock.set('2026-11-18T00:00:00.000Z');
    const { o, s, tn } = await setup();
    await scan(tn, '輸送中', '2026-11-18T00:00:00.000Z', { estimatedDelivery: '2026-11-19' });
    t.clock.set('2026-11-19T14:59:00.000Z'); // 23:59 on the 19th in Tokyo: not late yet
    await scan(tn, '作業店通過', '2026-11-19T14:00:00.000Z');
    await worker.drain();
    expect(await types(o.id)).not.toContain('shipment.delayed');
    t.clock.set('2026-11-19T15:00:00.000Z');
    await worker.drain();
    await worker.drain();
    expect(count(await types(o.id), 'shipment.delayed')).toBe(1);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/shipments?needsAttention=true', headers: auth })).json().items;
    expect(queue.find((x: { id: string }) => x.id === s.id)).toMatchObject({ reason: 'delayed', since: '2026-11-19T15:00:00.000Z' });
    // Delivered: no longer needs attention.
    await scan(tn, '配達完了', '2026-11-20T03:00:00.000Z');
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/shipments?needsAttention=true', headers: auth })).json().items;
    expect(after.map((x: { id: string }) => x.id)).not.toContain(s.id);
  });

  it('says delayed at once when the carrier moves its date later, and early when a parcel beats it', async () => {
    t.clock.set('2026-11-18T00:00:00.000Z');
    const a = await setup();
    await scan(a.tn, '輸送中', '2026-11-18T00:00:00.000Z', { estimatedDelivery: '2026-11-20' });
    await scan(a.tn, '輸送中', '2026-11-18T06:00:00.000Z', { estimatedDelivery: '2026-11-22', location: { facility: '大雪のため遅延' } });
    const tl = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${a.o.id}/timeline`, headers: auth })).json().items;
    const delayed = tl.filter((e: { type: string }) => e.type === 'shipment.delayed');
    expect(delayed).toHaveLength(1);
    expect(delayed[0].data).toMatchObject({ cause: 'estimate_moved', from: '2026-11-20', to: '2026-11-22' });
    const b = await setup();
    await scan(b.tn, '輸送中', '2026-11-18T00:00:00.000Z', { estimatedDelivery: '2026-11-21' });
    await scan(b.tn, '配達完了', '2026-11-19T05:00:00.000Z');
    expect(count(await types(b.o.id), 'shipment.early')).toBe(1);
  });

  it('says a parcel has stalled after 72 hours without a scan, once, and clears it on the next scan', async () => {
    t.clock.set('2026-11-18T00:00:00.000Z');
    const { o, s, tn } = await setup();
    await scan(tn, '輸送中', '2026-11-18T00:00:00.000Z');
    t.clock.set(new Date(Date.parse('2026-11-18T00:00:00.000Z') + 71 * HOUR).toISOString());
    await worker.drain();
    expect(await types(o.id)).not.toContain('shipment.stalled');
    t.clock.set(new Date(Date.parse('2026-11-18T00:00:00.000Z') + 72 * HOUR).toISOString());
    await worker.drain();
    await worker.drain();
    expect(count(await types(o.id), 'shipment.stalled')).toBe(1);
    const inQueue = (await t.app.inject({ method: 'GET', url: '/api/v1/shipments?needsAttention=true', headers: auth })).json().items;
    expect(inQueue.find((x: { id: string }) => x.id === s.id)?.reason).toBe('stalled');
    await scan(tn, '作業店通過', '2026-11-21T01:00:00.000Z');
    const later = (await t.app.inject({ method: 'GET', url: '/api/v1/shipments?needsAttention=true', headers: auth })).json().items;
    expect(later.map((x: { id: string }) => x.id)).not.toContain(s.id);
  });

  it('puts failed attempts and exceptions in the queue, oldest first', async () => {
    t.clock.set('2026-11-18T00:00:00.000Z');
    const a = await setup();
    await scan(a.tn, 'ご不在のため持ち帰り', '2026-11-18T01:00:00.000Z');
    t.clock.set('2026-11-18T02:00:00.000Z');
    const b = await setup();
    await scan(b.tn, '調査中', '2026-11-18T03:00:00.000Z');
    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/shipments?needsAttention=true&limit=200', headers: auth })).json().items;
    const ours = queue.filter((x: { id: string }) => x.id === a.s.id || x.id === b.s.id);
    expect(ours.map((x: { reason: string }) => x.reason)).toEqual(['attempt_failed', 'exception']);
    const sinces = queue.map((x: { since: string }) => x.since);
    expect([...sinces].sort()).toEqual(sinces);
    expect(await types(a.o.id)).toContain('shipment.attempt_failed');
    const both = await t.app.inject({ method: 'GET', url: '/api/v1/shipments', headers: auth });
    expect(both.statusCode).toBe(422);
  });
});
