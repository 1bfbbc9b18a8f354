/**
 * Tracking ingest through the whole path — HTTP → signature check → validate → normalise →
 * dedupe → derive state → timeline events → timer jobs — with the carrier simulator's scans
 * (Japanese and US parcels, resent and late scans included), posted to the signed Otodoke feed
 * batched (1,000 scans a request) and one scan a request, against a raw better-sqlite3 insert of
 * the same scan rows in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { signOtodoke } from '../src/adapters/carriers/otodoke/otodoke.webhook.ts';
import { planSimulation } from '../src/apps/simulator/index.ts';
import type { TrackingEventInput } from '../src/core/tracking/tracking-event.ts';
import { fmt, inPool, load, ratio, report, startServer } from './lib.ts';

const ORDERS = Number(process.env.BENCH_TRACKING_ORDERS ?? 3000);
const SECRET = 'bench-otodoke-secret';

const sign = (body: string) => signOtodoke(body, SECRET, Date.now() / 1000);

function rawFloor(events: TrackingEventInput[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'otodoke-raw-'));
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table tracking_event (id text primary key, store_id text, shipment_id text, tracking_key text, tracking_number text, carrier text, source text,
    dedupe_key text, status text, substatus text, raw_code text, message text, location text, occurred_at text, received_at text, estimated_delivery text,
    unique (store_id, dedupe_key))`);
  const ins = db.prepare('insert into tracking_event values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing');
  const write = db.transaction((batch: TrackingEventInput[], b: number) => {
    batch.forEach((e, n) =>
      ins.run(`tev${b}-${n}`, 's', null, e.trackingNumber, e.trackingNumber, e.carrier ?? null, 'otodoke', `${e.trackingNumber}|${e.occurredAt}|${e.message ?? e.status}`, e.status ?? null, e.substatus ?? null, e.rawCode ?? null, e.message ?? null, JSON.stringify(e.location ?? null), e.occurredAt, e.occurredAt, e.estimatedDelivery ?? null),
    );
  });
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += 1000) write(events.slice(i, i + 1000), i);
  const secs = (performance.now() - t0) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return events.length / secs;
}

export async function run() {
  const plan = planSimulation({ orders: ORDERS, days: 14, seed: 7, now: '2026-11-20T03:00:00.000Z' });
  const deliveries = plan.deliveries.map((d) => d.event);
  const raw = rawFloor(deliveries);
  const server = await startServer();
  try {
    const api = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    console.log(`  (recording ${fmt(plan.orders.length)} simulated orders and ${fmt(plan.shipments.length)} shipments…)`);
    const orderIds = new Map<string, string>();
    await inPool(plan.orders, 8, async (o) => {
      const res = await fetch(`${server.url}/api/v1/orders`, { method: 'POST', headers: api, body: JSON.stringify(o.input) });
      orderIds.set(o.key, ((await res.json()) as { id: string }).id);
    });
    await inPool(plan.shipments, 8, async (s) => {
      await fetch(`${server.url}/api/v1/orders/${orderIds.get(s.orderKey)}/shipments`, { method: 'POST', headers: api, body: JSON.stringify(s.input) });
    });
    const bare = await load({ url: `${server.url}/healthz`, connections: 50, duration: 5 });
    const url = `${server.url}/webhooks/carriers/otodoke/${server.storeId}`;
    // Batched: the first 80% of the scans as they arrive, 1,000 a request.
    const cut = Math.floor((deliveries.length * 0.8) / 1000) * 1000;
    const batches = Math.max(1, cut / 1000);
    const batched = await load({
      url,
      method: 'POST',
      connections: 2,
      amount: batches,
      headers: { 'content-type': 'application/json' },
      body: (b) => {
        const body = JSON.stringify({ events: deliveries.slice(b * 1000, b * 1000 + 1000) });
        return { body, headers: { 'x-otodoke-signature': sign(body) } };
      },
    });
    // Single: the rest, one scan a request.
    const rest = deliveries.slice(cut);
    const single = await load({
      url,
      method: 'POST',
      connections: 16,
      amount: rest.length,
      headers: { 'content-type': 'application/json' },
      body: (n) => {
        const body = JSON.stringify({ events: [rest[n % rest.length]] });
        return { body, headers: { 'x-otodoke-signature': sign(body) } };
      },
    });
    report(`Tracking ingest of ${fmt(deliveries.length)} simulated scans (SQLite, WAL, synchronous=NORMAL: safe against a process crash, not a power cut)`, [
      ['raw better-sqlite3 insert of the same rows, 1,000/commit', `${fmt(raw)} scans/s (baseline)`],
      ['bare HTTP route (GET /healthz, 50 conns)', `${fmt(bare.rps)} req/s (baseline)`],
      ['batched: 1,000 signed scans per POST (2 conns)', `${fmt(batched.rps * 1000)} scans/s, p99 ack ${batched.p99} ms, errors ${batched.errors + batched.non2xx}`],
      ['  vs raw floor', ratio(batched.rps * 1000, raw)],
      ['single: 1 signed scan per POST (16 conns)', `${fmt(single.rps)} scans/s, p50 ${single.p50} ms, p99 ack ${single.p99} ms, errors ${single.errors + single.non2xx}`],
      ['  vs bare route', ratio(single.rps, bare.rps)],
      ['  targets', '≥ 10,000 scans/s batched and ≥ 50% of the raw floor'],
    ]);
  } finally {
    await server.stop();
  }
}
