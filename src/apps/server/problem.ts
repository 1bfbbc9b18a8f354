import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { AppError, isAppError, type ErrorKind } from '../../core/shared/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

/** Codes whose HTTP status is more specific than their kind's. */
const STATUS_BY_CODE: Partial<Record<string, number>> = {
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  INVALID_TRANSITION: 409,
};

export function fromZod(e: ZodError): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid: ' + e.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).slice(0, 5).join('; '), {
    issues: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
  });
}

/** Normalises anything thrown into an AppError; unknown errors become a 500 without internals. */
export function toAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (e instanceof ZodError) return fromZod(e);
  const fe = e as { code?: string; statusCode?: number; message?: string };
  if (fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts.');
  if (fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('VALIDATION_FAILED', fe.message ?? 'The request body is not valid.');
  }
  if (fe?.statusCode === 400 && fe.code?.startsWith('FST_')) return new AppError('VALIDATION_FAILED', fe.message ?? 'Bad request.');
  return null;
}

export function statusOf(e: AppError): number {
  return STATUS_BY_CODE[e.code] ?? STATUS[e.kind];
}

/** Answers with RFC 9457 problem details carrying the stable code. */
export function sendProblem(reply: FastifyReply, e: AppError, instance?: string) {
  const status = statusOf(e);
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://otodoke.dev/problems/${e.code.toLowerCase().replace(/_/g, '-')}`,
      title: e.message,
      status,
      code: e.code,
      ...(instance && { instance }),
      ...(Object.keys(e.details).length > 0 && { details: e.details }),
    });
}
