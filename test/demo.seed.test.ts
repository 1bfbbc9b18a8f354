import { getTracking } from 'ts-tracking-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDemo } from '../src/apps/demo/plan.ts';
import { seedDemoIfEmpty } from '../src/apps/demo/seed.ts';
import { mod7CheckDigit, upsCheckDigit, uspsCheckDigit } from '../src/apps/demo/tracking-numbers.ts';
import type { Order } from '../src/core/order/order.types.ts';
import type { Shipment } from '../src/core/shipment/shipment.types.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const NOW = '2026-11-20T01:00:00.000Z'; // 10:00 in Tokyo
const DAY = 86_400_000;
const JP_CARRIERS = new Set(['yamato', 'sagawa', 'japan_post']);

/** The rule a Japanese 12-digit number must pass, written independently of the generator. */
const passesMod7 = (n: string) => /^\d{12}$/.test(n) && Number(n.slice(0, 11)) % 7 === Number(n[11]);

describe(`demo store (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let result: Awaited<ReturnType<typeof seedDemoIfEmpty>>;
  let logs: string[];
  let orders: Order[];
  let shipments: Map<string, Shipment[]>;
  let seedMs: number;

  beforeAll(async () => {
    t = await testContext();
    t.clock.set(NOW);
    logs = [];
    const started = performance.now();
    result = await seedDemoIfEmpty(t.deps, { baseUrl: 'http://localhost:3000/', log: (m) => logs.push(m) });
    seedMs = performance.now() - started;
    console.log(`demo seed on ${TEST_DIALECT}: ${seedMs.toFixed(0)} ms`);
    if (!result) throw new Error(`no demo store: ${logs.join('\n')}`);
    orders = (await t.deps.persistence.read.orders.list(result.storeId, {}, 500, null)).items;
    shipments = new Map(await Promise.all(orders.map(async (o) => [o.id, await t.deps.persistence.read.shipments.listByOrder(result!.storeId, o.id)] as const)));
  });
  afterAll(async () => t?.close());

  it('creates exactly one store with a modest but varied set of orders', async () => {
    expect(await t.deps.persistence.read.stores.count()).toBe(1);
    const store = (await t.deps.persistence.read.stores.get(result!.storeId))!;
    expect(store).toMatchObject({ name: 'Otodoke Demo 京都茶舗', locale: 'ja', currency: 'JPY', timezone: 'Asia/Tokyo' });
    expect(store.settings.carriers).toEqual(['yamato', 'sagawa', 'japan_post']);
    expect(store.settings.support.email).toBeTruthy();
    expect(Object.keys(await t.deps.persistence.read.stores.getSecrets(store.id)).sort()).toEqual(['aftership', 'shopify']);

    expect(result!.orders).toBe(orders.length);
    expect(orders.length).toBeGreaterThanOrEqual(30);
    expect(orders.length).toBeLessThanOrEqual(60);
    const statuses = new Set(orders.map((o) => o.status));
    expect(statuses.size).toBeGreaterThanOrEqual(6);
    for (const s of ['placed', 'confirmed', 'partially_fulfilled', 'fulfilled', 'partially_delivered', 'delivered', 'cancelled'] as const) expect(statuses).toContain(s);
  });

  it('leaves every order and shipment where the plan says', () => {
    const plan = planDemo(new Date(NOW));
    const byExternal = new Map(orders.map((o) => [o.externalId, o]));
    for (const p of plan.orders) {
      const o = byExternal.get(p.externalId)!;
      expect({ order: p.externalId, scenario: p.scenario, status: o.status }).toEqual({ order: p.externalId, scenario: p.scenario, status: p.expected.status });
      expect(shipments.get(o.id)!.map((s) => s.status)).toEqual(p.expected.shipments);
      expect(o.number).toBe(p.number);
    }
    // Cancellations: one in full, one in part.
    expect(orders.filter((o) => o.status === 'cancelled').every((o) => o.cancelledAt && o.lineItems.every((l) => l.cancelledQuantity === l.quantity))).toBe(true);
    const partly = orders.filter((o) => o.status !== 'cancelled' && o.lineItems.some((l) => l.cancelledQuantity > 0));
    expect(partly).toHaveLength(1);
    // Shipment states a tracking page has to show.
    const shipmentStates = new Set([...shipments.values()].flat().map((s) => s.status));
    for (const s of ['info_received', 'in_transit', 'out_for_delivery', 'attempt_failed', 'exception', 'delivered'] as const) expect(shipmentStates).toContain(s);
    // Two shipments, one of them delivered: partially delivered.
    expect(orders.some((o) => shipments.get(o.id)!.length === 2)).toBe(true);
  });

  it('has Japanese and English shoppers, in Japan and the US', async () => {
    const customers = (await t.deps.persistence.read.customers.list(result!.storeId, {}, 500, null)).items;
    expect(customers.length).toBeGreaterThanOrEqual(28);
    expect(customers.filter((c) => c.locale === 'ja').length).toBeGreaterThanOrEqual(15);
    expect(customers.filter((c) => c.locale === 'en').length).toBeGreaterThanOrEqual(6);
    expect(customers.map((c) => c.name)).toContain('佐藤 美咲');
    expect(customers.every((c) => c.email && /@example\.(jp|com)$/.test(c.email))).toBe(true);
    expect(customers.filter((c) => c.phone?.startsWith('+81')).length).toBeGreaterThanOrEqual(15);
    const countries = new Set(orders.map((o) => o.shippingAddress?.country).filter(Boolean));
    expect(countries).toEqual(new Set(['JP', 'US']));
    const jpAddresses = orders.filter((o) => o.shippingAddress?.country === 'JP' && o.locale === 'ja').map((o) => o.shippingAddress!);
    expect(jpAddresses.every((a) => /^\d{3}-\d{4}$/.test(a.postalCode ?? ''))).toBe(true);
    expect(new Set(jpAddresses.map((a) => a.region)).size).toBeGreaterThanOrEqual(10);
    expect(orders.some((o) => o.locale === 'en' && o.shippingAddress?.country === 'JP')).toBe(true);
  });

  it('has pickup orders, delivery requests with time slots and a pre-order', async () => {
    const pickups = orders.filter((o) => o.deliveryMethod === 'pickup');
    expect(pickups.length).toBeGreaterThanOrEqual(1);
    for (const o of pickups) {
      expect(o.shippingAddress).toBeNull();
      const p = await t.deps.persistence.read.pickups.getByOrder(result!.storeId, o.id);
      expect(p?.location).toMatchObject({ name: '京都本店', address: expect.any(String), hours: expect.any(String) });
    }
    expect(new Set(orders.map((o) => o.requestedTimeSlot).filter(Boolean))).toEqual(new Set(['午前中', '14-16', '19-21']));
    expect(orders.filter((o) => o.requestedDeliveryDate).every((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.requestedDeliveryDate!))).toBe(true);
    expect(orders.some((o) => o.tags.includes('preorder') && o.fulfillmentNote?.includes('予約'))).toBe(true);
  });

  it('gives every shipment a realistic tracking number with a valid check digit', () => {
    const all = [...shipments.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(25);
    const jp = all.filter((s) => JP_CARRIERS.has(s.carrier!));
    expect(new Set(jp.map((s) => s.carrier))).toEqual(JP_CARRIERS);
    for (const s of jp) expect(passesMod7(s.trackingNumber!), `${s.carrier} ${s.trackingNumber}`).toBe(true);
    const us = all.filter((s) => !JP_CARRIERS.has(s.carrier!));
    expect(new Set(us.map((s) => s.carrier))).toEqual(new Set(['ups', 'usps']));
    for (const s of us) {
      // Checked by an independent implementation (ts-tracking-number validates the check digits).
      expect(getTracking(s.trackingNumber!)?.courier.code, s.trackingNumber!).toBe(s.carrier);
      if (s.carrier === 'ups') expect(s.trackingNumber).toMatch(/^1Z[0-9A-Z]{16}$/);
      else expect(s.trackingNumber).toMatch(/^9400\d{18}$/);
    }
    expect(new Set(all.map((s) => s.trackingNumber)).size).toBe(all.length);
    // A substatus always belongs to the status it refines.
    for (const s of all) if (s.substatus) expect(s.substatus.startsWith(`${s.status}.`), `${s.status} / ${s.substatus}`).toBe(true);
  });

  it('computes check digits the way carriers do', () => {
    expect(mod7CheckDigit('43210987654')).toBe(43210987654 % 7);
    expect(upsCheckDigit('999AA1012345678')).toBe(4); // UPS's published sample 1Z999AA10123456784
    expect(getTracking('1Z999AA10123456784')?.courier.code).toBe('ups');
    const usps = '940011189922339765853';
    expect(getTracking(usps + uspsCheckDigit(usps))?.courier.code).toBe('usps');
    expect(getTracking(usps + ((uspsCheckDigit(usps) + 1) % 10))).toBeUndefined();
  });

  it('writes a timeline for every order, all of it from the injected clock', async () => {
    const now = Date.parse(NOW);
    for (const o of orders) {
      const placed = Date.parse(o.placedAt);
      expect(placed).toBeLessThanOrEqual(now);
      expect(placed).toBeGreaterThan(now - 14 * DAY);
      const tl = await t.deps.persistence.read.events.forOrder(result!.storeId, o.id, 100, null);
      expect(tl.items.length).toBeGreaterThan(0);
      expect(tl.items[0]!.type).toBe('order.placed');
      for (const e of tl.items) {
        expect(Date.parse(e.occurredAt)).toBeLessThanOrEqual(now);
        expect(Date.parse(e.recordedAt)).toBeLessThanOrEqual(now);
      }
      if (o.status === 'delivered') expect(tl.items.map((e) => e.type)).toEqual(expect.arrayContaining(['shipment.shipped', 'shipment.out_for_delivery', 'shipment.delivered', 'order.delivered']));
    }
    const placedTimes = orders.map((o) => Date.parse(o.placedAt));
    expect(Math.max(...placedTimes) - Math.min(...placedTimes)).toBeGreaterThan(7 * DAY);
  });

  it('prints the API key, ready-to-paste commands and the docs, and the key works', async () => {
    const text = logs.join('\n');
    expect(text).toContain(result!.storeId);
    expect(text).toContain(`curl -H "Authorization: Bearer ${result!.apiKey}" http://localhost:3000/api/v1/orders`);
    expect(text).toContain('http://localhost:3000/api/docs');
    expect(text).toMatch(/http:\/\/localhost:3000\/api\/v1\/customers\/cus_[0-9a-z]+\/timeline/);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: { authorization: `Bearer ${result!.apiKey}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    const customerId = /customers\/(cus_[0-9a-z]+)\/timeline/.exec(text)![1]!;
    const tl = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}/timeline`, headers: { authorization: `Bearer ${result!.apiKey}` } });
    expect(tl.statusCode).toBe(200);
    expect(tl.json().items.filter((e: { type: string }) => e.type === 'order.placed').length).toBeGreaterThanOrEqual(2);
  });

  it('does nothing the second time', async () => {
    const again = await seedDemoIfEmpty(t.deps, { baseUrl: 'http://localhost:3000', log: (m) => logs.push(m) });
    expect(again).toBeNull();
    expect(await t.deps.persistence.read.stores.count()).toBe(1);
    expect((await t.deps.persistence.read.orders.list(result!.storeId, {}, 500, null)).items).toHaveLength(orders.length);
  });

  it('stays quick enough for a first start', () => {
    expect(seedMs).toBeLessThan(TEST_DIALECT === 'sqlite' ? 3000 : 10_000);
  });
});

