import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportOrders, type ImportSummary } from '../src/apps/cli/import.command.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/shopify/orders-export.csv', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

describe(`otodoke import orders (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let dir: string;
  beforeAll(async () => {
    t = await testContext();
    dir = mkdtempSync(join(tmpdir(), 'otodoke-import-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(storeId: string, file: string, json = true) {
    const out = sink();
    const err = sink();
    const code = await runImportOrders(t.deps, { file, storeId, json }, { stdout: out.stream, stderr: err.stream });
    return { code, out: out.text(), err: err.text(), summary: json ? (JSON.parse(out.text()) as ImportSummary & { error?: string }) : null };
  }
  const file = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const countOrders = async (s: { auth: { authorization: string } }) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/orders?limit=200', headers: s.auth })).json().items.length as number;

  it('imports the export: groups line items, skips bad orders whole and names their rows and fields', async () => {
    const s = await t.store('京都茶舗');
    const { code, summary } = await run(s.id, FIXTURE);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ created: 4, updated: 0, unchanged: 0, failed: 2 });
    expect(summary!.errors).toEqual([
      { row: 7, field: 'Lineitem quantity', message: 'expected a whole number ≥ 1', order: '#1003' },
      { row: 8, field: 'Name', message: 'required (the order number, e.g. #1001)', order: null },
    ]);
    expect(await countOrders(s)).toBe(4);

    const read = t.deps.persistence.read.orders;
    const o1001 = (await read.getByExternal(s.id, 'shopify', '5764607523034234881'))!;
    expect(o1001).toMatchObject({ number: '#1001', status: 'confirmed', currency: 'JPY', requestedDeliveryDate: '2026-11-22', requestedTimeSlot: '14-16' });
    expect(o1001.totals).toEqual({ subtotal: 6800, shipping: 600, tax: 672, discount: 0, total: 7400 });
    expect(o1001.lineItems.map((l) => [l.title, l.sku, l.quantity, l.unitPrice])).toEqual([
      ['玉露 - 100g', 'TEA-GYOKURO-100', 2, 1800],
      ['有田焼 湯呑み', 'CUP-ARITA-01', 1, 3200],
    ]);
    expect(o1001.shippingAddress).toMatchObject({ name: '山田 花子', postalCode: '150-0001', region: '東京都' });
    const o1004 = (await read.getByExternal(s.id, 'csv', '#1004'))!;
    expect(o1004).toMatchObject({ currency: 'USD', totals: { subtotal: 3998, shipping: 1200, tax: 0, discount: 0, total: 5198 }, email: 'jane.doe@example.com' });
    expect((await read.getByExternal(s.id, 'shopify', '5764607523034234885'))!.status).toBe('cancelled');
    expect(await read.getByExternal(s.id, 'shopify', '5764607523034234883')).toBeNull(); // #1003, the bad one
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orders?number=%231003', headers: s.auth })).json().items).toEqual([]);
  });

  it('creates nothing twice when the same file is imported again, and updates what changed', async () => {
    const s = await t.store('京都茶舗');
    expect((await run(s.id, FIXTURE)).summary).toMatchObject({ created: 4, failed: 2 });
    const again = await run(s.id, FIXTURE);
    expect(again.code).toBe(0);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 4, failed: 2 });
    expect(await countOrders(s)).toBe(4);
    const changed = file('changed.csv', readFileSync(FIXTURE, 'utf8').replace('さっぽろビル 5F', 'さっぽろビル 6F'));
    expect((await run(s.id, changed)).summary).toMatchObject({ created: 0, updated: 1, unchanged: 3, failed: 2 });
    expect((await t.deps.persistence.read.orders.getByExternal(s.id, 'shopify', '5764607523034234882'))!.shippingAddress?.line2).toBe('さっぽろビル 6F');
    expect(await countOrders(s)).toBe(4);
  });

  it('prints a readable summary with the errors', async () => {
    const s = await t.store('京都茶舗');
    const { code, out } = await run(s.id, FIXTURE, false);
    expect(code).toBe(0);
    expect(out).toContain('created 4, updated 0, unchanged 0, failed 2');
    expect(out).toContain('row 7, Lineitem quantity: expected a whole number ≥ 1 (order #1003)');
    expect(out).toContain('row 8, Name: required');
  });

  it('exits 2 when every order fails, 1 for an unknown store or an unreadable file, 0 for an empty file', async () => {
    const s = await t.store('京都茶舗');
    const header = readFileSync(FIXTURE, 'utf8').split('\n')[0]!;
    const allBad = file('bad.csv', `${header}\n${readFileSync(FIXTURE, 'utf8').split('\n').slice(5, 8).join('\n')}\n`);
    const bad = await run(s.id, allBad);
    expect(bad.summary).toMatchObject({ created: 0, failed: 2 });
    expect(bad.code).toBe(2);

    const unknown = await run('sto_01jnosuchstore0000000000', FIXTURE);
    expect(unknown.code).toBe(1);
    expect(unknown.summary!.error).toMatch(/no store/);
    const missing = await run(s.id, join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.summary!.error).toMatch(/cannot read/);
    expect((await run(s.id, dir)).code).toBe(1);
    const broken = await run(s.id, file('broken.csv', `${header}\n#9001,"never closed\n`));
    expect(broken.code).toBe(1);

    const empty = await run(s.id, file('empty.csv', ''));
    expect(empty.code).toBe(0);
    expect(empty.summary).toMatchObject({ created: 0, updated: 0, unchanged: 0, failed: 0 });
    expect((await run(s.id, file('header.csv', `\ufeff${header}\n`))).code).toBe(0);
    expect(await countOrders(s)).toBe(0);
  });

  it('runs as the real CLI', async () => {
    const s = await t.store('京都茶舗');
    const env = { ...process.env, DATABASE_URL: t.dbUrl, OTODOKE_SECRET_KEY_FILE: join(dir, 'cli-secret.key'), LOG_LEVEL: 'silent' };
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['bin/otodoke.js', 'import', 'orders', FIXTURE, '--store', s.id, '--json'], { cwd: REPO, env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as ImportSummary;
    expect(summary).toMatchObject({ created: 4, updated: 0, unchanged: 0, failed: 2 });
    expect(summary.errors.map((e) => [e.row, e.field])).toEqual([
      [7, 'Lineitem quantity'],
      [8, 'Name'],
    ]);
    expect(await countOrders(s)).toBe(4);
  });
});
