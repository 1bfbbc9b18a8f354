import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/shopify/${name}`, import.meta.url), 'utf8');
const ORDER_JA = fixture('orders-create.ja.json');
const ORDER_JA_UPDATED = fixture('orders-updated.ja.json');
const ORDER_JA_CANCELLED = fixture('orders-cancelled.ja.json');
const ORDER_EN_CANCELLED = fixture('orders-create.en-cancelled.json');
const FULFILLMENT_YAMATO = fixture('fulfillments-create.yamato.json');
const FULFILLMENT_BOGUS = fixture('fulfillments-create.bogus-tracking.json');
const REFUND = fixture('refunds-create.ja.json');

const SECRET = 'shpss_kyoto_tea_signing_secret_01';
const JA_ORDER_ID = '5764607523034234881'; // above 2^53: JSON.parse would make it …4880
const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');

type Shop = Awaited<ReturnType<TestContext['store']>>;

describe(`Shopify webhooks (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(async () => t.close());

  /** A store of its own per test, with a Shopify secret unless told otherwise. */
  const shop = (secret: string | null = SECRET) => t.store('京都茶舗', { name: 'x', secrets: secret ? { shopify: secret } : {} });

  function deliver(storeId: string, topic: string, body: string, opts: { secret?: string; hmac?: string | null; webhookId?: string } = {}) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': 'kyoto-tea.myshopify.com',
      'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': opts.webhookId ?? randomUUID(),
      'x-shopify-triggered-at': '2026-11-19T03:15:03.000Z',
    };
    const hmac = opts.hmac === undefined ? sign(body, opts.secret ?? SECRET) : opts.hmac;
    if (hmac !== null) headers['x-shopify-hmac-sha256'] = hmac;
    return t.app.inject({ method: 'POST', url: `/webhooks/shopify/${storeId}`, headers, payload: body });
  }

  const orderOf = (s: Shop, externalId = JA_ORDER_ID) => t.deps.persistence.read.orders.getByExternal(s.id, 'shopify', externalId);
  const orderCount = async (s: Shop) => (await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: s.auth })).json().items.length as number;
  const timeline = async (s: Shop, orderId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}/timeline?limit=200`, headers: s.auth })).json().items as Array<{ type: string; actor: string; data: Record<string, unknown> }>;
  const shipments = async (s: Shop, orderId: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${orderId}`, headers: s.auth })).json().shipments as Array<Record<string, unknown>>;

  it('creates the order from a signed orders/create, with exact 64-bit ids', async () => {
    const s = await shop();
    const res = await deliver(s.id, 'orders/create', ORDER_JA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'created', orderId: expect.stringMatching(/^ord_/) });
    const order = (await orderOf(s))!;
    expect(order).not.toBeNull();
    expect(order.id).toBe(res.json().orderId);
    expect(order).toMatchObject({
      source: 'shopify',
      externalId: JA_ORDER_ID,
      number: '#1001',
      status: 'confirmed',
      currency: 'JPY',
      email: 'hanako.yamada@example.jp',
      phone: '+819012345678',
      locale: 'ja',
      placedAt: '2026-11-19T03:15:00.000Z',
      totals: { subtotal: 6800, shipping: 600, tax: 672, discount: 0, total: 7400 },
      requestedDeliveryDate: '2026-11-22',
      requestedTimeSlot: '14-16',
      tags: ['ギフト', 'リピーター'],
      shippingAddress: { name: '山田 花子', postalCode: '150-0001', region: '東京都', city: '渋谷区', line1: '神宮前1-2-3', country: 'JP' },
    });
    expect(order.lineItems.map((l) => [l.externalId, l.title, l.quantity, l.unitPrice])).toEqual([
      ['9007199254740993', '玉露', 2, 1800],
      ['9007199254740995', '有田焼 湯呑み', 1, 3200],
    ]);
    const customer = await t.deps.persistence.read.customers.get(s.id, order.customerId!);
    expect(customer?.externalId).toBe('7460188612345678901');
    expect(customer?.name).toBe('山田 花子');
    const events = await timeline(s, order.id);
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.confirmed']);
    expect(events[0]!.actor).toBe('shopify');
  });

  it('keeps an id of 820982911946154508 exact and cancels an order that arrives cancelled', async () => {
    const s = await shop();
    const res = await deliver(s.id, 'orders/create', ORDER_EN_CANCELLED);
    expect(res.statusCode).toBe(200);
    expect(await orderOf(s, '820982911946154507')).toBeNull(); // what a lossy parse would have stored
    const order = (await orderOf(s, '820982911946154508'))!;
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'inventory', cancelledAt: '2026-11-18T14:30:00.000Z', currency: 'USD', locale: 'en' });
    expect(order.totals.total).toBe(40994);
    expect(order.lineItems[0]!.cancelledQuantity).toBe(2);
    // The timeline is ordered by when things happened: the cancellation (Nov 18) before our receipt of it.
    const types = (await timeline(s, order.id)).map((e) => e.type);
    expect(types.sort()).toEqual(['order.cancelled', 'order.confirmed', 'order.placed']);
  });

  it('refuses a bad signature with 401, writes nothing and does not burn the delivery id', async () => {
    const s = await shop();
    const webhookId = randomUUID();
    const bad = await deliver(s.id, 'orders/create', ORDER_JA, { hmac: sign(ORDER_JA, 'not-the-secret'), webhookId });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    const tampered = await deliver(s.id, 'orders/create', ORDER_JA.replace('"7400"', '"1"'), { hmac: sign(ORDER_JA, SECRET), webhookId });
    expect(tampered.statusCode).toBe(401);
    expect(await orderCount(s)).toBe(0);
    const good = await deliver(s.id, 'orders/create', ORDER_JA, { webhookId });
    expect(good.json().status).toBe('created');
  });

  it('refuses a delivery without a signature', async () => {
    const s = await shop();
    const res = await deliver(s.id, 'orders/create', ORDER_JA, { hmac: null });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('WEBHOOK_SIGNATURE_MISSING');
    expect(await orderCount(s)).toBe(0);
  });

  it('answers 404 for an unknown store and 401 when the store has no Shopify secret', async () => {
    const unknown = await deliver('sto_01jzzzzzzzzzzzzzzzzzzzzzzz', 'orders/create', ORDER_JA);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('STORE_NOT_FOUND');
    const s = await shop(null);
    const res = await deliver(s.id, 'orders/create', ORDER_JA);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('WEBHOOK_SECRET_NOT_CONFIGURED');
    expect(await orderCount(s)).toBe(0);
  });

  it("does not accept another store's secret", async () => {
    const a = await shop('shpss_store_a_secret_aaaaaaaa');
    const b = await shop('shpss_store_b_secret_bbbbbbbb');
    const res = await deliver(b.id, 'orders/create', ORDER_JA, { secret: 'shpss_store_a_secret_aaaaaaaa' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await deliver(a.id, 'orders/create', ORDER_JA, { secret: 'shpss_store_a_secret_aaaaaaaa' })).statusCode).toBe(200);
    expect(await orderCount(a)).toBe(1);
    expect(await orderCount(b)).toBe(0);
  });

  it('processes the same delivery once', async () => {
    const s = await shop();
    const webhookId = randomUUID();
    expect((await deliver(s.id, 'orders/create', ORDER_JA, { webhookId })).json().status).toBe('created');
    const again = await deliver(s.id, 'orders/create', ORDER_JA, { webhookId });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'duplicate' });
    // Shopify also sends orders/updated right after orders/create: same content, another id.
    const updated = await deliver(s.id, 'orders/updated', ORDER_JA);
    expect(updated.json().status).toBe('unchanged');
    expect(await orderCount(s)).toBe(1);
    const order = (await orderOf(s))!;
    expect(order.version).toBe(1);
    expect((await timeline(s, order.id)).map((e) => e.type)).toEqual(['order.placed', 'order.confirmed']);
  });

  it('updates the order on orders/updated', async () => {
    const s = await shop();
    await deliver(s.id, 'orders/create', ORDER_JA);
    const res = await deliver(s.id, 'orders/updated', ORDER_JA_UPDATED);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('updated');
    const order = (await orderOf(s))!;
    expect(order.version).toBe(2);
    expect(order.shippingAddress?.line2).toBe('サンプルマンション101');
    expect(order.requestedTimeSlot).toBe('午前中');
    const updated = (await timeline(s, order.id)).find((e) => e.type === 'order.updated');
    expect(updated?.data.changed).toEqual(expect.arrayContaining(['shippingAddress', 'requestedTimeSlot']));
  });

  it('cancels the order on orders/cancelled', async () => {
    const s = await shop();
    await deliver(s.id, 'orders/create', ORDER_JA);
    const res = await deliver(s.id, 'orders/cancelled', ORDER_JA_CANCELLED);
    expect(res.statusCode).toBe(200);
    const order = (await orderOf(s))!;
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'customer', cancelledAt: '2026-11-19T09:00:00.000Z' });
    const cancelled = (await timeline(s, order.id)).find((e) => e.type === 'order.cancelled');
    expect(cancelled?.data).toMatchObject({ reason: 'customer', refundAmount: 6800 });
  });

  it('records fulfillments as shipments and moves the order to partially fulfilled, then fulfilled', async () => {
    const s = await shop();
    await deliver(s.id, 'orders/create', ORDER_JA);
    const order = (await orderOf(s))!;
    const first = await deliver(s.id, 'fulfillments/create', FULFILLMENT_YAMATO);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'created', orderId: order.id, shipmentId: expect.stringMatching(/^shp_/) });
    expect((await orderOf(s))!.status).toBe('partially_fulfilled');
    const [yamato] = await shipments(s, order.id);
    const gyokuro = order.lineItems.find((l) => l.externalId === '9007199254740993')!;
    expect(yamato).toMatchObject({
      source: 'shopify',
      externalId: '5764607523034239001',
      carrier: 'yamato',
      trackingNumber: '4567-8901-2345',
      status: 'info_received',
      items: [{ lineItemId: gyokuro.id, quantity: 2 }],
      shippedAt: '2026-11-20T01:05:00.000Z',
    });

    const second = await deliver(s.id, 'fulfillments/create', FULFILLMENT_BOGUS);
    expect(second.statusCode).toBe(200);
    expect((await orderOf(s))!.status).toBe('fulfilled');
    const all = await shipments(s, order.id);
    expect(all).toHaveLength(2);
    const sagawa = all.find((x) => x.externalId === '5764607523034239002')!;
    expect(sagawa).toMatchObject({ carrier: 'sagawa', trackingNumber: 'お問い合わせ番号なし-XYZ' });

    // fulfillments/update of the first parcel: delivered. Same shipment, not a new one.
    const delivered = FULFILLMENT_YAMATO.replace('"shipment_status": "confirmed"', '"shipment_status": "delivered"');
    expect(delivered).not.toBe(FULFILLMENT_YAMATO);
    const upd = await deliver(s.id, 'fulfillments/update', delivered);
    expect(upd.json().status).toBe('updated');
    const after = await shipments(s, order.id);
    expect(after).toHaveLength(2);
    expect(after.find((x) => x.externalId === '5764607523034239001')!.status).toBe('delivered');
    expect((await orderOf(s))!.status).toBe('partially_delivered');
    const types = (await timeline(s, order.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['shipment.created', 'shipment.shipped', 'order.partially_fulfilled', 'order.fulfilled', 'shipment.delivered', 'order.partially_delivered']));
  });

  it('cancels a shipment when Shopify cancels the fulfillment', async () => {
    const s = await shop();
    await deliver(s.id, 'orders/create', ORDER_JA);
    await deliver(s.id, 'fulfillments/create', FULFILLMENT_YAMATO);
    const cancelled = FULFILLMENT_YAMATO.replace('"status": "success"', '"status": "cancelled"');
    expect((await deliver(s.id, 'fulfillments/update', cancelled)).statusCode).toBe(200);
    const order = (await orderOf(s))!;
    const all = await shipments(s, order.id);
    expect(all).toHaveLength(1);
    expect(all[0]!.cancelled).toBe(true);
    const types = (await timeline(s, order.id)).map((e) => e.type);
    expect(types).toContain('shipment.cancelled');
    // Nothing ships any more: the order waits for shipment again.
    expect(order.status).toBe('confirmed');
    expect(types).toContain('order.unfulfilled');
  });

  it('answers 503 to a fulfillment for an order not received yet, and takes it on the retry', async () => {
    const s = await shop();
    const webhookId = randomUUID();
    const early = await deliver(s.id, 'fulfillments/create', FULFILLMENT_YAMATO, { webhookId });
    expect(early.statusCode).toBe(503);
    expect(early.json().code).toBe('ORDER_NOT_YET_KNOWN');
    expect(early.headers['retry-after']).toBeDefined();
    expect(await orderCount(s)).toBe(0);
    await deliver(s.id, 'orders/create', ORDER_JA);
    const retry = await deliver(s.id, 'fulfillments/create', FULFILLMENT_YAMATO, { webhookId });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().status).toBe('created');
    const order = (await orderOf(s))!;
    expect(await shipments(s, order.id)).toHaveLength(1);
    expect(order.status).toBe('partially_fulfilled');
  });

  it('puts refunds on the timeline, once', async () => {
    const s = await shop();
    const early = await deliver(s.id, 'refunds/create', REFUND);
    expect(early.statusCode).toBe(503);
    expect(early.json().code).toBe('ORDER_NOT_YET_KNOWN');
    await deliver(s.id, 'orders/create', ORDER_JA);
    const res = await deliver(s.id, 'refunds/create', REFUND);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('created');
    // The same refund in another delivery (e.g. a second subscription) is not recorded twice.
    expect((await deliver(s.id, 'refunds/create', REFUND)).json().status).toBe('unchanged');
    const order = (await orderOf(s))!;
    const refunds = (await timeline(s, order.id)).filter((e) => e.type === 'order.refunded');
    expect(refunds).toHaveLength(1);
    const cup = order.lineItems.find((l) => l.externalId === '9007199254740995')!;
    expect(refunds[0]!.data).toEqual({
      refundId: '5764607523034240077',
      amount: 3200,
      currency: 'JPY',
      note: '湯呑みが破損して届いたため返金',
      lines: [{ lineItemId: cup.id, lineItemExternalId: '9007199254740995', title: '有田焼 湯呑み', quantity: 1, amount: 3200 }],
    });
    expect(order.status).toBe('confirmed');
  });

  it('acknowledges topics it does not handle, after checking the signature', async () => {
    const s = await shop();
    const body = '{"id":706405506930370084,"email":"bob@example.com"}';
    const ok = await deliver(s.id, 'customers/create', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ignored' });
    const unsigned = await deliver(s.id, 'customers/create', body, { hmac: sign(body, 'wrong-secret') });
    expect(unsigned.statusCode).toBe(401);
  });

  it('refuses a signed payload it cannot read with 422, and records nothing', async () => {
    const s = await shop();
    const webhookId = randomUUID();
    const broken = '{"id":5764607523034234882,"name":"#1002","created_at":"2026-11-19T12:15:00+09:00","currency":"JPY"}'; // no line_items
    const res = await deliver(s.id, 'orders/create', broken, { webhookId });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(await orderCount(s)).toBe(0);
    // Not marked as seen: a fixed payload under the same id is processed.
    expect((await deliver(s.id, 'orders/create', ORDER_JA, { webhookId })).json().status).toBe('created');
  });
});
