import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses input with a schema; a failure is a VALIDATION_FAILED error naming each field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
  const summary = issues.slice(0, 5).map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `The request is not valid: ${summary}`, { issues });
}
