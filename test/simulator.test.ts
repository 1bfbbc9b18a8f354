import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getTracking } from 'ts-tracking-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARES,
  SCENARIOS,
  planSimulation,
  runSimulation,
  scansDueBetween,
  type PlannedShipment,
  type SimulationPlan,
  type SimulationProgress,
  type Timer,
} from '../src/apps/simulator/index.ts';
import { US_PLACES } from '../src/apps/simulator/geography.ts';
import { zonedDate } from '../src/apps/simulator/time.ts';
import type { ShipmentStatus } from '../src/core/shipment/shipment.types.ts';
import { isPublicHoliday, weekday } from '../src/core/tracking/business-days.ts';
import { deriveShipmentState } from '../src/core/tracking/derive.ts';
import { mapJapaneseStatusText } from '../src/core/tracking/status-map.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const DAY = 86_400_000;
const NOW = '2026-11-20T01:00:00.000Z'; // the test clock's start: 10:00 in Tokyo
const JP = new Set(['yamato', 'sagawa', 'japan_post']);

// Check digits, written independently of the generators.
const passesMod7 = (n: string) => /^\d{12}$/.test(n) && Number(n.slice(0, 11)) % 7 === Number(n[11]);
function passesUps(n: string): boolean {
  const m = /^1Z([0-9A-Z]{15})(\d)$/.exec(n);
  if (!m) return false;
  const values = [...m[1]!].map((c) => (/\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10));
  const sum = values.reduce((s, v, i) => s + (i % 2 === 1 ? 2 * v : v), 0);
  return (10 - (sum % 10)) % 10 === Number(m[2]);
}
function passesUsps(n: string): boolean {
  if (!/^9400\d{18}$/.test(n)) return false;
  const body = [...n.slice(0, 21)].reverse().map(Number);
  const sum = body.reduce((s, d, i) => s + (i % 2 === 0 ? 3 * d : d), 0);
  return (10 - (sum % 10)) % 10 === Number(n[21]);
}

const byScenario = (plan: SimulationPlan) => {
  const out = Object.fromEntries(SCENARIOS.map((s) => [s, 0])) as Record<(typeof SCENARIOS)[number], number>;
  for (const s of plan.shipments) out[s.scenario]++;
  return out;
};

/** A timer that never waits: sleeping moves its clock. */
function instantTimer(): Timer {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
  };
}

