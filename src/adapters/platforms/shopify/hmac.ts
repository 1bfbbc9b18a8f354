import { createHmac, timingSafeEqual } from 'node:crypto';

/** Shopify signs each webhook: base64 of HMAC-SHA256 over the raw request body, keyed by the app secret. */
export function shopifyHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * Checks an `X-Shopify-Hmac-Sha256` header against the raw body, in constant time. The header is
 * decoded from base64 and compared byte for byte with the expected digest; a header of the wrong
 * length is refused before the comparison (timingSafeEqual needs equal lengths).
 */
export function verifyShopifyHmac(rawBody: Buffer | string, secret: string, header: string): boolean {
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const trimmed = header.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return false;
  const given = Buffer.from(trimmed, 'base64');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
