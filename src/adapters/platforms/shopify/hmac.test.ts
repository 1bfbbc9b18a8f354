import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shopifyHmac, verifyShopifyHmac } from './hmac.ts';

const body = Buffer.from('{"id":820982911946154508,"email":"hanako@example.jp","note":"置き配希望"}', 'utf8');
const secret = 'shpss_test_secret_0123456789';

describe('Shopify HMAC', () => {
  it('is base64 HMAC-SHA256 of the raw bytes', () => {
    expect(shopifyHmac(body, secret)).toBe(createHmac('sha256', secret).update(body).digest('base64'));
  });

  it('accepts the right signature', () => {
    expect(verifyShopifyHmac(body, secret, shopifyHmac(body, secret))).toBe(true);
  });

  it('refuses another secret, another body, a truncated or malformed header', () => {
    const good = shopifyHmac(body, secret);
    expect(verifyShopifyHmac(body, 'another-secret-xyz', good)).toBe(false);
    expect(verifyShopifyHmac(Buffer.concat([body, Buffer.from(' ')]), secret, good)).toBe(false);
    expect(verifyShopifyHmac(body, secret, good.slice(0, 20))).toBe(false);
    expect(verifyShopifyHmac(body, secret, '')).toBe(false);
    expect(verifyShopifyHmac(body, secret, 'not base64 at all!')).toBe(false);
    expect(verifyShopifyHmac(body, secret, createHmac('sha256', secret).update(body).digest('hex'))).toBe(false);
  });

  it('is computed over bytes, not over re-serialised JSON', () => {
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(verifyShopifyHmac(reformatted, secret, shopifyHmac(body, secret))).toBe(false);
  });
});
