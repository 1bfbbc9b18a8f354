/**
 * Tracking ingest through the whole path — HTTP → validate → normalise → dedupe → derive state →
 * timeline events → timer jobs — batched (1,000 scans a request) and one scan a request, against
 * a raw better-sqlite3 insert of the same scan rows in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { fmt, load, ratio, report, startServer, trackingNumberFor } from './lib.ts';

const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 3000);
const SCANS_PER_SHIPMENT = 10;
const WORDS = ['荷物受付', '発送済み', '輸送中', '作業店通過', '作業店通過', '輸送中', '作業店通過', '配達中', 'ご不在のため持ち帰り', '配達完了'];

/** Scan k (0-based) of shipment i: ten scans a parcel, an hour apart. */
function scan(i: number, k: number) {
  return {
    trackingNumber: trackingNumberFor(i),
    carrier: 'yamato',
    message: WORDS[k % WORDS.length],
    occurredAt: new Date(Date.UTC(2026, 10, 18, 1 + k, i % 60)).toISOString(),
    location: { facility: `センター${k}` },
  };
}

/** Batch b holds every scan of 100 parcels: 1,000 scans. */
function batch(b: number) {
  const events = [];
  for (let j = 0; j < 100; j++) for (let k = 0; k < SCANS_PER_SHIPMENT; k++) events.push(scan(b * 100 + j, k));
  return events;
}

function rawFloor(batches: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'otodoke-raw-'));
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table tracking_event (id text primary key, store_id text, shipment_id text, tracking_key text, tracking_number text, carrier text, source text,
    dedupe_key text, status text, substatus text, raw_code text, message text, location text, occurred_at text, received_at text, estimated_delivery text,
    unique (store_id, dedupe_key))`);
  const ins = db.prepare('insert into tracking_event values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing');
  const write = db.transaction((events: ReturnType<typeof batch>, b: number) => {
    events.forEach((e, n) =>
      ins.run(`tev${b}-${n}`, 's', `shp${b}`, e.trackingNumber, e.trackingNumber, 'yamato', 'api', `${e.trackingNumber}|${e.occurredAt}|${e.message}`, 'in_transit', null, null, e.message, JSON.stringify(e.location), e.occurredAt, e.occurredAt, null),
    );
  });
  const t0 = performance.now();
  for (let b = 0; b < batches; b++) write(batch(b), b);
  const secs = (performance.now() - t0) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return (batches * 1000) / secs;
}

export async function run() {
  const batches = Math.floor(SHIPMENTS / 100);
  const raw = rawFloor(batches);
  console.log(`  (seeding ${fmt(SHIPMENTS)} shipments…)`);
  const server = await startServer({ BENCH_SHIPMENTS: String(SHIPMENTS) });
  try {
    const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    const bare = await load({ url: `${server.url}/healthz`, connections: 50, duration: 5 });
    // Batched: the first half of the parcels, 1,000 scans a request.
    const half = Math.floor(batches / 2);
    const batched = await load({ url: `${server.url}/api/v1/tracking-events`, method: 'POST', connections: 2, amount: half, headers, body: (b) => ({ body: JSON.stringify({ events: batch(b) }) }) });
    // Single: the other half, one scan a request.
    const singles = (batches - half) * 1000;
    const single = await load({
      url: `${server.url}/api/v1/tracking-events`,
      method: 'POST',
      connections: 16,
      amount: Math.min(singles, 20_000),
      headers,
      body: (n) => ({ body: JSON.stringify({ events: [scan(half * 100 + Math.floor(n / SCANS_PER_SHIPMENT), n % SCANS_PER_SHIPMENT)] }) }),
    });
    report('Tracking ingest (SQLite, WAL, synchronous=NORMAL: durable against a process crash, not a power cut)', [
      ['raw better-sqlite3 insert of the same rows, 1,000/commit', `${fmt(raw)} scans/s (baseline)`],
      ['bare HTTP route (GET /healthz, 50 conns)', `${fmt(bare.rps)} req/s (baseline)`],
      ['batched: 1,000 scans per POST (2 conns)', `${fmt(batched.rps * 1000)} scans/s, p99 ack ${batched.p99} ms, errors ${batched.errors + batched.non2xx}`],
      ['  vs raw floor', ratio(batched.rps * 1000, raw)],
      ['single: 1 scan per POST (16 conns)', `${fmt(single.rps)} scans/s, p50 ${single.p50} ms, p99 ack ${single.p99} ms, errors ${single.errors + single.non2xx}`],
      ['  vs bare route', ratio(single.rps, bare.rps)],
      ['  targets', '≥ 10,000 scans/s batched and ≥ 50% of the raw floor'],
    ]);
  } finally {
    await server.stop();
  }
}
