import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, screenshotPath } from '../support/browser.ts';
import { TEST_DIALECT, testContext, type TestContext } from '../support/context.ts';

describe.skipIf(!browserAvailable)(`API docs in Chromium (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    t = await testContext();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders every resource of the API from the OpenAPI document, with no external requests', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith('data:')) external.push(req.url());
    });
    await page.goto(`${base}/api/docs/`);
    await page.getByText('Otodoke API').first().waitFor({ timeout: 20_000 });
    for (const tag of ['orders', 'shipments', 'customers', 'timeline', 'store']) {
      await expect(page.locator(`#operations-tag-${tag}`).count()).resolves.toBe(1);
    }
    await expect(page.getByText('/api/v1/orders/{id}/cancel').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath(`api-docs-${TEST_DIALECT}`) });
    expect(external).toEqual([]);
    await page.close();
  });
});
