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
const { store, apiKey } = await createStore(deps, { name: 'Bench', secrets: { shopify: 'bench-shopify-secret', otodoke: 'bench-otodoke-secret' } });
const addr = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0, apiKey, storeId: store.id, dir }) + '\n');
process.on('SIGTERM', async () => {
  await app.close();
  await deps.close();
  process.exit(0);
});
