import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { authenticateWebhook, ingestPlatformWebhook } from '../../../app/shopify-intake.ts';
import { isAppError } from '../../../core/shared/errors.ts';
import { verifyShopifyHmac } from '../../../adapters/platforms/shopify/hmac.ts';
import { SHOPIFY_SOURCE } from '../../../adapters/platforms/shopify/order.mapper.ts';
import { isShopifyTopic, mapShopifyWebhook, parseShopifyBody, SHOPIFY_TOPICS } from '../../../adapters/platforms/shopify/webhook.ts';
import type { Deps } from '../../../compose.ts';
import { defineRoute, type AnyRoute } from '../route.ts';

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

const WebhookAnswer = z.object({
  status: z.enum(['created', 'updated', 'unchanged', 'duplicate', 'ignored']),
  orderId: z.string().optional(),
  shipmentId: z.string().optional(),
});

/** Inbound webhooks (platforms, carriers). Each verifies its signature over the raw body. */
export function webhookRoutes(deps: Deps): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/webhooks/shopify/:storeId',
      tag: 'webhooks',
      summary: `Shopify webhooks (${SHOPIFY_TOPICS.join(', ')}), signed with X-Shopify-Hmac-Sha256 over the raw body using the store's shopify secret`,
      params: z.object({ storeId: z.string().min(1).max(100) }),
      response: WebhookAnswer,
      auth: false,
      idempotent: false,
      handler: async ({ params }, req, reply) => {
        const raw = req.rawBody ?? Buffer.alloc(0);
        await authenticateWebhook(deps, params.storeId, 'shopify', header(req, 'x-shopify-hmac-sha256'), (secret, signature) => verifyShopifyHmac(raw, secret, signature));
        const topic = header(req, 'x-shopify-topic') ?? '';
        // Fastify's parsed body has lost the digits of 64-bit ids: map from the raw bytes instead.
        const intake = isShopifyTopic(topic) ? mapShopifyWebhook(topic, parseShopifyBody(raw)) : ({ kind: 'ignored' } as const);
        try {
          return await ingestPlatformWebhook(deps, params.storeId, { source: SHOPIFY_SOURCE, webhookId: header(req, 'x-shopify-webhook-id') ?? null, topic }, intake);
        } catch (e) {
          if (isAppError(e) && e.code === 'ORDER_NOT_YET_KNOWN') reply.header('retry-after', '300');
          throw e;
        }
      },
    }),
  ];
}
