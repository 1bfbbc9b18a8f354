import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`store settings (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: { authorization: string };
  let apiKey: string;
  beforeAll(async () => {
    t = await testContext();
    const s = await t.store('Settings Store', { name: 'x', secrets: { shopify: 'shpss_topsecret_value' } });
    auth = s.auth;
    apiKey = s.apiKey;
  });
  afterAll(async () => t.close());

  it('shows settings with secret names only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/store', headers: auth });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Settings Store', locale: 'ja', currency: 'JPY', timezone: 'Asia/Tokyo', secrets: ['shopify'] });
    expect(body.settings.brand.primaryColor).toMatch(/^#/);
    expect(res.body).not.toContain('topsecret');
  });

  it('changes settings and secrets, and refuses bad values without writing', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/store',
      headers: auth,
      payload: {
        locale: 'en',
        settings: { brand: { primaryColor: '#112233' }, support: { email: 'help@example.jp' }, carriers: ['yamato', 'sagawa'], holidays: ['2026-12-31'] },
        secrets: { aftership: 'as_secret_123456', shopify: null },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locale: 'en', secrets: ['aftership'], settings: { brand: { primaryColor: '#112233', accentColor: '#e07a2e' }, carriers: ['yamato', 'sagawa'] } });
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/store', headers: auth, payload: { name: 'Changed', timezone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.issues[0].path).toBe('timezone');
    const unknown = await t.app.inject({ method: 'PATCH', url: '/api/v1/store', headers: auth, payload: { plan: 'free' } });
    expect(unknown.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/store', headers: auth })).json().name).toBe('Settings Store');
  });

  it('stores the API key hashed and secrets encrypted', async () => {
    const keys = await sql<{ key_hash: string }>`select key_hash from api_key`.execute(t.deps.db.kysely);
    expect(keys.rows.every((r) => r.key_hash !== apiKey && /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
    const stores = await sql<{ secrets: string }>`select secrets from store`.execute(t.deps.db.kysely);
    expect(stores.rows.every((r) => !r.secrets.includes('as_secret') && r.secrets.startsWith('v1.'))).toBe(true);
  });

  it('answers health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', database: TEST_DIALECT });
  });

  it('publishes an OpenAPI document of every route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/orders', '/api/v1/orders/{id}', '/api/v1/orders/{id}/cancel', '/api/v1/shipments', '/api/v1/customers/{id}/timeline', '/api/v1/store']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/v1/orders'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['number', 'placedAt', 'currency', 'lineItems']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
