import { readFileSync } from 'node:fs';
import { sign17Track } from './17track/17track.webhook.ts';
import { signAfterShip } from './aftership/aftership.webhook.ts';
import { signEasyPost } from './easypost/easypost.webhook.ts';
import { signOtodoke } from './otodoke/otodoke.webhook.ts';
import type { CarrierWebhookProvider } from './types.ts';

/** The raw bytes of a recorded payload in `<provider>/fixtures/`. */
export const carrierFixture = (provider: CarrierWebhookProvider, name: string): Buffer => readFileSync(new URL(`./${provider}/fixtures/${name}`, import.meta.url));

/** What a provider adds to a delivery to authenticate it: headers, and for Shippo a URL token. */
export interface SignedDelivery {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** Signs a body the way the provider does, with the store's secret, at `now`. */
export function signDelivery(provider: CarrierWebhookProvider, raw: Buffer, secret: string, now: Date): SignedDelivery {
  switch (provider) {
    case 'aftership':
      return { headers: { 'aftership-hmac-sha256': signAfterShip(raw, secret) }, query: {} };
    case 'easypost':
      return { headers: { 'x-hmac-signature': signEasyPost(raw, secret) }, query: {} };
    case 'shippo':
      return { headers: {}, query: { token: secret } };
    case '17track':
      return { headers: { sign: sign17Track(raw, secret) }, query: {} };
    case 'otodoke':
      return { headers: { 'x-otodoke-signature': signOtodoke(raw, secret, now.getTime() / 1000) }, query: {} };
  }
}
