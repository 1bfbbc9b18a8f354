import { track17 } from './17track/17track.webhook.ts';
import { aftership } from './aftership/aftership.webhook.ts';
import { easypost } from './easypost/easypost.webhook.ts';
import { otodoke } from './otodoke/otodoke.webhook.ts';
import { shippo } from './shippo/shippo.webhook.ts';
import { CARRIER_WEBHOOK_PROVIDERS, type CarrierWebhookAdapter, type CarrierWebhookProvider } from './types.ts';

const ADAPTERS: Readonly<Record<CarrierWebhookProvider, CarrierWebhookAdapter>> = Object.freeze({
  aftership,
  easypost,
  shippo,
  '17track': track17,
  otodoke,
});

/** Every carrier-webhook adapter, in CARRIER_WEBHOOK_PROVIDERS order. */
export function listCarrierWebhookAdapters(): readonly CarrierWebhookAdapter[] {
  return CARRIER_WEBHOOK_PROVIDERS.map((p) => ADAPTERS[p]);
}

/** The adapter for a provider name as it appears in the URL, or undefined. */
export function carrierWebhookAdapter(provider: string): CarrierWebhookAdapter | undefined {
  return Object.hasOwn(ADAPTERS, provider) ? ADAPTERS[provider as CarrierWebhookProvider] : undefined;
}
