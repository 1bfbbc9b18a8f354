import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductInput } from '../src/core/catalog/product.input.ts';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

type Auth = { authorization: string };
interface VariantBody {
  id: string;
  externalId: string | null;
  sku: string | null;
  title: string | null;
  price: number;
  createdAt: string;
  updatedAt: string;
}
interface ProductBody {
  id: string;
  externalId: string | null;
  source: string;
  title: string;
  category: string | null;
  finalSale: boolean;
  variants: VariantBody[];
  createdAt: string;
  updatedAt: string;
}
interface LineBody {
  title: string;
  productId: string | null;
  variantId: string | null;
  finalSale: boolean;
  category: string | null;
  tags: string[];
  imageUrl: string | null;
}

let seq = 0;
/** A tea with two variants; override what a test cares about. */
function makeProduct(overrides: Partial<ProductInput> = {}): ProductInput {
  seq += 1;
  return {
    title: `玉露 ${seq}`,
    category: 'tea',
    tags: ['gift'],
    imageUrl: 'https://cdn.example.jp/gyokuro.png',
    consumptionDays: 30,
    variants: [
      { externalId: `v-${seq}-100`, sku: `TEA-${seq}-100`, title: '100g', price: 1800, currency: 'JPY' },
      { externalId: `v-${seq}-250`, sku: `TEA-${seq}-250`, title: '250g', price: 4000, currency: 'JPY' },
    ],
    ...overrides,
  };
}

