import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`shipments, cancellation and order roll-up (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Roll-up')).auth;
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: auth, payload: payload as object });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: auth });
  const newOrder = async () => (await post('/api/v1/orders', makeOrder())).json();

  it('moves the order through partially fulfilled, fulfilled, partially delivered and delivered', async () => {
    const order = await newOrder();
    const [tea, cup] = order.lineItems;
    const s1 = await post(`/api/v1/orders/${order.id}/shipments`, { carrier: 'yamato', trackingNumber: '1234-5678-9012', items: [{ lineItemId: tea.id, quantity: 2 }] });
    expect(s1.statusCode).toBe(201);
    expect(s1.json().trackingNumber).toBe('1234-5678-9012');
    expect((await get(`/api/v1/orders/${order.id}`)).json().status).toBe('partially_fulfilled');
    const s2 = (await post(`/api/v1/orders/${order.id}/shipments`, { carrier: 'sagawa', trackingNumber: 'not-a-real-number', items: [{ lineItemId: cup.id, quantity: 1 }] })).json();
    expect((await get(`/api/v1/orders/${order.id}`)).json().status).toBe('fulfilled');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/shipments/${s1.json().id}`, headers: auth, payload: { status: 'delivered' } });
    expect((await get(`/api/v1/orders/${order.id}`)).json().status).toBe('partially_delivered');
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/shipments/${s2.id}`, headers: auth, payload: { status: 'delivered', substatus: 'delivered.locker' } });
    expect(patched.json().deliveredAt).toBeTruthy();
    const full = (await get(`/api/v1/orders/${order.id}`)).json();
    expect(full.status).toBe('delivered');
    expect(full.shipments).toHaveLength(2);
    const types = (await get(`/api/v1/orders/${order.id}/timeline`)).json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'order.placed',
      'order.confirmed',
      'shipment.created',
      'shipment.shipped',
      'order.partially_fulfilled',
      'shipment.created',
      'shipment.shipped',
      'order.fulfilled',
      'shipment.delivered',
      // Delivered the day it shipped: well before the estimate.
      'shipment.early',
      'order.partially_delivered',
      'shipment.delivered',
      'shipment.early',
      'order.delivered',
    ]);
    const byTracking = (await get('/api/v1/shipments?trackingNumber=not-a-real-number')).json();
    expect(byTracking.items.map((s: { id: string }) => s.id)).toEqual([s2.id]);
  });

  it('refuses to ship more than was ordered or items of another order', async () => {
    const order = await newOrder();
    const other = await newOrder();
    const tooMany = await post(`/api/v1/orders/${order.id}/shipments`, { items: [{ lineItemId: order.lineItems[0].id, quantity: 3 }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('SHIPMENT_ITEMS_EXCEED_ORDER');
    const foreign = await post(`/api/v1/orders/${order.id}/shipments`, { items: [{ lineItemId: other.lineItems[0].id, quantity: 1 }] });
    expect(foreign.json().code).toBe('LINE_ITEM_NOT_IN_ORDER');
    expect((await get(`/api/v1/orders/${order.id}`)).json().shipments).toHaveLength(0);
  });

  it('cancels in part with a reason and refund amount, then in full', async () => {
    const order = await newOrder();
    const [tea, cup] = order.lineItems;
    const part = await post(`/api/v1/orders/${order.id}/cancel`, { reason: '在庫切れ', lineItems: [{ lineItemId: tea.id, quantity: 1 }] });
    expect(part.statusCode).toBe(200);
    expect(part.json().status).toBe('confirmed');
    expect(part.json().lineItems[0].cancelledQuantity).toBe(1);
    const tl = (await get(`/api/v1/orders/${order.id}/timeline`)).json().items;
    const ev = tl.find((e: { type: string }) => e.type === 'order.partially_cancelled');
    expect(ev.data).toMatchObject({ reason: '在庫切れ', refundAmount: 1800, full: false });
    const tooMuch = await post(`/api/v1/orders/${order.id}/cancel`, { lineItems: [{ lineItemId: tea.id, quantity: 2 }] });
    expect(tooMuch.json().code).toBe('CANCEL_QUANTITY_EXCEEDS_OPEN');
    const rest = await post(`/api/v1/orders/${order.id}/cancel`, { lineItems: [{ lineItemId: tea.id, quantity: 1 }, { lineItemId: cup.id, quantity: 1 }] });
    expect(rest.json().status).toBe('cancelled');
    expect(rest.json().cancelledAt).toBeTruthy();
    const again = await post(`/api/v1/orders/${order.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORDER_ALREADY_CANCELLED');
  });

  it('cancelling the unshipped rest of a partly shipped order leaves it fulfilled', async () => {
    const order = await newOrder();
    const [tea] = order.lineItems;
    await post(`/api/v1/orders/${order.id}/shipments`, { items: [{ lineItemId: tea.id, quantity: 2 }] });
    const res = await post(`/api/v1/orders/${order.id}/cancel`, { reason: 'customer request' });
    expect(res.json().status).toBe('fulfilled');
    expect(res.json().lineItems.map((l: { cancelledQuantity: number }) => l.cancelledQuantity)).toEqual([0, 1]);
  });

  it('refuses an invalid transition with its stable code', async () => {
    const order = await newOrder();
    const res = await post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
  });

  it('lists with filters and cursor pagination', async () => {
    const page1 = (await get('/api/v1/orders?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await get(`/api/v1/orders?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
    const ids = new Set([...page1.items, ...page2.items].map((o: { id: string }) => o.id));
    expect(ids.size).toBe(4);
    const cancelled = (await get('/api/v1/orders?status=cancelled')).json().items;
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((o: { status: string }) => o.status === 'cancelled')).toBe(true);
    const bad = await get('/api/v1/orders?cursor=garbage');
    expect(bad.json().code).toBe('INVALID_CURSOR');
    const badStatus = await get('/api/v1/orders?status=lost');
    expect(badStatus.json().code).toBe('VALIDATION_FAILED');
    const email = page1.items[0].email;
    const byEmail = (await get(`/api/v1/orders?email=${encodeURIComponent(email.toUpperCase())}`)).json().items;
    expect(byEmail.map((o: { email: string }) => o.email)).toEqual([email]);
    const none = (await get('/api/v1/orders?placedFrom=2030-01-01T00:00:00Z')).json().items;
    expect(none).toEqual([]);
  });

  it('keeps a customer timeline across orders', async () => {
    const email = 'repeat@example.jp';
    const a = (await post('/api/v1/orders', makeOrder({ customer: { email, name: '鈴木 一郎' } }))).json();
    const b = (await post('/api/v1/orders', makeOrder({ customer: { email: 'REPEAT@example.jp' } }))).json();
    expect(a.customerId).toBe(b.customerId);
    const customer = (await get(`/api/v1/customers/${a.customerId}`)).json();
    expect(customer.name).toBe('鈴木 一郎');
    const tl = (await get(`/api/v1/customers/${a.customerId}/timeline`)).json().items;
    expect(tl.filter((e: { type: string }) => e.type === 'order.placed').map((e: { orderId: string }) => e.orderId).sort()).toEqual([a.id, b.id].sort());
  });
});
