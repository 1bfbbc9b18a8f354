import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierFixture, signDelivery } from '../src/adapters/carriers/fixtures.test-support.ts';
import { signOtodoke } from '../src/adapters/carriers/otodoke/otodoke.webhook.ts';
import type { CarrierWebhookProvider } from '../src/adapters/carriers/types.ts';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

const SECRETS = {
  aftership: 'as_whsec_5b1e9c0d7a',
  easypost: 'ep_whsec_ｔｅｓｔ_42',
  shippo: 'shippo_tok_8f2c4a',
  '17track': '17t_key_0e3d9b7c',
  otodoke: 'otk_secret_a1b2c3',
} as const;

const OTHER_SECRETS = {
  aftership: 'as_other_store_1',
  easypost: 'ep_other_store_2',
  shippo: 'shippo_other_store_3',
  '17track': '17t_other_store_4',
  otodoke: 'otk_other_store_5',
} as const;

/** Each provider's fixture, the number it tracks, the carrier the merchant ships with, what it ends in. */
const CASES: { provider: CarrierWebhookProvider; file: string; number: string; carrier: string; scans: number; status: string; substatus: string | null }[] = [
  { provider: 'aftership', file: 'tracking-update-yamato.json', number: '432109876542', carrier: 'yamato', scans: 5, status: 'delivered', substatus: null },
  { provider: 'easypost', file: 'tracker-updated-usps-weather.json', number: '9400111899223852411635', carrier: 'usps', scans: 4, status: 'in_transit', substatus: 'in_transit.delayed' },
  { provider: 'shippo', file: 'track-updated-ups-delivered.json', number: '1Z999AA10123456784', carrier: 'ups', scans: 5, status: 'delivered', substatus: null },
  { provider: '17track', file: 'tracking-updated-japan-post-ems.json', number: 'EJ123456785JP', carrier: 'japan_post', scans: 5, status: 'out_for_delivery', substatus: null },
  { provider: 'otodoke', file: 'sagawa-feed.json', number: '360123456781', carrier: 'sagawa', scans: 4, status: 'attempt_failed', substatus: 'attempt_failed.notice_left' },
];

/** A fixture rewritten for another tracking number (every occurrence). */
const withNumber = (raw: Buffer, from: string, to: string) => Buffer.from(raw.toString('utf8').split(from).join(to), 'utf8');

