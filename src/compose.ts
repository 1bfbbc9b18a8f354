import { parseDatabaseUrl, type Config } from './config.ts';
import type { AppDeps } from './app/deps.ts';
import { cachedAuthenticator, type Authenticator } from './app/stores.ts';
import type { Clock } from './core/ports.ts';
import { SecretBox, loadOrCreateKey } from './adapters/crypto/secret-box.ts';
import { openDatabase, type Db } from './adapters/db/database.ts';
import { migrateToLatest } from './adapters/db/migrate.ts';
import { createPersistence } from './adapters/db/persistence.ts';
import { JobQueue } from './adapters/queue/job-queue.ts';

/** Everything the apps need, built from Config. The only place that picks adapters. */
export interface Deps extends AppDeps {
  config: Config;
  auth: Authenticator;
  db: Db;
  queue: JobQueue;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export async function compose(config: Config, overrides: { clock?: Clock; migrate?: boolean } = {}): Promise<Deps> {
  const db = openDatabase(parseDatabaseUrl(config.DATABASE_URL), {
    synchronous: config.SQLITE_SYNCHRONOUS,
    onIdleError: (err) => {
      if (config.LOG_LEVEL !== 'silent') console.warn(`database: an idle connection was closed (${err.message}); it will be replaced`);
    },
  });
  if (overrides.migrate !== false) await migrateToLatest(db);
  const box = new SecretBox(loadOrCreateKey(config.OTODOKE_SECRET_KEY, config.OTODOKE_SECRET_KEY_FILE));
  const app: AppDeps = { persistence: createPersistence(db, box), clock: overrides.clock ?? systemClock };
  return {
    ...app,
    config,
    db,
    auth: cachedAuthenticator(app),
    queue: new JobQueue(db),
    close: () => db.close(),
  };
}