describe('demo plan', () => {
  it('is the same every time for the same clock', () => {
    const a = planDemo(new Date(NOW));
    expect(planDemo(new Date(NOW))).toEqual(a);
    expect(planDemo(new Date(NOW), 42)).not.toEqual(a);
  });

  it('never plans a step after now or an order older than 14 days, whatever the hour', () => {
    // Tokyo times: 00:30, 08:59, 09:01, 12:00, 20:59, 23:59, and a date in May (next year's 新茶).
    const clocks = ['2026-11-19T15:30:00Z', '2026-11-19T23:59:00Z', '2026-11-20T00:01:00Z', '2026-11-20T03:00:00Z', '2026-11-20T11:59:00Z', '2026-11-20T14:59:00Z', '2027-05-03T06:00:00Z'];
    for (const iso of clocks) {
      const now = Date.parse(iso);
      const plan = planDemo(new Date(iso));
      expect(plan.steps.length).toBeGreaterThan(plan.orders.length);
      for (const s of plan.steps) expect(Date.parse(s.at), `${iso}: ${s.orderExternalId} ${s.step.kind}`).toBeLessThanOrEqual(now);
      for (const o of plan.orders) expect(Date.parse(o.placedAt)).toBeGreaterThan(now - 14 * DAY);
      expect(plan.steps.map((s) => s.at)).toEqual([...plan.steps.map((s) => s.at)].sort());
    }
  });
});
