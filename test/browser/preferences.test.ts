import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferencesToken } from '../../src/app/preferences.ts';
import { browserAvailable, launchBrowser, screenshotPath } from '../support/browser.ts';
import { makeOrder } from '../support/builders.ts';
import { TEST_DIALECT, testContext, type TestContext } from '../support/context.ts';

describe.skipIf(!browserAvailable)(`shopper preferences page in Chromium (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;
  let store: { id: string; auth: { authorization: string } };

  beforeAll(async () => {
    t = await testContext();
    store = await t.store('抹茶屋', { name: 'x', settings: { brand: { primaryColor: '#2f5d3a', accentColor: '#c8a24a' } } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function shopper() {
    const base = makeOrder();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: store.auth, payload: makeOrder({ customer: { ...base.customer, locale: 'ja', consents: { email: true, sms: true } } }) });
    const customerId = res.json().customerId as string;
    return { customerId, token: await preferencesToken(t.deps, store.id, customerId) };
  }
  const consents = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/customers/${id}`, headers: store.auth })).json().consents;

  for (const javaScriptEnabled of [true, false]) {
    it(`unchecks SMS, saves and confirms in Japanese (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { customerId, token } = await shopper();
      const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US', viewport: { width: 420, height: 860 } });
      const external: string[] = [];
      const page = await context.newPage();
      page.on('request', (req) => {
        if (!req.url().startsWith(base)) external.push(req.url());
      });
      await page.goto(`${base}/p/${token}`);
      // The customer's own language wins over the browser's.
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('通知設定');
      const sms = page.getByRole('checkbox', { name: /SMS/ });
      const email = page.getByRole('checkbox', { name: /メール/ });
      await expect(sms.isChecked()).resolves.toBe(true);
      await expect(email.isChecked()).resolves.toBe(true);
      await expect(page.getByRole('group', { name: 'ご注文・配送のお知らせ' }).count()).resolves.toBe(1);
      if (!javaScriptEnabled) await page.screenshot({ path: screenshotPath(`preferences-ja-${TEST_DIALECT}`), fullPage: true });
      await sms.uncheck();
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByRole('status').waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toContain('設定を保存しました');
      await expect(page.locator('body').textContent()).resolves.toMatch(/SMS（ショートメッセージ）:\s*受け取らない/);
      if (javaScriptEnabled) await page.screenshot({ path: screenshotPath(`preferences-saved-ja-${TEST_DIALECT}`), fullPage: true });
      expect(await consents(customerId)).toMatchObject({ email: true, sms: false });

      // Back to the form, then the switch link shows it in English.
      await page.getByRole('link', { name: '設定を変更する' }).click();
      await expect(page.getByRole('checkbox', { name: /SMS/ }).isChecked()).resolves.toBe(false);
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Notification preferences');
      await expect(page.getByRole('checkbox', { name: /SMS/ }).isChecked()).resolves.toBe(false);
      expect(external).toEqual([]);
      await context.close();
    });
  }

  it('shows a not-valid page for a tampered link', async () => {
    const { token } = await shopper();
    const page = await browser.newPage({ locale: 'ja-JP' });
    const res = await page.goto(`${base}/p/${token.slice(0, -4)}AAAA`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('このリンクは無効です');
    await page.close();
  });
});