describe(`carrier webhooks (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let store: { id: string; auth: { authorization: string } };
  let other: { id: string; auth: { authorization: string } };
  let bare: { id: string; auth: { authorization: string } };

  beforeAll(async () => {
    t = await testContext();
    store = await t.store('x', { name: 'x', secrets: { ...SECRETS } });
    other = await t.store('y', { name: 'y', secrets: { ...OTHER_SECRETS } });
    bare = await t.store('z', { name: 'z' });
  });
  afterAll(async () => t.close());

  const post = (provider: string, storeId: string, raw: Buffer, headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/webhooks/carriers/${provider}/${storeId}`,
      query,
      headers: { 'content-type': 'application/json', ...headers },
      payload: raw,
    });
  const postSigned = (provider: CarrierWebhookProvider, storeId: string, raw: Buffer, secret: string = SECRETS[provider]) => {
    const signed = signDelivery(provider, raw, secret, t.clock.now());
    return post(provider, storeId, raw, signed.headers, signed.query);
  };
  const ship = async (trackingNumber: string, carrier: string) => {
    const order = (await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: store.auth, payload: makeOrder() })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/shipments`, headers: store.auth, payload: { carrier, trackingNumber } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  };
  const find = async (trackingNumber: string, auth = store.auth) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/shipments?trackingNumber=${encodeURIComponent(trackingNumber)}`, headers: auth });
    expect(res.statusCode).toBe(200);
    return res.json().items as { id: string; status: string; substatus: string | null; events: { status: string | null; message: string | null }[] }[];
  };

  it.each(CASES)('$provider: a signed delivery moves the shipment to $status', async (c) => {
    const s = await ship(c.number, c.carrier);
    expect(s.status).toBe('info_received');
    const res = await postSigned(c.provider, store.id, carrierFixture(c.provider, c.file));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ingested', received: c.scans, stored: c.scans, duplicates: 0, matched: c.scans, orphaned: 0, shipmentsChanged: 1 });
    const [got] = await find(c.number);
    expect(got?.id).toBe(s.id);
    expect(got?.status).toBe(c.status);
    expect(got?.substatus ?? null).toBe(c.substatus);
    expect(got?.events).toHaveLength(c.scans);
  });

  it('stores a repeated webhook once and changes nothing the second time', async () => {
    const raw = withNumber(carrierFixture('aftership', 'tracking-update-yamato.json'), '432109876542', '432109876564');
    await ship('432109876564', 'yamato');
    expect((await postSigned('aftership', store.id, raw)).json()).toMatchObject({ stored: 5, duplicates: 0 });
    const again = await postSigned('aftership', store.id, raw);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'ingested', received: 5, stored: 0, duplicates: 5, matched: 0, orphaned: 0, shipmentsChanged: 0 });
    expect((await find('432109876564'))[0]?.events).toHaveLength(5);
  });

  it('keeps scans for a number no shipment has yet, and gives them to the shipment when it appears', async () => {
    const raw = withNumber(carrierFixture('17track', 'tracking-updated-japan-post-ems.json'), 'EJ123456785JP', 'EJ765432106JP');
    const early = await postSigned('17track', store.id, raw);
    expect(early.json()).toMatchObject({ status: 'ingested', stored: 5, matched: 0, orphaned: 5, shipmentsChanged: 0 });
    expect(await find('EJ765432106JP')).toEqual([]);
    // The merchant types the number with spaces; it is the same parcel.
    const s = await ship('EJ 765 432 106 JP', 'japan_post');
    expect(s.status).toBe('out_for_delivery');
    expect((await find('EJ765432106JP'))[0]?.events).toHaveLength(5);
  });

  it('refuses a bad signature, no signature, another store secret, or a store without the secret, storing nothing', async () => {
    const number = '432109876575';
    const raw = withNumber(carrierFixture('aftership', 'tracking-update-yamato.json'), '432109876542', number);
    const good = signDelivery('aftership', raw, SECRETS.aftership, t.clock.now()).headers;
    const tampered = Buffer.from(raw.toString('utf8').replace('配達完了', '配達中'), 'utf8');
    const attempts = [
      { res: await post('aftership', store.id, tampered, good), code: 'WEBHOOK_SIGNATURE_INVALID' },
      { res: await post('aftership', store.id, raw), code: 'WEBHOOK_SIGNATURE_MISSING' },
      { res: await postSigned('aftership', store.id, raw, OTHER_SECRETS.aftership), code: 'WEBHOOK_SIGNATURE_INVALID' },
      { res: await postSigned('aftership', bare.id, raw), code: 'WEBHOOK_SECRET_NOT_CONFIGURED' },
      { res: await postSigned('shippo', store.id, withNumber(carrierFixture('shippo', 'track-updated-ups-delivered.json'), '1Z999AA10123456784', number), OTHER_SECRETS.shippo), code: 'WEBHOOK_SIGNATURE_INVALID' },
    ];
    for (const { res, code } of attempts) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    // Had anything been kept for the number, the new shipment would take it.
    const s = await ship(number, 'yamato');
    expect(s.status).toBe('info_received');
    expect((await find(number))[0]?.events).toEqual([]);
    // The same delivery, signed by the other store's secret, is good for the other store.
    expect((await postSigned('aftership', other.id, raw, OTHER_SECRETS.aftership)).json()).toMatchObject({ status: 'ingested', orphaned: 5 });
    expect((await find(number))[0]?.events).toEqual([]);
  });

  it('refuses an Otodoke delivery signed more than five minutes ago, and accepts it fresh', async () => {
    const number = '360123456792';
    await ship(number, 'sagawa');
    const raw = withNumber(carrierFixture('otodoke', 'sagawa-feed.json'), '360123456781', number);
    const sixMinutesAgo = t.clock.now().getTime() / 1000 - 360;
    const replayed = await post('otodoke', store.id, raw, { 'x-otodoke-signature': signOtodoke(raw, SECRETS.otodoke, sixMinutesAgo) });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await find(number))[0]?.events).toEqual([]);
    const fourMinutesAgo = t.clock.now().getTime() / 1000 - 240;
    const fresh = await post('otodoke', store.id, raw, { 'x-otodoke-signature': signOtodoke(raw, SECRETS.otodoke, fourMinutesAgo) });
    expect(fresh.json()).toMatchObject({ status: 'ingested', stored: 4, matched: 4 });
  });

  it('answers 404 for an unknown provider or store', async () => {
    const raw = carrierFixture('aftership', 'tracking-update-yamato.json');
    const unknown = await post('fedex', store.id, raw, { 'aftership-hmac-sha256': 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNKNOWN_PROVIDER');
    const noStore = await postSigned('aftership', 'str_does_not_exist', raw);
    expect(noStore.statusCode).toBe(404);
    expect(noStore.json().code).toBe('STORE_NOT_FOUND');
  });

  it('answers 422 with the path for a signed delivery that does not fit the provider, storing nothing', async () => {
    const number = '9400111899223852411642';
    const raw = Buffer.from(
      JSON.stringify({ object: 'Event', description: 'tracker.updated', result: { tracking_code: number, carrier: 'USPS', tracking_details: [{ status: 'delivered', datetime: 'yesterday' }] } }),
    );
    const res = await postSigned('easypost', store.id, raw);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: 'result.tracking_details.0.datetime' })] } });
    expect((await ship(number, 'usps')).status).toBe('info_received');
  });

  it('answers 400 for a body that is not JSON, before anything is checked', async () => {
    const res = await post('17track', store.id, Buffer.from('{"event": "TRACKING_UPDATED", '), { sign: 'whatever' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_JSON');
  });

  it('acknowledges deliveries with nothing to ingest', async () => {
    const stopped = await postSigned('17track', store.id, carrierFixture('17track', 'tracking-stopped.json'));
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json()).toEqual({ status: 'ignored', reason: '17TRACK stopped tracking this number' });
    const batch = await postSigned('easypost', store.id, Buffer.from(JSON.stringify({ object: 'Event', description: 'batch.updated', result: { object: 'Batch' } })));
    expect(batch.json()).toMatchObject({ status: 'ignored' });
  });

  it('takes the Shippo token from an X-Shippo-Token header too, and refuses a wrong one', async () => {
    const raw = withNumber(carrierFixture('shippo', 'track-updated-ups-delivered.json'), '1Z999AA10123456784', '1Z999AA10123456806');
    expect((await post('shippo', store.id, raw, { 'x-shippo-token': 'nope' })).json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await post('shippo', store.id, raw)).json().code).toBe('WEBHOOK_SIGNATURE_MISSING');
    const ok = await post('shippo', store.id, raw, { 'x-shippo-token': SECRETS.shippo });
    expect(ok.json()).toMatchObject({ status: 'ingested', stored: 5 });
  });

  it('documents the route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/webhooks/carriers/{provider}/{storeId}']?.post;
    expect(op).toBeDefined();
    expect(op.security).toBeUndefined();
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['provider', 'storeId', 'token']);
  });
});
