import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// node-postgres returns int8 and numeric as strings; every integer Otodoke stores fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  /** SQLite: NORMAL (default, WAL-safe against process crashes) or FULL (also against power loss). */
  synchronous?: 'NORMAL' | 'FULL';
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Told when PostgreSQL closes an idle pooled connection. */
  onIdleError?: (err: Error) => void;
}

export function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Db {
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: opts.poolSize ?? 10 });
    // An idle connection the server closes (a restart, a failover, an administrator) must not
    // crash the process: the pool drops it and the next query opens a new one.
    pool.on('error', (err) => opts.onIdleError?.(err));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  const sqlite = new SQLite(target.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // A 64 MB page cache keeps the indexes that every write touches in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing is a
 * large share of a small query's cost. Keep the most recent statements by their SQL text.
 */
function withStatementCache(db: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
