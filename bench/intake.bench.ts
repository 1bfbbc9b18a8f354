/**
 * Order intake through the REST API (and the Shopify webhook path when present), against two
 * baselines measured in the same run: raw better-sqlite3 inserts of the same rows, one
 * transaction per order, and a bare HTTP route of the same server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/adapters/db/database.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
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

/**
 * The floor: the same rows into the same tables (Otodoke's migrated schema, every index) written
 * with hand-prepared better-sqlite3 statements, one commit per order: store and order look-ups,
 * the customer found or created, the order, its two lines and its two timeline events.
 */
async function rawSqliteOrdersPerSecond(n: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'otodoke-raw-'));
  const db = openDatabase({ dialect: 'sqlite', path: join(dir, 'raw.db') });
  await migrateToLatest(db);
  await db.close();
  const sqlite = new SQLite(join(dir, 'raw.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -65536');
  sqlite.prepare("insert into store values ('s', 'Raw', 'ja', 'JPY', 'Asia/Tokyo', '{}', null, 't', 't')").run();
  const insO = sqlite.prepare(
    `insert into "order" (id, store_id, number, source, external_id, customer_id, email, phone, locale, status, placed_at, currency, subtotal, shipping_total, tax_total, discount_total, total, delivery_method, shipping_address, requested_delivery_date, requested_time_slot, fulfillment_note, tags, cancelled_at, cancel_reason, version, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insL = sqlite.prepare(
    'insert into line_item (id, store_id, order_id, position, external_id, product_id, variant_id, sku, title, variant_title, quantity, cancelled_quantity, unit_price, image_url, category, tags, final_sale, requires_shipping) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const insE = sqlite.prepare('insert into event (id, store_id, type, subject_type, subject_id, order_id, customer_id, occurred_at, recorded_at, actor, data) values (?,?,?,?,?,?,?,?,?,?,?)');
  const insC = sqlite.prepare('insert into customer (id, store_id, source, external_id, email, phone, name, locale, consents, line_user_id, tags, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const selC = sqlite.prepare('select * from customer where store_id = ? and email = ?');
  const selO = sqlite.prepare('select * from "order" where store_id = ? and source = ? and external_id = ?');
  const selS = sqlite.prepare('select * from store where id = ?');
  const id = (p: string, i: number, k = '') => `${p}_01m8${String(i).padStart(12, '0')}${k}`;
  const one = sqlite.transaction((i: number) => {
    const b = orderBody(i);
    selS.get('s');
    selO.get('s', 'api', b.externalId);
    const c = selC.get('s', b.customer.email) as { id: string } | undefined;
    const cid = c?.id ?? id('cus', i);
    if (!c) insC.run(cid, 's', 'api', null, b.customer.email, '+819012345678', b.customer.name, 'ja', '{"email":true}', null, '[]', b.placedAt, b.placedAt);
    insO.run(id('ord', i), 's', b.number, 'api', b.externalId, cid, b.customer.email, '+819012345678', 'ja', 'confirmed', b.placedAt, 'JPY', 6800, 600, 680, 0, 8080, 'ship', JSON.stringify(b.shippingAddress), null, null, null, '[]', null, null, 2, b.placedAt, b.placedAt);
    b.lineItems.forEach((l, k) => insL.run(id('li', i, String(k)), 's', id('ord', i), k, l.externalId, null, null, l.sku, l.title, null, l.quantity, 0, l.unitPrice, null, null, '[]', 0, 1));
    insE.run(id('evt', i, 'a'), 's', 'order.placed', 'order', id('ord', i), id('ord', i), cid, b.placedAt, b.placedAt, 'api', '{"number":"x"}');
    insE.run(id('evt', i, 'b'), 's', 'order.confirmed', 'order', id('ord', i), id('ord', i), cid, b.placedAt, b.placedAt, 'api', '{"from":"placed"}');
  });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) one(i);
  const secs = (performance.now() - t0) / 1000;
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return n / secs;
}

export async function run() {
  const raw = await rawSqliteOrdersPerSecond(ORDERS);
  const server = await startServer();
  try {
    const auth = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    const bare = await load({ url: `${server.url}/healthz`, connections: 50, duration: 5 });
    // Warm up, then measure.
    await load({ url: `${server.url}/api/v1/orders`, method: 'POST', connections: 8, amount: 500, headers: auth, body: (i) => ({ body: JSON.stringify(orderBody(1_000_000 + i)) }) });
    const api = await load({ url: `${server.url}/api/v1/orders`, method: 'POST', connections: 16, amount: ORDERS, headers: auth, body: (i) => ({ body: JSON.stringify(orderBody(i)) }) });
    report('Order intake (SQLite, synchronous=NORMAL, one process)', [
      ['raw better-sqlite3, same rows and tables, 1 commit/order', `${fmt(raw)} orders/s (baseline)`],
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
