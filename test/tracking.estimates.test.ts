import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`delivery estimates on shipments (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  let seq = 0;
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Estimates')).auth;
    await t.app.inject({ method: 'PATCH', url: '/api/v1/store', headers: auth, payload: { settings: { origin: { region: '京都府', country: 'JP' }, cutoffTime: '15:00', handlingDays: 0 } } });
  });
  afterAll(async () => t.close());

  const jp = () => {
    const body = String(6000_0000_000 + ++seq);
    return body + String(Number(body) % 7);
  };
  const ship = async (region: string, extra: object = {}) => {
    const o = (
      await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: makeOrder({ placedAt: t.clock.now().toISOString(), shippingAddress: { region, country: 'JP' } }) })
    ).json();
    return (await t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/shipments`, headers: auth, payload: { carrier: 'yamato', trackingNumber: jp(), ...extra } })).json();
  };

  it("takes the carrier's date when it gives one", async () => {
    t.clock.set('2026-11-18T01:00:00.000Z');
    const s = await ship('東京都', { carrierEstimate: '2026-11-20' });
    expect(s.estimatedDelivery).toMatchObject({ earliest: '2026-11-20', latest: '2026-11-20', source: 'carrier' });
  });

  it('falls back to the rules without history, by distance', async () => {
    t.clock.set('2026-11-18T01:00:00.000Z'); // 10:00 in Kyoto, before the cut-off
    const near = await ship('大阪府');
    const far = await ship('沖縄県');
    expect(near.estimatedDelivery.source).toBe('rules');
    expect(far.estimatedDelivery.source).toBe('rules');
    expect(far.estimatedDelivery.latest > near.estimatedDelivery.latest).toBe(true);
    expect(near.estimatedDelivery.earliest >= '2026-11-18').toBe(true);
  });

  it("learns from the store's own deliveries once there are enough", async () => {
    // 25 parcels Kyoto → Tokyo, each delivered two days after it left.
    for (let i = 0; i < 25; i++) {
      t.clock.set(new Date(Date.UTC(2026, 9, 1 + i, 1)).toISOString());
      const s = await ship('東京都');
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/tracking-events',
        headers: auth,
        payload: { events: [{ trackingNumber: s.trackingNumber, status: 'delivered', occurredAt: new Date(Date.UTC(2026, 9, 3 + i, 3)).toISOString() }] },
      });
    }
    t.clock.set('2026-11-18T01:00:00.000Z');
    const s = await ship('東京都');
    expect(s.estimatedDelivery).toMatchObject({ source: 'history', earliest: '2026-11-20', latest: '2026-11-20' });
    expect(s.estimatedDelivery.confidence).toBeGreaterThan(0.5);
  });
});
