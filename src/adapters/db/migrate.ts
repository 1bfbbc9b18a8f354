import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as m202611221800 from './migrations/202611221800_foundation.ts';
import * as m202611221900 from './migrations/202611221900_tracking.ts';
import * as m202611231000 from './migrations/202611231000_catalog.ts';
import * as m202611231100 from './migrations/202611231100_messages.ts';

/** Every migration, in order. Files are frozen once shipped: add, never edit. */
const MIGRATIONS: Record<string, Migration> = {
  '202611221800_foundation': m202611221800,
  '202611221900_tracking': m202611221900,
  '202611231000_catalog': m202611231000,
  '202611231100_messages': m202611231100,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider, migrationTableName: 'otodoke_migration', migrationLockTableName: 'otodoke_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
