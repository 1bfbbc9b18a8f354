/**
 * The server under test, in its own process so the load generator does not share its core.
 * Starts on a fresh SQLite file with one store and prints {port, apiKey, storeId} as JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { compose } from '../src/compose.ts';
import { buildServer } from '../src/apps/server/server.ts';
import { createStore } from '../src/app/stores.ts';
import { upsertOrder } from '../src/app/orders.ts';
import { recordShipment } from '../src/app/shipments.ts';
import { trackingNumberFor } from './lib.ts';

const dir = mkdtempSync(join(tmpdir(), 'otodoke-bench-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`,
  OTODOKE_SECRET_KEY_FILE: join(dir, 'secret.key'),
  OTODOKE_DEMO: 'off',
  LOG_LEVEL: 'silent',
});
const deps = await compose(config);
const app = await buildServer(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const { store, apiKey } = await createStore(deps, { name: 'Bench', secrets: { shopify: 'bench-shopify-secret' } });
// Shipments to track: order i ships with trackingNumberFor(i).
const seed = Number(process.env.BENCH_SHIPMENTS ?? 0);
for (let i = 0; i < seed; i++) {
  const { order } = await upsertOrder(
    deps,
    store.id,
    {
      externalId: `seed-${i}`,
      number: `#T${i}`,
      placedAt: '2026-11-18T01:00:00.000Z',
      currency: 'JPY',
      customer: { email: `t${i}@example.jp` },
      lineItems: [{ title: '煎茶', quantity: 1, unitPrice: 1200 }],
      shippingAddress: { region: '東京都', country: 'JP' },
    },
    { source: 'bench', actor: 'bench' },
  );
  await recordShipment(deps, store.id, order.id, { carrier: 'yamato', trackingNumber: trackingNumberFor(i) }, { source: 'bench', actor: 'bench' });
}
const addr = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0, apiKey, storeId: store.id, dir }) + '\n');
process.on('SIGTERM', async () => {
  await app.close();
  await deps.close();
  process.exit(0);
});
