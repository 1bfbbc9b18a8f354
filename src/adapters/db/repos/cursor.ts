import { AppError } from '../../../core/shared/errors.ts';
import { decodeCursor } from '../json.ts';

export function readCursor(cursor: string | null, arity: number): string[] | null {
  if (cursor === null) return null;
  const v = decodeCursor(cursor);
  if (!v || v.length !== arity || !v.every((x) => typeof x === 'string')) {
    throw new AppError('INVALID_CURSOR', 'The cursor is not one this API returned.', { cursor });
  }
  return v as string[];
}