describe('carrier simulator plan', () => {
  const now = new Date(NOW);
  const big = planSimulation({ orders: 2000, seed: 20261120, now });

  it('is the same for a seed and different for another', () => {
    const a = planSimulation({ orders: 60, seed: 42, now });
    expect(planSimulation({ orders: 60, seed: 42, now })).toEqual(a);
    const b = planSimulation({ orders: 60, seed: 43, now });
    expect(b.shipments.map((s) => s.trackingNumber)).not.toEqual(a.shipments.map((s) => s.trackingNumber));
    expect(b.orders.map((o) => o.placedAt)).not.toEqual(a.orders.map((o) => o.placedAt));
  });

  it('places orders over the last days, ships them after, and numbers every parcel validly', () => {
    const from = now.getTime() - 14 * DAY;
    for (const o of big.orders) {
      expect(Date.parse(o.placedAt)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(o.placedAt)).toBeLessThanOrEqual(now.getTime());
    }
    const placed = new Map(big.orders.map((o) => [o.key, o.placedAt]));
    const numbers = new Set<string>();
    for (const s of big.shipments) {
      expect(s.labelAt > placed.get(s.orderKey)!).toBe(true);
      numbers.add(s.trackingNumber);
      if (JP.has(s.carrier)) expect(passesMod7(s.trackingNumber), s.trackingNumber).toBe(true);
      if (s.carrier === 'ups') expect(passesUps(s.trackingNumber), s.trackingNumber).toBe(true);
      if (s.carrier === 'usps') expect(passesUsps(s.trackingNumber), s.trackingNumber).toBe(true);
      if (!JP.has(s.carrier)) expect(getTracking(s.trackingNumber)?.courier.code, s.trackingNumber).toBe(s.carrier);
    }
    expect(numbers.size).toBe(big.shipments.length);
    expect(new Set(big.shipments.map((s) => s.carrier))).toEqual(new Set(['yamato', 'sagawa', 'japan_post', 'ups', 'usps', 'fedex']));
  });

  it('speaks Japanese scan words without a status, and English with explicit canonical statuses', () => {
    for (const s of big.shipments) {
      for (const scan of s.scans) {
        if (JP.has(s.carrier)) {
          expect(scan.event.status).toBeUndefined();
          const mapped = mapJapaneseStatusText(scan.event.message!);
          expect({ word: scan.event.message, status: mapped?.status, substatus: mapped?.substatus ?? null }).toEqual({ word: scan.event.message, status: scan.status, substatus: scan.substatus });
        } else {
          expect(scan.event).toMatchObject({ status: scan.status });
          expect(scan.event.substatus ?? null).toBe(scan.substatus);
        }
      }
    }
    const words = new Set(big.shipments.filter((s) => JP.has(s.carrier)).flatMap((s) => s.scans.map((x) => x.event.message)));
    for (const w of ['荷物受付', '発送済み', '輸送中', '作業店通過', '配達中', 'ご不在のため持ち帰り', '営業所にて保管中', '配達完了', '調査中', '返品']) expect(words).toContain(w);
  });

  it('keeps every journey in time order, through transit, ending where its scenario says', () => {
    for (const s of big.shipments) {
      const statuses = s.scans.map((x) => x.status);
      for (let i = 1; i < s.scans.length; i++) expect(s.scans[i]!.occurredAt >= s.scans[i - 1]!.occurredAt, s.key).toBe(true);
      expect(statuses[0]).toBe('info_received');
      expect(s.scans[0]!.occurredAt >= s.labelAt).toBe(true);
      const firstDelivered = statuses.indexOf('delivered');
      if (firstDelivered >= 0) expect(statuses.slice(1, firstDelivered)).toContain('in_transit');
      const derived = deriveShipmentState(s.scans.map((x, i) => ({ status: x.status, substatus: x.substatus, occurredAt: x.occurredAt, receivedAt: x.occurredAt, estimatedDelivery: null, id: String(i).padStart(3, '0') })));
      expect({ key: s.key, scenario: s.scenario, status: derived.status }).toEqual({ key: s.key, scenario: s.scenario, status: s.finalStatus });
      expect(s.finalStatus).toBe({ lost: 'exception', returned: 'return_to_sender' }[s.scenario as string] ?? 'delivered');
    }
  });

  it('moves US parcels on carrier days only, and delivers Japanese ones any day', () => {
    const tz = (city: string) => US_PLACES.find((p) => p.city === city)!.timeZone;
    let jpWeekend = 0;
    for (const s of big.shipments) {
      const last = s.scans.findLast((x) => x.status === 'delivered' && x.kind === 'delivered');
      if (!last) continue;
      if (s.lane.market === 'US') {
        const date = zonedDate(Date.parse(last.occurredAt), tz(s.lane.to.city));
        expect(weekday(date), `${s.key} ${date}`).not.toBe(0);
        expect(isPublicHoliday(date, 'US'), `${s.key} ${date}`).toBe(false);
        if (s.carrier !== 'usps') expect(weekday(date)).not.toBe(6);
      } else {
        const wd = weekday(zonedDate(Date.parse(last.occurredAt), 'Asia/Tokyo'));
        if (wd === 0 || wd === 6) jpWeekend++;
      }
    }
    expect(jpWeekend).toBeGreaterThan(50);
  });

  it('draws transit times from the lane distributions', () => {
    const days = (kind: string) => big.shipments.filter((s) => s.lane.kind === kind).map((s) => s.transitDays);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(new Set(days('jp_same_region'))).toEqual(new Set([1, 2]));
    expect(mean(days('jp_same_region'))).toBeLessThan(1.15);
    expect(Math.min(...days('jp_remote'))).toBe(2);
    expect(Math.max(...days('jp_remote'))).toBe(4);
    expect(mean(days('jp_cross_region'))).toBeGreaterThan(1.2);
    const us = [...days('us_regional'), ...days('us_mid'), ...days('us_cross')];
    expect(Math.min(...us)).toBe(2);
    expect(Math.max(...us)).toBe(6);
    expect(mean(days('us_cross'))).toBeGreaterThan(mean(days('us_regional')) + 1);
  });

  it('mixes outcomes, duplicates and late scans in the configured shares', () => {
    const n = big.shipments.length;
    expect(n).toBeGreaterThan(2000);
    const counts = byScenario(big);
    const expected: Record<string, number> = {
      delayed: DEFAULT_SHARES.delayed,
      failed_attempt: DEFAULT_SHARES.failedAttempt,
      pickup: DEFAULT_SHARES.pickup,
      lost: DEFAULT_SHARES.lost,
      returned: DEFAULT_SHARES.returned,
    };
    for (const [scenario, p] of Object.entries(expected)) {
      const share = counts[scenario as keyof typeof counts] / n;
      const tolerance = 3.5 * Math.sqrt((p * (1 - p)) / n);
      expect({ scenario, share, p, within: Math.abs(share - p) <= tolerance }).toMatchObject({ scenario, within: true });
    }
    const delayed = big.shipments.filter((s) => s.scenario === 'delayed');
    expect(delayed.some((s) => s.scans.some((x) => x.substatus === 'exception.weather'))).toBe(true);
    expect(delayed.some((s) => s.scans.some((x) => x.substatus === 'in_transit.delayed'))).toBe(true);
    const firsts = big.deliveries.filter((d) => d.kind !== 'duplicate').length;
    const dup = big.deliveries.filter((d) => d.kind === 'duplicate').length / firsts;
    const late = big.deliveries.filter((d) => d.kind === 'late').length / firsts;
    expect(dup).toBeGreaterThan(0.015);
    expect(dup).toBeLessThan(0.025);
    expect(late).toBeGreaterThan(0.022);
    expect(late).toBeLessThan(0.035);
    for (const d of big.deliveries) expect(d.at >= d.event.occurredAt).toBe(true);
  });

  it('hands out the scans due in a window, each once', () => {
    const plan = planSimulation({ orders: 30, seed: 5, now });
    const from = Date.parse(plan.deliveries[0]!.at) - 1;
    const seen: string[] = [];
    for (let t = from; t < Date.parse(plan.deliveries.at(-1)!.at); t += 6 * 3_600_000) {
      for (const d of scansDueBetween(plan, t, t + 6 * 3_600_000)) {
        expect(Date.parse(d.at)).toBeGreaterThan(t);
        expect(Date.parse(d.at)).toBeLessThanOrEqual(t + 6 * 3_600_000);
        seen.push(`${d.shipmentKey}/${d.scanIndex}/${d.kind}/${d.at}`);
      }
    }
    expect(seen).toEqual(plan.deliveries.map((d) => `${d.shipmentKey}/${d.scanIndex}/${d.kind}/${d.at}`));
  });

  it('refuses impossible options', () => {
    expect(() => planSimulation({ orders: 0, now })).toThrow(RangeError);
    expect(() => planSimulation({ orders: 5, days: 0, now })).toThrow(RangeError);
    expect(() => planSimulation({ orders: 5, now, shares: { lost: 0.6, returned: 0.6 } })).toThrow(RangeError);
  });
});

