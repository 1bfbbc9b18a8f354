/**
 * Order intake through the Shopify webhook path: HMAC verification over the raw body, 64-bit id
 * parsing, deduplication by X-Shopify-Webhook-Id and the order upsert — each body unique and signed.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fmt, load, ratio, report, type ServerHandle } from './lib.ts';

const template = readFileSync(new URL('../test/fixtures/shopify/orders-create.ja.json', import.meta.url), 'utf8');

export async function shopifyIntake(server: ServerHandle, base: { raw: number; bare: number; orders: number }) {
  const secret = 'bench-shopify-secret';
  const sign = (body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');
  // Unique ids beyond 2^53 like Shopify's, written as JSON numbers as Shopify writes them.
  const body = (i: number) => {
    const id = `58${String(4_000_000_000_000_000 + i).padStart(16, '0')}`;
    const text = template.replace(/"id":\s*\d+/, `"id": ${id}`).replace(/"name":\s*"[^"]*"/, `"name": "#S${i}"`);
    return { body: text, headers: { 'x-shopify-hmac-sha256': sign(text), 'x-shopify-webhook-id': `bench-${i}`, 'x-shopify-topic': 'orders/create' } };
  };
  await load({ url: `${server.url}/webhooks/shopify/${server.storeId}`, method: 'POST', connections: 8, amount: 500, headers: { 'content-type': 'application/json' }, body: (i) => body(9_000_000 + i) });
  const r = await load({ url: `${server.url}/webhooks/shopify/${server.storeId}`, method: 'POST', connections: 16, amount: base.orders, headers: { 'content-type': 'application/json' }, body });
  report('Order intake through the Shopify webhook (orders/create, signed, deduplicated)', [
    ['POST /webhooks/shopify/:store (16 conns)', `${fmt(r.rps)} orders/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`],
    ['  vs raw SQLite', ratio(r.rps, base.raw)],
    ['  vs bare route', ratio(r.rps, base.bare)],
  ]);
}
