import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`tenant isolation (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let a: { authorization: string };
  let b: { authorization: string };
  let order: { id: string; customerId: string; lineItems: Array<{ id: string }>; externalId: string };
  let shipmentId: string;

  beforeAll(async () => {
    t = await testContext();
    a = (await t.store('Store A')).auth;
    b = (await t.store('Store B')).auth;
    order = (await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: a, payload: makeOrder() })).json();
    shipmentId = (
      await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/shipments`, headers: a, payload: { carrier: 'yamato', trackingNumber: '123456789014' } })
    ).json().id;
  });
  afterAll(async () => t.close());

  const cases = (): Array<[string, string, object?]> => [
    ['GET', `/api/v1/orders/${order.id}`],
    ['GET', `/api/v1/orders/${order.id}/timeline`],
    ['POST', `/api/v1/orders/${order.id}/cancel`, {}],
    ['POST', `/api/v1/orders/${order.id}/confirm`, {}],
    ['POST', `/api/v1/orders/${order.id}/shipments`, { carrier: 'ups' }],
    ['GET', `/api/v1/shipments/${shipmentId}`],
    ['PATCH', `/api/v1/shipments/${shipmentId}`, { status: 'delivered' }],
    ['GET', `/api/v1/customers/${order.customerId}`],
    ['GET', `/api/v1/customers/${order.customerId}/timeline`],
  ];

  it("answers 404 to every request for another store's records", async () => {
    for (const [method, url, payload] of cases()) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: b, ...(payload && { payload }) });
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 404 });
      expect(res.json().code).toMatch(/_NOT_FOUND$/);
    }
    // …and nothing changed for the owner.
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers: a })).json();
    expect(mine.status).toBe('fulfilled');
    expect(mine.shipments.map((s: { status: string }) => s.status)).toEqual(['info_received']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers: a })).statusCode).toBe(200);
  });

  it('lists and searches only its own records', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: b })).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/customers', headers: b })).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/shipments?trackingNumber=123456789014', headers: b })).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/jobs/dead', headers: b })).json().items).toEqual([]);
  });

  it('keeps the same external id apart per store', async () => {
    const { externalId, ...rest } = makeOrder({ externalId: order.externalId });
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/orders/external/${externalId}`, headers: b, payload: rest });
    expect(res.statusCode).toBe(201);
    expect(res.json().id).not.toBe(order.id);
  });

  it("shows each store only its own settings", async () => {
    const sa = (await t.app.inject({ method: 'GET', url: '/api/v1/store', headers: a })).json();
    const sb = (await t.app.inject({ method: 'GET', url: '/api/v1/store', headers: b })).json();
    expect(sa.name).toBe('Store A');
    expect(sb.name).toBe('Store B');
  });
});