describe(`carrier simulator run (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
    t.clock.set(NOW);
  });
  afterAll(async () => t?.close());

  const shipmentOf = (storeId: string, s: PlannedShipment) => t.deps.persistence.read.shipments.getByExternal(storeId, 'simulator', s.key);

  it('drives 40 orders to the outcomes the plan intends, through the webhook ingest path', async () => {
    const { id } = await t.store('Simulated');
    // Lots of trouble, so that every outcome shows up among 40 orders; all of it a month ago.
    const shares = { delayed: 0.12, failedAttempt: 0.12, pickup: 0.1, lost: 0.1, returned: 0.1, duplicate: 0.05, outOfOrder: 0.08 };
    const plan = planSimulation({ orders: 40, seed: 11, now: Date.parse(NOW) - 30 * DAY, shares });
    const counts = byScenario(plan);
    for (const s of SCENARIOS) expect(counts[s], s).toBeGreaterThan(0);

    const progress: SimulationProgress[] = [];
    const started = performance.now();
    const summary = await runSimulation(t.deps, id, plan, { onProgress: (p) => progress.push(p) });
    console.log(`simulator on ${TEST_DIALECT}: 40 orders, ${summary.scans.sent} scans in ${(performance.now() - started).toFixed(0)} ms`);

    const duplicates = plan.deliveries.filter((d) => d.kind === 'duplicate').length;
    expect(summary).toMatchObject({
      live: false,
      stopped: false,
      complete: true,
      orders: { planned: 40, created: 40 },
      shipments: { planned: plan.shipments.length, created: plan.shipments.length },
      scans: { planned: plan.deliveries.length, sent: plan.deliveries.length, stored: plan.deliveries.length - duplicates, duplicates, orphaned: 0, pending: 0 },
    });
    expect(duplicates).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'history', done: progress.at(-1)!.total });

    const finals: Record<string, number> = {};
    for (const s of plan.shipments) {
      const got = (await shipmentOf(id, s))!;
      expect({ key: s.key, scenario: s.scenario, status: got.status }).toEqual({ key: s.key, scenario: s.scenario, status: s.finalStatus });
      expect(got).toMatchObject({ carrier: s.carrier, trackingNumber: s.trackingNumber, source: 'simulator' });
      if (s.finalStatus === 'delivered') expect(got.deliveredAt).toBe(s.scans.findLast((x) => x.status === 'delivered')!.occurredAt);
      // Each scan is stored once, however often it was sent.
      const stored = await t.deps.persistence.read.trackingEvents.listByShipments(id, [got.id]);
      expect(stored.length).toBe(s.scans.length);
      finals[got.status] = (finals[got.status] ?? 0) + 1;
    }
    expect(summary.statuses).toEqual(finals);
    expect(summary.statuses.exception).toBe(counts.lost);
    expect(summary.statuses.return_to_sender).toBe(counts.returned);

    for (const o of plan.orders) {
      const order = (await t.deps.persistence.read.orders.getByExternal(id, 'simulator', o.key))!;
      expect({ order: o.key, status: order.status }).toEqual({ order: o.key, status: o.finalStatus });
    }
    expect(plan.orders.filter((o) => o.finalStatus === 'delivered').length).toBeGreaterThan(20);

    // The timeline passed through the journey's steps, not straight to the end.
    const delivered = plan.orders.find((o) => o.finalStatus === 'delivered' && o.shipmentKeys.length === 1)!;
    const order = (await t.deps.persistence.read.orders.getByExternal(id, 'simulator', delivered.key))!;
    const timeline = (await t.deps.persistence.read.events.forOrder(id, order.id, 200, null)).items.map((e) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['order.placed', 'shipment.created', 'shipment.in_transit', 'shipment.delivered', 'order.delivered']));

    // The same seed again is refused before anything is written.
    await expect(runSimulation(t.deps, id, plan)).rejects.toMatchObject({ code: 'ORDER_ALREADY_EXISTS' });
    await expect(runSimulation(t.deps, 'sto_nope', plan)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
  });

  it('ingests the history at once and leaves the future for the live part', async () => {
    const { id } = await t.store('Cut');
    const plan = planSimulation({ orders: 30, seed: 3, now: NOW });
    const summary = await runSimulation(t.deps, id, plan, { now: NOW });
    const due = plan.deliveries.filter((d) => d.at <= NOW);
    expect(summary).toMatchObject({ complete: false, live: false, scans: { sent: due.length, pending: plan.deliveries.length - due.length } });
    expect(summary.scans.pending).toBeGreaterThan(0);
    // Each shipment is where the scans that have arrived put it.
    for (const s of plan.shipments.filter((x) => x.labelAt <= NOW)) {
      const arrived = new Set(due.filter((d) => d.shipmentKey === s.key).map((d) => d.scanIndex));
      const scans = s.scans.filter((x) => arrived.has(x.index));
      const expected: ShipmentStatus = scans.length
        ? deriveShipmentState(scans.map((x) => ({ status: x.status, substatus: x.substatus, occurredAt: x.occurredAt, receivedAt: NOW, estimatedDelivery: null, id: String(x.index).padStart(3, '0') })), 'info_received').status
        : 'info_received';
      expect({ key: s.key, status: (await shipmentOf(id, s))!.status }).toEqual({ key: s.key, status: expected });
    }
    for (const s of plan.shipments.filter((x) => x.labelAt > NOW)) expect(await shipmentOf(id, s)).toBeNull();
  });

  it('plays the future live at speed, and stops cleanly when asked', async () => {
    const { id } = await t.store('Live');
    const plan = planSimulation({ orders: 20, seed: 21, now: NOW });
    const phases = new Set<string>();
    const summary = await runSimulation(t.deps, id, plan, { now: NOW, speed: 36_000, timer: instantTimer(), onProgress: (p) => phases.add(p.phase) });
    expect(summary).toMatchObject({ live: true, stopped: false, complete: true, scans: { pending: 0, sent: plan.deliveries.length } });
    expect(phases).toEqual(new Set(['history', 'live']));
    expect(summary.simulatedUntil > NOW).toBe(true);
    for (const s of plan.shipments) expect((await shipmentOf(id, s))!.status).toBe(s.finalStatus);
    // Live scans were received when simulated time reached them, never before they happened.
    const scans = await t.deps.persistence.read.trackingEvents.listByShipments(
      id,
      await Promise.all(plan.shipments.map(async (s) => (await shipmentOf(id, s))!.id)),
    );
    for (const e of scans) expect(e.receivedAt >= e.occurredAt).toBe(true);

    const other = await t.store('Stopped');
    const controller = new AbortController();
    const stopped = await runSimulation(t.deps, other.id, planSimulation({ orders: 20, seed: 22, now: NOW }), {
      now: NOW,
      speed: 3600,
      timer: instantTimer(),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'live') controller.abort();
      },
    });
    expect(stopped).toMatchObject({ live: true, stopped: true, complete: false });
    expect(stopped.scans.pending).toBeGreaterThan(0);
    expect(stopped.simulatedUntil > NOW).toBe(true);
  });
});

describe(`otodoke simulate (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(async () => t?.close());

  const bin = fileURLToPath(new URL('../bin/otodoke.js', import.meta.url));
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env, DATABASE_URL: t.dbUrl, OTODOKE_SECRET_KEY: 'simulator-test-key-0123456789abcdefghijkl', OTODOKE_DEMO: 'off' };
      execFile(process.execPath, [bin, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });

  it('creates a store, fills it and prints a JSON summary; an unknown store fails clearly', async () => {
    const created = await cli(['stores', 'create', '--name', 'Sim', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { id } = JSON.parse(created.stdout) as { id: string };

    const run = await cli(['simulate', '--store', id, '--orders', '10', '--seed', '7', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ storeId: id, seed: 7, days: 14, live: false, stopped: false, orders: { planned: 10, created: 10 } });
    expect(summary.scans.sent).toBeGreaterThan(0);
    expect(summary.scans.stored + summary.scans.duplicates).toBe(summary.scans.sent);
    expect(run.stderr).toMatch(/simulate: \d+%/);
    const orders = await t.deps.persistence.read.orders.list(id, {}, 50, null);
    expect(orders.items).toHaveLength(10);

    const unknown = await cli(['simulate', '--store', 'sto_unknown', '--orders', '3']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('STORE_NOT_FOUND');
    expect(unknown.stderr).toContain('No store with id sto_unknown');
  }, 120_000);
});
