import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`orders API (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Kyoto Tea')).auth;
  });
  afterAll(async () => t.close());

  it('creates an order, confirms it and shows it on the timeline', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: makeOrder() });
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order.id).toMatch(/^ord_/);
    expect(order.status).toBe('confirmed');
    expect(order.totals).toEqual({ subtotal: 6800, shipping: 600, tax: 680, discount: 0, total: 8080 });
    expect(order.email).toMatch(/@example\.jp$/);
    expect(order.phone).toBe('+819012345678');
    const tl = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/timeline`, headers: auth });
    expect(tl.json().items.map((e: { type: string }) => e.type)).toEqual(['order.placed', 'order.confirmed']);
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: auth })).json().items.length;
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: { ...makeOrder(), lineItems: [{ title: 'x', quantity: 'two', unitPrice: 1 }] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().details.issues[0].path).toBe('lineItems.0.quantity');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: { number: '1' } });
    expect(missing.json().code).toBe('VALIDATION_FAILED');
    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"number":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('INVALID_JSON');
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: auth })).json().items.length;
    expect(after).toBe(before);
  });

  it('answers 413 to an oversize body', async () => {
    const big = makeOrder({ fulfillmentNote: 'x'.repeat(900) });
    const payload = JSON.stringify({ ...big, tags: Array.from({ length: 2000 }, (_, i) => `tag-${i}-${'y'.repeat(600)}`) });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: { ...auth, 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('needs an API key', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/orders' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('API_KEY_MISSING');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: { authorization: 'Bearer otk_nope' } });
    expect(wrong.json().code).toBe('API_KEY_INVALID');
  });

  it('honours Idempotency-Key: a retry gets the first answer and creates nothing', async () => {
    const body = makeOrder({ externalId: undefined });
    const headers = { ...auth, 'idempotency-key': 'retry-1' };
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload: body });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload: body });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/orders?number=${encodeURIComponent(body.number)}`, headers: auth });
    expect(list.json().items).toHaveLength(1);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload: { ...body, number: '#other' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('creates by POST once, upserts by PUT', async () => {
    const body = makeOrder();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: body })).statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ORDER_ALREADY_EXISTS');
    const { externalId, ...rest } = body;
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/orders/external/${externalId}`, headers: auth, payload: { ...rest, requestedTimeSlot: '午前中' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().requestedTimeSlot).toBe('午前中');
    expect(put.json().version).toBe(2);
    const again = await t.app.inject({ method: 'PUT', url: `/api/v1/orders/external/${externalId}`, headers: auth, payload: { ...rest, requestedTimeSlot: '午前中' } });
    expect(again.json().version).toBe(2);
  });
});