describe(`products API (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let auth: Auth;
  beforeAll(async () => {
    t = await testContext();
    auth = (await t.store('Kyoto Tea')).auth;
  });
  afterAll(async () => t.close());

  const post = (payload: unknown, headers: Auth = auth) => t.app.inject({ method: 'POST', url: '/api/v1/products', headers, payload: payload as object });
  const put = (externalId: string, payload: unknown, headers: Auth = auth, query = '') =>
    t.app.inject({ method: 'PUT', url: `/api/v1/products/external/${externalId}${query}`, headers, payload: payload as object });
  const get = (id: string, headers: Auth = auth) => t.app.inject({ method: 'GET', url: `/api/v1/products/${id}`, headers });
  const list = async (query = '', headers: Auth = auth) => (await t.app.inject({ method: 'GET', url: `/api/v1/products${query}`, headers })).json() as { items: ProductBody[]; nextCursor: string | null };
  const allProducts = async (headers: Auth = auth) => (await list('?limit=200', headers)).items;

  it('creates a product with its variants and reads it back', async () => {
    const res = await post(makeProduct({ finalSale: true }));
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.id).toMatch(/^prd_/);
    expect(p).toMatchObject({ source: 'api', externalId: null, category: 'tea', tags: ['gift'], returnable: true, finalSale: true, consumptionDays: 30 });
    expect(p.storeId).toBeUndefined();
    expect(p.variants.map((v: VariantBody) => [v.title, v.price])).toEqual([
      ['100g', 1800],
      ['250g', 4000],
    ]);
    expect(p.variants.every((v: VariantBody) => /^var_/.test(v.id))).toBe(true);
    const read = await get(p.id);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(p);
  });

  it('upserts by external id: 201, then 200; unchanged input writes nothing; variants kept by external id, then SKU', async () => {
    const body = makeProduct();
    const created = await put('gyokuro', body);
    expect(created.statusCode).toBe(201);
    const first: ProductBody = created.json();
    expect(first.externalId).toBe('gyokuro');

    t.clock.advance(60_000);
    const same = await put('gyokuro', body);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(first);

    // 100g keeps its external id; 250g gets a new one but keeps its SKU; 500g is new.
    t.clock.advance(60_000);
    const [v100, v250] = first.variants;
    const changed = await put('gyokuro', {
      ...body,
      title: '玉露 特上',
      variants: [
        { ...body.variants[0]!, price: 1900 },
        { ...body.variants[1]!, externalId: 'v-new-250' },
        { externalId: 'v-500', sku: 'TEA-500', title: '500g', price: 7600, currency: 'JPY' },
      ],
    });
    expect(changed.statusCode).toBe(200);
    const second: ProductBody = changed.json();
    expect(second.id).toBe(first.id);
    expect(second.title).toBe('玉露 特上');
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).not.toBe(first.updatedAt);
    expect(second.variants.map((v) => [v.id, v.externalId, v.price])).toEqual([
      [v100!.id, body.variants[0]!.externalId, 1900],
      [v250!.id, 'v-new-250', 4000],
      [expect.stringMatching(/^var_/), 'v-500', 7600],
    ]);
    expect((await get(first.id)).json()).toEqual(second);

    // Dropping variants removes them; the one left unchanged keeps its updatedAt.
    t.clock.advance(60_000);
    const dropped = await put('gyokuro', { ...body, title: '玉露 特上', variants: [{ ...body.variants[0]!, price: 1900 }] });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json().variants.map((v: VariantBody) => [v.id, v.updatedAt])).toEqual([[v100!.id, second.variants[0]!.updatedAt]]);
    expect(dropped.json().updatedAt).not.toBe(second.updatedAt);
    expect((await get(first.id)).json().variants).toHaveLength(1);
  });

  it('keeps products of different sources apart, and POST refuses a known external id', async () => {
    const body = makeProduct();
    const api = await put('same-id', body);
    const shopify = await put('same-id', body, auth, '?source=shopify');
    expect(api.statusCode).toBe(201);
    expect(shopify.statusCode).toBe(201);
    expect(shopify.json().source).toBe('shopify');
    expect(shopify.json().id).not.toBe(api.json().id);
    const dup = await post({ ...body, externalId: 'same-id' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('PRODUCT_ALREADY_EXISTS');
    const badSource = await put('same-id', body, auth, '?source=Shop%20ify');
    expect(badSource.statusCode).toBe(422);
  });

  it("refuses a variant external id another product has, and writes nothing", async () => {
    const owner = (await put('owner', makeProduct())).json() as ProductBody;
    const before = (await allProducts()).length;
    const takenId = owner.variants[0]!.externalId!;
    const other = makeProduct({ variants: [{ externalId: takenId, price: 100, currency: 'JPY' }] });
    const res = await put('thief', other);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VARIANT_EXTERNAL_ID_TAKEN');
    expect(res.json().details.productId).toBe(owner.id);
    expect(await allProducts()).toHaveLength(before);
    expect((await get(owner.id)).json()).toEqual(owner);
  });

  it('refuses bad input with VALIDATION_FAILED and writes nothing', async () => {
    const before = await allProducts();
    const cases: Array<[unknown, string]> = [
      [makeProduct({ variants: [{ price: -1, currency: 'JPY' }] }), 'variants.0.price'],
      [makeProduct({ variants: [] }), 'variants'],
      [makeProduct({ variants: [{ price: 100, currency: 'yen' }] }), 'variants.0.currency'],
      [makeProduct({ consumptionDays: 0 }), 'consumptionDays'],
      [{ variants: [{ price: 100, currency: 'JPY' }] }, 'title'],
    ];
    for (const [payload, path] of cases) {
      for (const res of [await post(payload), await put('bad', payload)]) {
        expect(res.statusCode).toBe(422);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(res.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
      }
    }
    expect(await allProducts()).toEqual(before);
  });

  it('lists newest first with cursor pagination, by category and by title prefix', async () => {
    const { auth: own } = await t.store('Catalog Only');
    const made: ProductBody[] = [];
    for (const [title, category] of [
      ['Sencha', 'tea'],
      ['sencha gift box', 'gift'],
      ['Matcha 50%', 'tea'],
      ['Yunomi', 'ceramics'],
      ['Matcha_whisk', 'tools'],
    ] as const) {
      t.clock.advance(1000);
      made.push((await post(makeProduct({ title, category }), own)).json());
    }
    const newestFirst = made.map((p) => p.id).reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`, own);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
    expect((await list('?limit=2', own)).items.every((p) => p.variants.length === 2)).toBe(true);

    expect((await list('?category=tea', own)).items.map((p) => p.title)).toEqual(['Matcha 50%', 'Sencha']);
    expect((await list('?q=SENCHA', own)).items.map((p) => p.title)).toEqual(['sencha gift box', 'Sencha']);
    // % and _ are plain characters, not wildcards.
    expect((await list(`?q=${encodeURIComponent('matcha %')}`, own)).items.map((p) => p.title)).toEqual([]);
    expect((await list(`?q=${encodeURIComponent('matcha 5')}`, own)).items.map((p) => p.title)).toEqual(['Matcha 50%']);
    expect((await list(`?q=${encodeURIComponent('matcha_')}`, own)).items.map((p) => p.title)).toEqual(['Matcha_whisk']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/products?cursor=nonsense', headers: own });
    expect(bad.json().code).toBe('INVALID_CURSOR');
  });

  it("answers 404 for another store's product and lists none of them", async () => {
    const mine = (await put('isolated', makeProduct())).json() as ProductBody;
    const other = await t.store('Other Shop');
    const res = await get(mine.id, other.auth);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PRODUCT_NOT_FOUND');
    expect((await list('', other.auth)).items).toEqual([]);
    // The same external id in another store is another product; the owner's is untouched.
    const theirs = await put('isolated', makeProduct({ title: 'theirs' }), other.auth);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.id);
    expect((await get(mine.id)).json()).toEqual(mine);
    // …and the other store's orders do not link to this store's variants.
    const order = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: other.auth,
      payload: makeOrder({ lineItems: [{ sku: mine.variants[0]!.sku!, title: 'x', quantity: 1, unitPrice: 1 }] }),
    });
    expect(order.json().lineItems[0]).toMatchObject({ productId: null, variantId: null });
  });
});

