import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/otodoke.js ...args` with the given environment on top of this one. */
async function otodoke(args: string[], env: Record<string, string>): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/otodoke.js', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe(`otodoke carriers (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let dir: string;
  let store: { id: string; auth: { authorization: string } };
  /** The test database, and a key file of the CLI's own. */
  let withDb: Record<string, string>;
  /** A database that must never be opened: its SQLite file would appear. */
  let noDb: Record<string, string>;
  beforeAll(async () => {
    t = await testContext();
    store = await t.store('CLI Store', { name: 'x', settings: { carriers: ['japan_post'] } });
    dir = mkdtempSync(join(tmpdir(), 'otodoke-cli-'));
    withDb = { DATABASE_URL: t.dbUrl, OTODOKE_SECRET_KEY_FILE: join(dir, 'cli.key') };
    noDb = { DATABASE_URL: `sqlite:${join(dir, 'never.db')}`, OTODOKE_SECRET_KEY_FILE: join(dir, 'never.key') };
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the detection as JSON without opening a database', async () => {
    const r = await otodoke(['carriers', 'detect', '１２３４－５６７８－９０１３', '--json'], noDb);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.trackingNumber).toBe('123456789013');
    expect(body.matches.map((m: { carrier: string }) => m.carrier)).toEqual(['yamato', 'sagawa', 'japan_post']);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
    expect(existsSync(join(dir, 'never.key'))).toBe(false);
  });

  it("ranks the store's carriers first with --store and prints what the API answers", async () => {
    const r = await otodoke(['carriers', 'detect', '1234-5678-9013', '--store', store.id, '--json'], withDb);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.matches.map((m: { carrier: string }) => m.carrier)).toEqual(['japan_post', 'yamato', 'sagawa']);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/carriers/detect', headers: store.auth, query: { trackingNumber: '1234-5678-9013' } });
    expect(body).toEqual(api.json());
  });

  it('prints a readable table', async () => {
    const r = await otodoke(['carriers', 'detect', '1Z5R89390357567127', '--locale', 'en'], noDb);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('1Z5R89390357567127: 1 possible carrier');
    expect(lines[2]).toMatch(/^#\s+CARRIER\s+NAME\s+FORMAT\s+TRACKING PAGE$/);
    expect(lines[3]).toMatch(/^1\s+ups\s+UPS\s+UPS\s+https:\/\/www\.ups\.com\/track\?loc=en_US&tracknum=1Z5R89390357567127$/);
    const none = await otodoke(['carriers', 'detect', '123456789010'], noDb);
    expect(none.stdout).toContain('123456789010: no known carrier');
  });

  it('marks the store carriers in the table', async () => {
    const r = await otodoke(['carriers', 'detect', '123456789013', '--store', store.id], withDb);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n1\s+japan_post \*\s+日本郵便/);
    expect(r.stdout).toContain("* one of the store's carriers");
  });

  it('exits 1 with a clear message for an unknown store', async () => {
    const r = await otodoke(['carriers', 'detect', '123456789013', '--store', 'store_nope', '--json'], withDb);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error STORE_NOT_FOUND: No store with id store_nope.');
    const empty = await otodoke(['carriers', 'detect', ' '], noDb);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('error VALIDATION_FAILED: A tracking number is required.');
  });

  it('lists the registry', async () => {
    const r = await otodoke(['carriers', 'list', '--json'], noDb);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.carriers).toHaveLength(14);
    expect(body.carriers[0]).toMatchObject({ code: 'yamato', deliversOnWeekends: true, preferred: false });
    const table = await otodoke(['carriers', 'list'], noDb);
    expect(table.stdout.split('\n')[0]).toMatch(/^CARRIER\s+NAME\s+COUNTRY\s+DETECTS\s+REDELIVERY\s+WEEKENDS$/);
    expect(table.stdout).toMatch(/\nups\s+UPS\s+US\s+yes\s+-\s+-\n/);
  });
});
