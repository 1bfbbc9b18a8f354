import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'kysely';
import { AppError } from '../../core/shared/errors.ts';
import type { Deps } from '../../compose.ts';
import { sendProblem, toAppError } from './problem.ts';
import { openApiDocument, registerRoute, type AnyRoute } from './route.ts';
import { orderRoutes } from './routes/orders.routes.ts';
import { shipmentRoutes } from './routes/shipments.routes.ts';
import { customerRoutes } from './routes/customers.routes.ts';
import { productRoutes } from './routes/products.routes.ts';
import { storeRoutes } from './routes/store.routes.ts';
import { jobRoutes } from './routes/jobs.routes.ts';
import { webhookRoutes } from './routes/webhooks.routes.ts';
import { carrierRoutes } from './routes/carriers.routes.ts';
import { carrierWebhookRoutes } from './routes/carrier-webhooks.routes.ts';
import { messageRoutes } from './routes/messages.routes.ts';
import { preferencesRoutes } from './routes/preferences.routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
    idempotency?: { storeId: string; key: string; done: boolean };
  }
  interface FastifyContextConfig {
    auth?: boolean;
    idempotent?: boolean;
  }
}

export const VERSION = '0.1.0';

/** Every documented route of the public API and the webhooks. */
export function allRoutes(deps: Deps): AnyRoute[] {
  return [...storeRoutes(deps), ...orderRoutes(deps), ...shipmentRoutes(deps), ...customerRoutes(deps), ...productRoutes(deps), ...jobRoutes(deps), ...webhookRoutes(deps), ...carrierRoutes(deps), ...carrierWebhookRoutes(deps), ...messageRoutes(deps)];
}

export async function buildServer(deps: Deps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: deps.config.LOG_LEVEL,
          serializers: {
            // Never log credentials: tokens in query strings (Shippo's webhook token) are masked,
            // and so are the signed shopper links, whose path is the credential.
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: req.url.replace(/([?&](?:token|key)=)[^&]*/gi, '$1…').replace(/^\/(p|u|t)\/[^/?]+/, '/$1/…'),
              ip: req.ip,
            }),
          },
        }
      : false,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy: false,
  });

  // Keep the raw bytes of every JSON body: webhook signatures are computed over them.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json/, { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(new AppError('INVALID_JSON', 'The request body is not valid JSON.'), undefined);
    }
  });

  app.setErrorHandler((error, req, reply) => {
    const e = toAppError(error);
    if (e) return sendProblem(reply, e, req.url);
    req.log.error({ err: error }, 'unhandled error');
    return reply.code(500).type('application/problem+json').send({ type: 'about:blank', title: 'Internal error', status: 500, code: 'INTERNAL' });
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, new AppError('ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}.`), req.url));

  app.addHook('preHandler', async (req) => {
    const cfg = req.routeOptions.config;
    if (!req.url.startsWith('/api/v1/') || cfg.auth === false) return;
    req.store = await deps.auth.authenticate(req.headers.authorization);
  });

  // Idempotency-Key on POST: the first answer is kept and replayed to retries of the same request.
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (!req.store || !req.routeOptions.config.idempotent || typeof key !== 'string' || !key) return;
    if (key.length > 255) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key is longer than 255 characters.');
    const hash = createHash('sha256').update(`${req.method} ${req.url}\n`).update(req.rawBody ?? Buffer.alloc(0)).digest('hex');
    const prior = await deps.persistence.read.idempotency.claim(req.store.id, key, hash, deps.clock.now().toISOString());
    if (!prior) {
      req.idempotency = { storeId: req.store.id, key, done: false };
      return;
    }
    if (prior.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.');
    if (prior.state === 'in_progress') throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed.');
    return reply.code(prior.responseStatus ?? 200).header('idempotent-replayed', 'true').type('application/json').send(prior.responseBody ?? '');
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem || idem.done) return payload;
    idem.done = true;
    if (reply.statusCode >= 500) await deps.persistence.read.idempotency.release(idem.storeId, idem.key);
    else await deps.persistence.read.idempotency.complete(idem.storeId, idem.key, reply.statusCode, typeof payload === 'string' ? payload : JSON.stringify(payload ?? null));
    return payload;
  });

  app.get('/healthz', { config: { auth: false } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { auth: false } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      return { status: 'ready', database: deps.db.dialect };
    } catch {
      return sendProblem(reply, new AppError('DATABASE_UNAVAILABLE', 'The database does not answer.'));
    }
  });

  const routes = allRoutes(deps);
  const document = openApiDocument(routes, {
    title: 'Otodoke API',
    version: VERSION,
    description: 'Orders, shipments, customers and their timeline. Authenticate with `Authorization: Bearer <store API key>`.',
  });
  app.get('/api/v1/openapi.json', { config: { auth: false } }, async () => document);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  for (const r of routes) registerRoute(app, r);
  await app.register(preferencesRoutes(deps));
  return app;
}