describe(`order lines linked to the catalog (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(async () => t.close());

  const putProduct = (auth: Auth, externalId: string, payload: ProductInput, query = '') =>
    t.app.inject({ method: 'PUT', url: `/api/v1/products/external/${externalId}${query}`, headers: auth, payload });
  const putOrder = (auth: Auth, externalId: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/orders/external/${externalId}`, headers: auth, payload });
  const gyokuro: ProductInput = {
    title: '玉露',
    category: 'tea',
    tags: ['gift', 'premium'],
    imageUrl: 'https://cdn.example.jp/gyokuro.png',
    finalSale: true,
    variants: [{ externalId: 'V-100', sku: 'TEA-100', title: '100g', price: 1800, currency: 'JPY', imageUrl: 'https://cdn.example.jp/gyokuro-100.png' }],
  };
  const yunomi: ProductInput = { title: '湯呑み', category: 'ceramics', variants: [{ sku: 'CUP-200', price: 3200, currency: 'JPY' }] };

  it('links lines by variant external id or SKU and fills what they do not say from the product', async () => {
    const { auth } = await t.store('Linked Tea');
    const tea = (await putProduct(auth, 'gyokuro', gyokuro)).json() as ProductBody;
    const cup = (await putProduct(auth, 'yunomi', yunomi)).json() as ProductBody;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: auth,
      payload: makeOrder({
        lineItems: [
          { externalId: 'l1', variantExternalId: 'V-100', title: '玉露 100g', quantity: 1, unitPrice: 1800 },
          { externalId: 'l2', sku: 'CUP-200', title: '湯呑み', quantity: 2, unitPrice: 3200 },
          { externalId: 'l3', sku: 'NOT-IN-CATALOG', variantExternalId: 'V-999', title: '謎', quantity: 1, unitPrice: 500 },
          { externalId: 'l4', variantExternalId: 'V-100', title: '玉露 (返品可)', quantity: 1, unitPrice: 1800, finalSale: false, category: 'sample', tags: [] },
        ],
      }),
    });
    expect(res.statusCode).toBe(201);
    const lines = res.json().lineItems as LineBody[];
    expect(lines[0]).toMatchObject({ productId: tea.id, variantId: tea.variants[0]!.id, finalSale: true, category: 'tea', tags: ['gift', 'premium'], imageUrl: 'https://cdn.example.jp/gyokuro-100.png' });
    expect(lines[1]).toMatchObject({ productId: cup.id, variantId: cup.variants[0]!.id, finalSale: false, category: 'ceramics', tags: [], imageUrl: null });
    expect(lines[2]).toMatchObject({ productId: null, variantId: null, finalSale: false, category: null, tags: [], imageUrl: null });
    // What the line says wins over the product.
    expect(lines[3]).toMatchObject({ productId: tea.id, variantId: tea.variants[0]!.id, finalSale: false, category: 'sample', tags: [] });
    // Stored as answered.
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${res.json().id}`, headers: auth });
    expect(read.json().lineItems).toEqual(res.json().lineItems);
  });

  it('links a line loaded before its product on the next update, and keeps what it copied after the product changes', async () => {
    const { auth } = await t.store('Late Catalog');
    const { externalId, ...order } = makeOrder({ lineItems: [{ externalId: 'l1', variantExternalId: 'V-100', title: '玉露', quantity: 1, unitPrice: 1800 }] });
    const first = (await putOrder(auth, externalId!, order)).json();
    expect(first.lineItems[0]).toMatchObject({ productId: null, finalSale: false, category: null });

    const tea = (await putProduct(auth, 'gyokuro', gyokuro)).json() as ProductBody;
    const linked = await putOrder(auth, externalId!, order);
    expect(linked.statusCode).toBe(200);
    expect(linked.json().version).toBe(first.version + 1);
    expect(linked.json().lineItems[0]).toMatchObject({ id: first.lineItems[0].id, productId: tea.id, variantId: tea.variants[0]!.id, finalSale: true, category: 'tea' });

    // The product stops being final sale and moves category; then its variant goes away.
    await putProduct(auth, 'gyokuro', { ...gyokuro, finalSale: false, category: 'drinks' });
    const again = await putOrder(auth, externalId!, order);
    expect(again.json().version).toBe(linked.json().version);
    expect(again.json().lineItems).toEqual(linked.json().lineItems);
    await putProduct(auth, 'gyokuro', { ...gyokuro, variants: [{ externalId: 'V-250', price: 4000, currency: 'JPY' }] });
    const after = await putOrder(auth, externalId!, order);
    expect(after.json().version).toBe(linked.json().version);
    expect(after.json().lineItems[0]).toMatchObject({ variantId: tea.variants[0]!.id, finalSale: true, category: 'tea' });
  });

  it('links Shopify order lines to products loaded with source=shopify, not to API products', async () => {
    const secret = 'shpss_catalog_secret_01';
    const s = await t.store('京都茶舗', { name: 'x', secrets: { shopify: secret } });
    // The fixture's 玉露 line: product 8123456789012345678, variant 4611686018427387911 (ids above 2^53).
    const tea = await putProduct(s.auth, '8123456789012345678', { ...gyokuro, variants: [{ externalId: '4611686018427387911', price: 1800, currency: 'JPY' }] }, '?source=shopify');
    expect(tea.statusCode).toBe(201);
    // The 湯呑み line's variant id, but loaded as an API product (and with another SKU): no link.
    await putProduct(s.auth, 'arita', { ...yunomi, variants: [{ externalId: '4611686018427387913', sku: 'OTHER', price: 3200, currency: 'JPY' }] });
    const body = readFileSync(new URL('./fixtures/shopify/orders-create.ja.json', import.meta.url), 'utf8');
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/shopify/${s.id}`,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': randomUUID(),
        'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body, 'utf8').digest('base64'),
      },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    const order = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${res.json().orderId}`, headers: s.auth })).json();
    const [teaLine, cupLine] = order.lineItems as LineBody[];
    expect(teaLine).toMatchObject({ title: '玉露', productId: tea.json().id, variantId: tea.json().variants[0].id, finalSale: true, category: 'tea' });
    expect(cupLine).toMatchObject({ productId: null, variantId: null, finalSale: false });
  });
});
