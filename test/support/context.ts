import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { compose, type Deps } from '../../src/compose.ts';
import { buildServer } from '../../src/apps/server/server.ts';
import { createStore } from '../../src/app/stores.ts';
import type { Clock } from '../../src/core/ports.ts';

/** Which database integration tests run on: PostgreSQL when TEST_DATABASE_URL is set, else SQLite. */
export const TEST_DIALECT = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private t = new Date('2026-11-20T01:00:00.000Z')) {}
  now() {
    return new Date(this.t);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: a new PostgreSQL database on the test server, or a new SQLite file. */
export async function freshDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `otodoke_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'otodoke-test-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestContext {
  deps: Deps;
  clock: TestClock;
  app: FastifyInstance;
  dbUrl: string;
  /** A new store with its API key. */
  store(name?: string, extra?: Parameters<typeof createStore>[1]): Promise<{ id: string; apiKey: string; auth: { authorization: string } }>;
  close(): Promise<void>;
}

export async function testContext(env: Record<string, string> = {}): Promise<TestContext> {
  const db = await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'otodoke-key-'));
  const config = loadConfig({ DATABASE_URL: db.url, OTODOKE_SECRET_KEY_FILE: join(dir, 'secret.key'), OTODOKE_DEMO: 'off', ...env });
  const clock = new TestClock();
  const deps = await compose(config, { clock });
  const app = await buildServer(deps);
  return {
    deps,
    clock,
    app,
    dbUrl: db.url,
    async store(name = 'Test Store', extra = { name: 'x' }) {
      const { store, apiKey } = await createStore(deps, { ...extra, name });
      return { id: store.id, apiKey, auth: { authorization: `Bearer ${apiKey}` } };
    },
    async close() {
      await app.close();
      await deps.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
