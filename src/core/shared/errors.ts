import { ERROR_CODES, type ErrorCode, type ErrorKind } from './error-codes.ts';

export type { ErrorCode, ErrorKind } from './error-codes.ts';

/** The one error type of the domain: a kind (maps to HTTP), a stable code and details. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.kind = ERROR_CODES[code];
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** A field-level problem, as reported by validation. */
export interface FieldIssue {
  path: string;
  message: string;
}

export const validationError = (issues: FieldIssue[], message = 'The request is not valid.') =>
  new AppError('VALIDATION_FAILED', message, { issues });
