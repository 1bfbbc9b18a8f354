/**
 * Order intake through the REST API (and the Shopify webhook path when present), against two
 * baselines measured in the same run: raw better-sqlite3 inserts of the same rows, one
 * transaction per order, and a bare HTTP route of the same server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { fmt, load, ratio, report, startServer } from './lib.ts';
import { shopifyIntake } from './shopify.bench.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 20_000);

function orderBody(i: number) {
  return {
    externalId: `bench-${i}`,
    number: `#B${i}`,
    placedAt: '2026-11-19T03:15:00.000Z',
    currency: 'JPY',
    locale: 'ja',
    customer: { email: `shopper${i % 5000}@example.jp`, name: '山田 花子', phone: '090-1234-5678' },
    lineItems: [
      { externalId: `li-${i}-1`, sku: 'TEA-001', title: '玉露 100g', quantity: 2, unitPrice: 1800 },
      { externalId: `li-${i}-2`, sku: 'CUP-002', title: '有田焼 湯呑み', quantity: 1, unitPrice: 3200 },
    ],
    totals: { shipping: 600, tax: 680 },
    shippingAddress: { name: '山田 花子', postalCode: '150-0001', region: '東京都', city: '渋谷区', line1: '神宮前1-2-3', country: 'JP' },
  };
}

/** The floor: the same rows (order, 2 lines, 2 events, customer lookup) written by hand, one commit per order. */
function rawSqliteOrdersPerSecond(n: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'otodoke-raw-'));
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table o (id text primary key, store_id text, number text, external_id text, data text, unique(store_id, external_id));
           create table l (id text primary key, order_id text, title text, quantity int, price int);
           create table e (id text primary key, order_id text, type text, at text, data text);
           create table c (id text primary key, store_id text, email text, unique(store_id, email))`);
  const insO = db.prepare('insert into o values (?, ?, ?, ?, ?)');
  const insL = db.prepare('insert into l values (?, ?, ?, ?, ?)');
  const insE = db.prepare('insert into e values (?, ?, ?, ?, ?)');
  const findC = db.prepare('select id from c where store_id = ? and email = ?');
  const insC = db.prepare('insert into c values (?, ?, ?)');
  const one = db.transaction((i: number) => {
    const b = orderBody(i);
    if (!findC.get('s', b.customer.email)) insC.run(`c${i}`, 's', b.customer.email);
    insO.run(`o${i}`, 's', b.number, b.externalId, JSON.stringify(b.shippingAddress));
    for (const [k, li] of b.lineItems.entries()) insL.run(`l${i}-${k}`, `o${i}`, li.title, li.quantity, li.unitPrice);
    insE.run(`e${i}a`, `o${i}`, 'order.placed', b.placedAt, '{}');
    insE.run(`e${i}b`, `o${i}`, 'order.confirmed', b.placedAt, '{}');
  });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) one(i);
  const secs = (performance.now() - t0) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return n / secs;
}

export async function run() {
  const raw = rawSqliteOrdersPerSecond(ORDERS);
  const server = await startServer();
  try {
    const auth = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    const bare = await load({ url: `${server.url}/healthz`, connections: 50, duration: 5 });
    // Warm up, then measure.
    await load({ url: `${server.url}/api/v1/orders`, method: 'POST', connections: 8, amount: 500, headers: auth, body: (i) => ({ body: JSON.stringify(orderBody(1_000_000 + i)) }) });
    const api = await load({ url: `${server.url}/api/v1/orders`, method: 'POST', connections: 16, amount: ORDERS, headers: auth, body: (i) => ({ body: JSON.stringify(orderBody(i)) }) });
    report('Order intake (SQLite, synchronous=NORMAL, one process)', [
      ['raw better-sqlite3, same rows, 1 commit/order', `${fmt(raw)} orders/s (baseline)`],
      ['bare HTTP route (GET /healthz, 50 conns)', `${fmt(bare.rps)} req/s (baseline)`],
      ['POST /api/v1/orders (16 conns)', `${fmt(api.rps)} orders/s, p50 ${api.p50} ms, p99 ${api.p99} ms, errors ${api.errors + api.non2xx}`],
      ['  vs raw SQLite', ratio(api.rps, raw)],
      ['  vs bare route', ratio(api.rps, bare.rps)],
      ['  target', '≥ 2,000 orders/s'],
    ]);
    await shopifyIntake(server, { raw, bare: bare.rps, orders: ORDERS });
  } finally {
    await server.stop();
  }
}
