import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../src/apps/worker/worker.ts';
import { registerHandlers } from '../src/apps/worker/handlers.ts';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`pickup orders (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Pickup')).auth;
  });
  afterAll(async () => t.close());

  const pickupOrder = async () =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: auth,
        payload: makeOrder({ deliveryMethod: 'pickup', shippingAddress: undefined, pickupLocation: { name: '京都本店', address: '京都府京都市中京区…' } }),
      })
    ).json();
  const step = (id: string, s: string, body: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/pickup/${s}`, headers: auth, payload: body });

  it('goes from preparing to ready to picked up, moving the order with it', async () => {
    const o = await pickupOrder();
    expect(o.pickup).toMatchObject({ status: 'preparing', location: { name: '京都本店' } });
    const ready = (await step(o.id, 'mark_ready', { holdDays: 3 })).json();
    expect(ready.status).toBe('fulfilled');
    expect(ready.pickup.status).toBe('ready_for_pickup');
    expect(new Date(ready.pickup.expiresAt).getTime() - new Date(ready.pickup.readyAt).getTime()).toBe(3 * 86_400_000);
    expect((await step(o.id, 'check_in', { note: '車で到着・駐車場3番' })).json().pickup.status).toBe('ready_for_pickup');
    const done = (await step(o.id, 'pick_up')).json();
    expect(done.status).toBe('delivered');
    expect(done.pickup.pickedUpAt).toBeTruthy();
    const types = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}/timeline`, headers: auth })).json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['order.placed', 'order.confirmed', 'pickup.ready', 'order.fulfilled', 'pickup.checked_in', 'pickup.picked_up', 'order.delivered']);
    // The expiry timer finds the pickup collected and leaves it alone.
    t.clock.advance(4 * 86_400_000);
    await registerHandlers(new Worker(t.deps.queue, t.clock, { concurrency: 2, pollMs: 10 }), t.deps).drain();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json().pickup.status).toBe('picked_up');
  });

  it('expires a pickup nobody collected when its hold ends, through the job', async () => {
    const o = await pickupOrder();
    await step(o.id, 'mark_ready', { holdDays: 2 });
    const worker = registerHandlers(new Worker(t.deps.queue, t.clock, { concurrency: 2, pollMs: 10 }), t.deps);
    t.clock.advance(1 * 86_400_000);
    await worker.drain();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json().pickup.status).toBe('ready_for_pickup');
    t.clock.advance(1 * 86_400_000 + 1000);
    await worker.drain();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${o.id}`, headers: auth })).json().pickup.status).toBe('expired');
  });

  it('refuses steps out of order and orders that are not for pickup', async () => {
    const o = await pickupOrder();
    const early = await step(o.id, 'pick_up');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_TRANSITION');
    const shipped = (await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: makeOrder() })).json();
    expect((await step(shipped.id, 'mark_ready')).statusCode).toBe(404);
    expect((await step(o.id, 'teleport')).statusCode).toBe(422);
  });

  it('cancelling the pickup cancels the order', async () => {
    const o = await pickupOrder();
    const res = (await step(o.id, 'cancel', { note: 'お客様都合' })).json();
    expect(res.status).toBe('cancelled');
    expect(res.pickup.status).toBe('cancelled');
  });
});
