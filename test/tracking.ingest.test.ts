import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

/** A Yamato-style number with a valid mod-7 check digit. */
function jpNumber(seed: number): string {
  const body = String(4000_0000_000 + seed).padStart(11, '0');
  return body + String(Number(body) % 7);
}

const journey = (tn: string) => [
  { trackingNumber: tn, carrier: 'yamato', message: '荷物受付', occurredAt: '2026-11-18T01:00:00+09:00' },
  { trackingNumber: tn, carrier: 'yamato', message: '発送済み', occurredAt: '2026-11-18T18:00:00+09:00', location: { facility: '京都ベース' } },
  { trackingNumber: tn, carrier: 'yamato', message: '作業店通過', occurredAt: '2026-11-19T03:00:00+09:00', location: { facility: '羽田クロノゲート' }, estimatedDelivery: '2026-11-20' },
  { trackingNumber: tn, carrier: 'yamato', message: '配達中', occurredAt: '2026-11-20T08:40:00+09:00', location: { facility: '渋谷神宮前センター' } },
  { trackingNumber: tn, carrier: 'yamato', message: '配達完了', occurredAt: '2026-11-20T11:05:00+09:00', location: { facility: '渋谷神宮前センター' } },
];

describe(`tracking ingest (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Tracking')).auth;
  });
  afterAll(async () => t.close());

  const send = (events: unknown[]) => t.app.inject({ method: 'POST', url: '/api/v1/tracking-events', headers: auth, payload: { events } });
  const order = async () => (await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: makeOrder() })).json();
  const ship = async (orderId: string, trackingNumber: string) =>
    (await t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/shipments`, headers: auth, payload: { carrier: 'yamato', trackingNumber } })).json();
  const shipment = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/shipments/${id}`, headers: auth })).json();
  const timeline = async (orderId: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}/timeline`, headers: auth })).json().items.map((e: { type: string }) => e.type);

  it('maps Japanese scan words, derives the shipment and delivers the order', async () => {
    const o = await order();
    const tn = jpNumber(1);
    const s = await ship(o.id, tn);
    const res = await send(journey(tn));
    expect(res.json()).toEqual({ received: 5, stored: 5, duplicates: 0, matched: 5, orphaned: 0, shipmentsChanged: 1 });
    const got = await shipment(s.id);
    expect(got).toMatchObject({ status: 'delivered', carrierEstimate: '2026-11-20', deliveredAt: '2026-11-20T02:05:00.000Z', lastEventAt: '2026-11-20T02:05:00.000Z' });
    expect(got.events.map((e: { status: string }) => e.status)).toEqual(['delivered', 'out_for_delivery', 'in_transit', 'in_transit', 'info_received']);
    expect(got.events[0]).toMatchObject({ message: '配達完了', location: { facility: '渋谷神宮前センター' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json().status).toBe('delivered');
    const types = await timeline(o.id);
    expect(types.slice(-2)).toEqual(['shipment.delivered', 'order.delivered']);
  });

  it('stores a repeated scan once, within a batch and across batches, and a repeat changes nothing', async () => {
    const o = await order();
    const tn = jpNumber(2);
    await ship(o.id, tn);
    const first = journey(tn).slice(0, 3);
    expect((await send([...first, first[0]])).json()).toMatchObject({ received: 4, stored: 3, duplicates: 1 });
    const before = await timeline(o.id);
    expect((await send(first)).json()).toMatchObject({ stored: 0, duplicates: 3, shipmentsChanged: 0 });
    expect(await timeline(o.id)).toEqual(before);
  });

  it('reaches the same final state whatever order the scans arrive in', async () => {
    const finals: unknown[] = [];
    for (const [i, order_] of [[0, 1, 2, 3, 4], [4, 2, 0, 3, 1], [3, 4, 1, 0, 2]].entries()) {
      const o = await order();
      const tn = jpNumber(10 + i);
      const s = await ship(o.id, tn);
      const scans = journey(tn);
      for (const k of order_) await send([scans[k]]);
      const got = await shipment(s.id);
      const ord = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json();
      finals.push({ status: got.status, substatus: got.substatus, deliveredAt: got.deliveredAt, lastEventAt: got.lastEventAt, estimate: got.carrierEstimate, order: ord.status, scans: got.events.length });
    }
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[2]).toEqual(finals[0]);
    expect(finals[0]).toMatchObject({ status: 'delivered', order: 'delivered', scans: 5 });
  });

  it('keeps scans for a number no shipment has yet, and gives them to the shipment when it appears', async () => {
    const tn = jpNumber(20);
    const early = await send(journey(tn).slice(0, 4));
    expect(early.json()).toMatchObject({ stored: 4, matched: 0, orphaned: 4, shipmentsChanged: 0 });
    const o = await order();
    // The merchant types the number with hyphens; it is the same parcel.
    const s = await ship(o.id, `${tn.slice(0, 4)}-${tn.slice(4, 8)}-${tn.slice(8)}`);
    expect(s.status).toBe('out_for_delivery');
    const got = await shipment(s.id);
    expect(got.events).toHaveLength(4);
    expect(await timeline(o.id)).toContain('shipment.out_for_delivery');
    await send(journey(tn).slice(4));
    expect((await shipment(s.id)).status).toBe('delivered');
  });

  it('delivers the order when its shipment is recorded after the parcel already arrived', async () => {
    const tn = jpNumber(21);
    await send(journey(tn));
    const o = await order();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/shipments`, headers: auth, payload: { carrier: 'yamato', trackingNumber: tn } });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('delivered');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json().status).toBe('delivered');
    const types = await timeline(o.id);
    expect(types.indexOf('order.fulfilled')).toBeLessThan(types.indexOf('order.delivered'));
  });

  it('follows a delivered parcel back to the sender and rolls the order back', async () => {
    const o = await order();
    const tn = jpNumber(30);
    const s = await ship(o.id, tn);
    await send(journey(tn));
    await send([{ trackingNumber: tn, message: '差出人に返送', occurredAt: '2026-11-24T10:00:00+09:00' }]);
    expect((await shipment(s.id)).status).toBe('return_to_sender');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json().status).toBe('fulfilled');
    expect((await timeline(o.id)).slice(-2)).toEqual(['shipment.return_to_sender', 'order.fulfilled']);
  });

  it('finds shipments by tracking number written with hyphens or full-width digits', async () => {
    const o = await order();
    const tn = jpNumber(40);
    const s = await ship(o.id, tn);
    const fw = tn.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const q of [tn, `${tn.slice(0, 4)}-${tn.slice(4, 8)}-${tn.slice(8)}`, fw]) {
      const res = (await t.app.inject({ method: 'GET', url: `/api/v1/shipments?trackingNumber=${encodeURIComponent(q)}`, headers: auth })).json();
      expect(res.items.map((x: { id: string }) => x.id)).toEqual([s.id]);
    }
  });

  it('refuses a bad batch whole, writing nothing', async () => {
    const tn = jpNumber(50);
    const bad = await send([{ trackingNumber: tn, occurredAt: '2026-11-18T01:00:00Z', status: 'in_transit' }, { trackingNumber: tn, occurredAt: 'yesterday' }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.issues[0].path).toBe('events.1.occurredAt');
    const tooMany = await send(Array.from({ length: 1001 }, (_, i) => ({ trackingNumber: tn, status: 'in_transit', occurredAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() })));
    expect(tooMany.statusCode).toBe(422);
    const o = await order();
    const s = await ship(o.id, tn);
    expect((await shipment(s.id)).events).toHaveLength(0);
  });
});
