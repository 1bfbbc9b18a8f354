import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

/** 12345678901 mod 7 = 3: a valid Yamato / Sagawa / Japan Post number. */
const JP_NUMBER = '123456789013';
const UPS_NUMBER = '1Z5R89390357567127';

describe(`carrier detection API (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let plain: { authorization: string };
  let sagawaStore: { authorization: string };
  beforeAll(async () => {
    t = await testContext();
    plain = (await t.store('Plain Store')).auth;
    sagawaStore = (await t.store('Sagawa Store', { name: 'x', settings: { carriers: ['sagawa'] } })).auth;
  });
  afterAll(async () => t.close());

  const detect = (trackingNumber: string | undefined, headers: Record<string, string> = plain, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/carriers/detect', headers, query: { ...(trackingNumber !== undefined && { trackingNumber }), ...extra } });
  const carriersOf = (body: { matches: Array<{ carrier: string }> }) => body.matches.map((m) => m.carrier);

  it('lists Yamato, Sagawa and Japan Post for a valid 12-digit number, with names and links', async () => {
    const res = await detect(JP_NUMBER);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.trackingNumber).toBe(JP_NUMBER);
    expect(carriersOf(body)).toEqual(['yamato', 'sagawa', 'japan_post']);
    expect(body.matches[0]).toEqual({
      carrier: 'yamato',
      name: { ja: 'ヤマト運輸', en: 'Yamato Transport' },
      trackingUrl: `https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=${JP_NUMBER}`,
      redeliveryUrl: `https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=${JP_NUMBER}`,
      format: 'JP 12-digit (mod 7)',
    });
    expect(Object.keys(body).sort()).toEqual(['matches', 'trackingNumber']);
  });

  it("ranks the store's carriers first, for that store only", async () => {
    expect(carriersOf((await detect(JP_NUMBER, sagawaStore)).json())).toEqual(['sagawa', 'yamato', 'japan_post']);
    expect(carriersOf((await detect(JP_NUMBER, plain)).json())).toEqual(['yamato', 'sagawa', 'japan_post']);
  });

  it('normalises full-width digits, full-width and ASCII hyphens and spaces', async () => {
    for (const input of ['１２３４－５６７８－９０１３', '1234-5678-9013', ' 1234 5678 9013 ', '１２３４ー５６７８ー９０１３']) {
      const body = (await detect(input)).json();
      expect(body.trackingNumber).toBe(JP_NUMBER);
      expect(carriersOf(body)).toEqual(['yamato', 'sagawa', 'japan_post']);
    }
  });

  it('answers an empty list for a number no carrier uses', async () => {
    const res = await detect('123456789010'); // bad check digit for every format
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ trackingNumber: '123456789010', matches: [] });
    expect((await detect('hello')).json()).toEqual({ trackingNumber: 'HELLO', matches: [] });
  });

  it('recognises a UPS 1Z number, lower case and spaced too', async () => {
    const body = (await detect('1z5r 8939 0357 5671 27')).json();
    expect(body.trackingNumber).toBe(UPS_NUMBER);
    expect(carriersOf(body)).toEqual(['ups']);
    expect(body.matches[0].trackingUrl).toBe(`https://www.ups.com/track?loc=ja_JP&tracknum=${UPS_NUMBER}`);
    expect(body.matches[0].redeliveryUrl).toBeNull();
  });

  it('links pages in the language asked for', async () => {
    const body = (await detect(JP_NUMBER, plain, { locale: 'en' })).json();
    expect(body.matches.find((m: { carrier: string }) => m.carrier === 'japan_post').trackingUrl).toContain('locale=en');
    expect((await detect(UPS_NUMBER, plain, { locale: 'en' })).json().matches[0].trackingUrl).toContain('loc=en_US');
  });

  it('refuses a missing or empty number with 422', async () => {
    for (const res of [await detect(undefined), await detect(''), await detect('   ')]) {
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().details.issues[0].path).toBe('trackingNumber');
    }
    expect((await detect(JP_NUMBER, plain, { locale: 'fr' })).statusCode).toBe(422);
  });

  it('needs an API key', async () => {
    expect((await detect(JP_NUMBER, {})).statusCode).toBe(401);
    expect((await detect(JP_NUMBER, { authorization: 'Bearer nope' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/carriers' })).statusCode).toBe(401);
  });

  it('lists the carrier registry with tracking and redelivery pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/carriers', headers: sagawaStore });
    expect(res.statusCode).toBe(200);
    const list = res.json().carriers as Array<Record<string, unknown> & { code: string }>;
    expect(list.map((c) => c.code).slice(0, 3)).toEqual(['yamato', 'sagawa', 'japan_post']);
    expect(list).toHaveLength(14);
    const by = Object.fromEntries(list.map((c) => [c.code, c]));
    expect(by.japan_post).toMatchObject({
      name: { ja: '日本郵便', en: 'Japan Post' },
      country: 'JP',
      detectable: true,
      redelivery: { url: 'https://trackings.post.japanpost.jp/delivery/deli/', viaTrackingPage: false },
      deliversOnWeekends: true,
      preferred: false,
    });
    expect((by.japan_post!.trackingUrlTemplate as { en: string }).en).toContain('{number}');
    expect(by.sagawa).toMatchObject({ preferred: true, redelivery: { viaTrackingPage: true } });
    expect(by.ups).toMatchObject({ redelivery: null, deliversOnWeekends: false, detectable: true });
    expect(by.seino).toMatchObject({ detectable: false });
  });

  it('documents both routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/carriers'].get.tags).toEqual(['carriers']);
    const params = doc.paths['/api/v1/carriers/detect'].get.parameters as Array<{ name: string; required: boolean }>;
    expect(params.find((p) => p.name === 'trackingNumber')?.required).toBe(true);
  });
});
