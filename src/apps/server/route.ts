import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Store } from '../../core/store/store.types.ts';
import { fromZod } from './problem.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec<P extends ZodType, Q extends ZodType, B extends ZodType> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Response schema for the docs (status 200/201). */
  response?: ZodType;
  status?: number;
  /** Store API key required (default true). */
  auth?: boolean;
  /** Honour Idempotency-Key (POST routes default to true). */
  idempotent?: boolean;
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; store: Store },
    req: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

export const defineRoute = <P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType>(spec: RouteSpec<P, Q, B>): AnyRoute => spec;

function parse<T extends ZodType>(schema: T | undefined, value: unknown): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

declare module 'fastify' {
  interface FastifyRequest {
    store?: Store;
  }
}

/** Registers the route: parse params, query and body with Zod, call the handler, present the result. */
export function registerRoute(app: FastifyInstance, spec: AnyRoute) {
  app.route({
    method: spec.method,
    url: spec.url,
    config: { auth: spec.auth ?? true, idempotent: spec.idempotent ?? spec.method === 'POST' },
    handler: async (req, reply) => {
      const params = parse(spec.params, req.params);
      const query = parse(spec.query, req.query);
      const body = parse(spec.body, req.body ?? {});
      const result = await spec.handler({ params, query, body, store: req.store! }, req, reply);
      if (reply.sent) return reply;
      if (spec.status) reply.code(spec.status);
      return result;
    },
  });
}

const toSchema = (s: ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** OpenAPI 3.1 document of every route, from the same Zod schemas that validate requests. */
export function openApiDocument(routes: AnyRoute[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    const addParams = (schema: ZodType | undefined, where: 'path' | 'query') => {
      if (!schema) return;
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    };
    addParams(r.params, 'path');
    addParams(r.query, 'query');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters,
      responses: {
        [String(r.status ?? 200)]: {
          description: 'Success',
          ...(r.response && { content: { 'application/json': { schema: toSchema(r.response, 'output') } } }),
        },
        default: { description: 'A problem (RFC 9457) with a stable `code`', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } };
    if (r.auth ?? true) op.security = [{ apiKey: [] }];
    if (r.idempotent ?? r.method === 'POST') {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 }, description: 'Retries with the same key return the first answer.' });
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'The store API key from `otodoke stores create`.' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, details: { type: 'object' } },
          required: ['title', 'status', 'code'],
        },
      },
    },
  };
}
