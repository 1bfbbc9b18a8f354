import { z } from 'zod';
import { ingestTrackingEvents } from '../../../app/tracking.ts';
import type { Deps } from '../../../compose.ts';
import { AppError } from '../../../core/shared/errors.ts';
import { carrierWebhookAdapter } from '../../../adapters/carriers/registry.ts';
import { CARRIER_WEBHOOK_PROVIDERS } from '../../../adapters/carriers/types.ts';
import { defineRoute, type AnyRoute } from '../route.ts';

const CarrierWebhookAnswer = z.union([
  z.object({
    status: z.literal('ingested'),
    received: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    matched: z.number().int(),
    orphaned: z.number().int(),
    shipmentsChanged: z.number().int(),
  }),
  z.object({ status: z.literal('ignored'), reason: z.string() }),
]);

/**
 * Tracking webhooks from aggregators and carrier feeds. Each delivery is checked against the
 * store's secret for that provider over the raw bytes, before its body is read; a verified delivery
 * becomes canonical scans, ingested like `POST /api/v1/tracking-events` (idempotent: a retried
 * webhook stores nothing new).
 */
export function carrierWebhookRoutes(deps: Deps): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/webhooks/carriers/:provider/:storeId',
      tag: 'webhooks',
      summary:
        `Carrier tracking webhooks (${CARRIER_WEBHOOK_PROVIDERS.join(', ')}), verified with the store's secret of the same name: ` +
        'AfterShip aftership-hmac-sha256, EasyPost X-Hmac-Signature, Shippo ?token=, 17TRACK sign, Otodoke X-Otodoke-Signature',
      params: z.object({ provider: z.string().min(1).max(50), storeId: z.string().min(1).max(100) }),
      query: z.object({ token: z.string().max(500).optional().describe("Shippo: the token appended to the webhook URL (the store's shippo secret)") }),
      response: CarrierWebhookAnswer,
      auth: false,
      idempotent: false,
      handler: async ({ params, query }, req) => {
        const adapter = carrierWebhookAdapter(params.provider);
        if (!adapter) {
          throw new AppError('UNKNOWN_PROVIDER', `No carrier webhook provider ${params.provider}.`, { provider: params.provider, providers: [...CARRIER_WEBHOOK_PROVIDERS] });
        }
        const store = await deps.persistence.read.stores.get(params.storeId);
        if (!store) throw new AppError('STORE_NOT_FOUND', 'No such store.', { storeId: params.storeId });
        const secret = (await deps.persistence.read.stores.getSecrets(store.id))[adapter.name];
        const raw = req.rawBody ?? Buffer.alloc(0);
        switch (adapter.verify(req.headers, raw, secret, { now: deps.clock.now(), query })) {
          case 'ok':
            break;
          case 'unsigned':
            throw new AppError('WEBHOOK_SECRET_NOT_CONFIGURED', `This store has no ${adapter.name} webhook secret configured.`);
          case 'missing':
            throw new AppError('WEBHOOK_SIGNATURE_MISSING', 'The webhook carries no signature.');
          case 'invalid':
            throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not match its body, or its timestamp is outside the accepted window.');
        }
        const parsed = adapter.parseWebhook(req.headers, raw);
        if (parsed.ignored !== undefined || parsed.events.length === 0) {
          return { status: 'ignored' as const, reason: parsed.ignored ?? 'the delivery carries no scans' };
        }
        const summary = await ingestTrackingEvents(deps, store.id, parsed.events, { source: adapter.name, actor: adapter.name });
        return { status: 'ingested' as const, ...summary };
      },
    }),
  ];
}
