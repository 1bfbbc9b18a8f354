import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInboundSms, preferenceLinks, preferencesToken, verifyPreferencesToken } from '../src/app/preferences.ts';
import { makeOrder } from './support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from './support/context.ts';

describe(`shopper preferences and unsubscribe (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let a: { id: string; auth: { authorization: string } };
  let b: { id: string; auth: { authorization: string } };

  beforeAll(async () => {
    t = await testContext();
    a = await t.store('Matcha Ya', { name: 'x', settings: { brand: { primaryColor: '#2f5d3a' } } });
    b = await t.store('Other Shop');
  });
  afterAll(async () => t?.close());

  /** A new customer of `store` (via an order), with `consents` and `locale`. */
  async function customer(store = a, over: { locale?: 'ja' | 'en'; consents?: Record<string, boolean>; phone?: string } = {}) {
    const base = makeOrder();
    const order = makeOrder({ customer: { ...base.customer, phone: over.phone ?? base.customer!.phone, locale: over.locale ?? 'ja', consents: { email: true, sms: true, marketing: true, ...over.consents } } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: store.auth, payload: order });
    expect(res.statusCode).toBe(201);
    return res.json().customerId as string;
  }
  const consents = async (customerId: string, store = a) => (await t.app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}`, headers: store.auth })).json().consents;
  const prefEvents = async (customerId: string, store = a) => {
    const items = (await t.app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}/timeline`, headers: store.auth })).json().items as Array<{ type: string; actor: string; data: Record<string, unknown> }>;
    return items.filter((e) => e.type === 'customer.preferences_updated');
  };
  const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('signs tokens that verify, and refuses altered ones', async () => {
    const id = await customer();
    const token = await preferencesToken(t.deps, a.id, id);
    expect(await preferencesToken(t.deps, a.id, id)).toBe(token);
    await expect(verifyPreferencesToken(t.deps, token)).resolves.toEqual({ storeId: a.id, customerId: id });
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    for (const bad of [flipped, token + 'x', token.replace(a.id, b.id), 'nonsense', `${a.id}.${id}.`, '']) {
      await expect(verifyPreferencesToken(t.deps, bad)).resolves.toBeNull();
    }
    const links = await preferenceLinks(t.deps, a.id, id, 'https://track.example.jp/');
    expect(links.preferences).toBe(`https://track.example.jp/p/${token}`);
    expect(links.emailHeaders).toEqual({ 'List-Unsubscribe': `<https://track.example.jp/u/${token}?channel=email>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    // The signing key is a store secret: listed by name, never shown.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/store', headers: a.auth })).json().secrets).toContain('links');
  });

  it('shows the page in the customer language, then the browser one, with a switch link and the brand', async () => {
    const ja = await customer(a, { locale: 'ja' });
    const token = await preferencesToken(t.deps, a.id, ja);
    const res = await t.app.inject({ method: 'GET', url: `/p/${token}`, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="ja">');
    expect(res.body).toContain('通知設定');
    expect(res.body).toContain('<label for="pref-email">メール');
    expect(res.body).toContain('<label for="pref-sms">SMS');
    expect(res.body).not.toContain('pref-line');
    expect(res.body).toContain('#2f5d3a');
    expect(res.body).toContain(`<a href="/p/${token}?lang=en" lang="en" hreflang="en">English</a>`);
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toMatch(/shopper\d+@example\.jp/);
    const en = await t.app.inject({ method: 'GET', url: `/p/${token}?lang=en` });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Notification preferences');
    expect(en.body).toContain('Order and delivery updates');
    expect(en.body).toContain('Receive news and offers from Matcha Ya');
  });

  it('picks English from Accept-Language when the customer has no language', async () => {
    const id = await customer();
    await t.deps.persistence.transaction(async (r) => {
      const c = (await r.customers.get(a.id, id))!;
      await r.customers.update({ ...c, locale: null });
    });
    const token = await preferencesToken(t.deps, a.id, id);
    const res = await t.app.inject({ method: 'GET', url: `/p/${token}`, headers: { 'accept-language': 'en-US,en;q=0.9,ja;q=0.5' } });
    expect(res.body).toContain('<html lang="en">');
  });

  it('saves the choices, writes a timeline event and confirms in the same language', async () => {
    const id = await customer(a, { locale: 'en' });
    const token = await preferencesToken(t.deps, a.id, id);
    // SMS unchecked (not sent), email kept, marketing unchecked.
    const res = await t.app.inject({ method: 'POST', url: `/p/${token}?lang=en`, ...form({ channels: 'email,sms', email: 'on' }) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Your preferences have been saved');
    expect(res.body).toContain('role="status"');
    expect(await consents(id)).toEqual({ email: true, sms: false, line: false, marketing: false });
    const events = await prefEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor).toBe('shopper');
    expect(events[0]!.data).toMatchObject({ via: 'preferences_page', changes: { sms: { from: true, to: false }, marketing: { from: true, to: false } } });

    // The same choices again change nothing and write nothing.
    const again = await t.app.inject({ method: 'POST', url: `/p/${token}`, ...form({ channels: 'email,sms', email: 'on' }) });
    expect(again.body).toContain('Your preferences are unchanged');
    expect(await prefEvents(id)).toHaveLength(1);

    // A channel the page did not show keeps its value; a Japanese confirmation for ?lang=ja.
    const ja = await t.app.inject({ method: 'POST', url: `/p/${token}?lang=ja`, ...form({ channels: 'email', marketing: 'on' }) });
    expect(ja.body).toContain('設定を保存しました');
    expect(await consents(id)).toEqual({ email: false, sms: false, line: false, marketing: true });
  });

  it('answers a tampered or unknown token with a 404 page and writes nothing', async () => {
    const id = await customer();
    const token = await preferencesToken(t.deps, a.id, id);
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    const other = await customer(a);
    const swapped = token.replace(id, other);
    for (const bad of [tampered, swapped, 'sto_x.cus_y.zzz']) {
      const get = await t.app.inject({ method: 'GET', url: `/p/${encodeURIComponent(bad)}`, headers: { 'accept-language': 'en' } });
      expect(get.statusCode).toBe(404);
      expect(get.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(get.body).toContain('This link is not valid');
      const post = await t.app.inject({ method: 'POST', url: `/p/${encodeURIComponent(bad)}`, ...form({ channels: 'email,sms' }) });
      expect(post.statusCode).toBe(404);
      expect(post.body).toContain('このリンクは無効です');
      const oneClick = await t.app.inject({ method: 'POST', url: `/u/${encodeURIComponent(bad)}?channel=email`, ...form({ 'List-Unsubscribe': 'One-Click' }) });
      expect(oneClick.statusCode).toBe(404);
    }
    expect(await consents(id)).toEqual({ email: true, sms: true, line: false, marketing: true });
    expect(await consents(other)).toEqual({ email: true, sms: true, line: false, marketing: true });
    expect(await prefEvents(id)).toHaveLength(0);
    expect(await prefEvents(other)).toHaveLength(0);
  });

  it("cannot reach another store's customer by swapping ids", async () => {
    const mine = await customer(a);
    const theirs = await customer(b);
    const token = await preferencesToken(t.deps, a.id, mine);
    // Store A's MAC with store B's ids, and a token store A signs for store B's customer.
    const attempts = [token.replace(a.id, b.id), token.replace(a.id, b.id).replace(mine, theirs), await preferencesToken(t.deps, a.id, theirs)];
    for (const bad of attempts) {
      expect((await t.app.inject({ method: 'GET', url: `/p/${bad}` })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'POST', url: `/p/${bad}`, ...form({ channels: 'email,sms' }) })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'POST', url: `/u/${bad}?channel=sms`, ...form({ 'List-Unsubscribe': 'One-Click' }) })).statusCode).toBe(404);
    }
    expect(await consents(theirs, b)).toEqual({ email: true, sms: true, line: false, marketing: true });
    expect(await prefEvents(theirs, b)).toHaveLength(0);
  });

  it('unsubscribes in one click (RFC 8058), form-encoded or multipart, and never on GET', async () => {
    const id = await customer();
    const token = await preferencesToken(t.deps, a.id, id);
    const get = await t.app.inject({ method: 'GET', url: `/u/${token}?channel=email` });
    expect(get.statusCode).toBe(200);
    expect(get.body).toContain('配信を停止する');
    expect(get.body).toContain(`action="/u/${token}?channel=email&amp;lang=ja"`);
    expect(await consents(id)).toEqual({ email: true, sms: true, line: false, marketing: true });
    expect(await prefEvents(id)).toHaveLength(0);

    const post = await t.app.inject({ method: 'POST', url: `/u/${token}?channel=email`, ...form({ 'List-Unsubscribe': 'One-Click' }) });
    expect(post.statusCode).toBe(200);
    expect(post.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(await consents(id)).toEqual({ email: false, sms: true, line: false, marketing: false });
    const events = await prefEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ via: 'one_click', channel: 'email' });

    // A repeat is answered 200 and writes nothing more.
    expect((await t.app.inject({ method: 'POST', url: `/u/${token}?channel=email`, ...form({ 'List-Unsubscribe': 'One-Click' }) })).statusCode).toBe(200);
    expect(await prefEvents(id)).toHaveLength(1);

    const boundary = '----otodoke';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const mp = await t.app.inject({ method: 'POST', url: `/u/${token}?channel=sms`, payload: multipart, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(mp.statusCode).toBe(200);
    expect(await consents(id)).toEqual({ email: false, sms: false, line: false, marketing: false });
  });

  it('unsubscribes from the confirm page button with a page in the shopper language', async () => {
    const id = await customer(a, { locale: 'en' });
    const token = await preferencesToken(t.deps, a.id, id);
    const res = await t.app.inject({ method: 'POST', url: `/u/${token}?channel=sms&lang=en`, ...form({ confirm: 'yes' }) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('You have been unsubscribed from SMS');
    expect(await consents(id)).toEqual({ email: true, sms: false, line: false, marketing: false });
    expect((await t.app.inject({ method: 'GET', url: `/u/${token}?channel=fax` })).statusCode).toBe(404);
  });

  it('accepts form bodies only on the shopper pages: the JSON API still refuses them', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: { ...a.auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('turns SMS off on STOP and back on on START, by the sender phone number', async () => {
    const id = await customer(a, { phone: '090-5555-0101' });
    await expect(applyInboundSms(t.deps, a.id, '+819055550101', 'where is my parcel?')).resolves.toEqual({ keyword: null, customerId: null, changed: false });
    await expect(applyInboundSms(t.deps, a.id, '+819055550101', '配信停止')).resolves.toEqual({ keyword: 'opt_out', customerId: id, changed: true });
    expect((await consents(id)).sms).toBe(false);
    await expect(applyInboundSms(t.deps, a.id, '09055550101', 'STOP')).resolves.toEqual({ keyword: 'opt_out', customerId: id, changed: false });
    await expect(applyInboundSms(t.deps, a.id, '+819055550101', 'start')).resolves.toEqual({ keyword: 'opt_in', customerId: id, changed: true });
    expect((await consents(id)).sms).toBe(true);
    const events = await prefEvents(id);
    expect(events.map((e) => [e.actor, e.data.via, e.data.changes])).toEqual([
      ['sms', 'sms_keyword', { sms: { from: true, to: false } }],
      ['sms', 'sms_keyword', { sms: { from: false, to: true } }],
    ]);
    // Another store's shopper with the same number is not touched.
    await expect(applyInboundSms(t.deps, b.id, '+819055550101', 'STOP')).resolves.toEqual({ keyword: 'opt_out', customerId: null, changed: false });
  });
});
